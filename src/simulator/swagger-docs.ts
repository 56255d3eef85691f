import type { ApiResource, ParamDef, RouteDef } from './route-def';
import { modelsFor } from './swagger-models';

const descriptions: Readonly<Record<ApiResource, string>> = {
  asterisk: 'Asterisk resources',
  endpoints: 'Endpoint resources',
  channels: 'Channel resources',
  bridges: 'Bridge resources',
  recordings: 'Recording resources',
  sounds: 'Sound resources',
  playbacks: 'Playback control resources',
  deviceStates: 'Device state resources',
  mailboxes: 'Mailboxes resources',
  events: 'WebSocket resource',
  applications: 'Stasis application resources',
};

const order: readonly ApiResource[] = ['asterisk', 'endpoints', 'channels', 'bridges', 'recordings', 'sounds', 'playbacks', 'deviceStates', 'mailboxes', 'events', 'applications'];

function parameterJson(p: ParamDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: p.name, description: p.description, paramType: p.paramType, required: p.required ?? false,
    allowMultiple: p.allowMultiple ?? false, dataType: p.dataType,
  };
  if (p.defaultValue !== undefined) out.defaultValue = p.defaultValue;
  if (p.values) out.allowableValues = { valueType: 'LIST', values: p.values };
  return out;
}

function operationJson(r: RouteDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    httpMethod: r.method, summary: r.summary, nickname: r.nickname, responseClass: r.responseClass,
    parameters: r.params.map(parameterJson),
    errorResponses: r.errors.map(([code, reason]) => ({ code, reason })),
  };
  if (r.resource === 'events' && r.nickname === 'eventWebsocket') {
    out.upgrade = 'websocket';
    out.websocketProtocol = 'ari';
  }
  return out;
}

/**
 * The Swagger 1.1 documents ari-client loads at connect time, generated from the simulator's own
 * route table; basePath is whatever host the client used to reach us.
 */
export class SwaggerDocs {
  private readonly cache = new Map<string, string>();

  constructor(private readonly routes: readonly RouteDef[], private readonly apiVersion = '10.0.0') {}

  resources(host: string): string {
    return this.cached(`resources@${host}`, () => ({
      apiVersion: this.apiVersion, swaggerVersion: '1.1', basePath: `http://${host}/ari`,
      apis: order.map((name) => ({ path: `/api-docs/${name}.{format}`, description: descriptions[name] })),
    }));
  }

  /** One API declaration (`channels.json`), or undefined for an unknown name. */
  api(name: string, host: string): string | undefined {
    if (!(order as readonly string[]).includes(name)) return undefined;
    const resource = name as ApiResource;
    return this.cached(`${name}@${host}`, () => ({
      apiVersion: '2.0.0', swaggerVersion: '1.1', basePath: `http://${host}/ari`,
      resourcePath: `/api-docs/${name}.{format}`, apis: this.paths(resource), models: modelsFor(resource),
    }));
  }

  private paths(resource: ApiResource): Array<Record<string, unknown>> {
    const byPath = new Map<string, RouteDef[]>();
    for (const r of this.routes) {
      if (r.resource !== resource) continue;
      const list = byPath.get(r.path) ?? [];
      list.push(r);
      byPath.set(r.path, list);
    }
    return [...byPath].map(([path, routes]) => ({ path, description: routes[0]!.summary, operations: routes.map(operationJson) }));
  }

  private cached(key: string, build: () => unknown): string {
    let text = this.cache.get(key);
    if (text === undefined) {
      text = JSON.stringify(build());
      this.cache.set(key, text);
    }
    return text;
  }
}
