/** The ARI resources (api-docs files) the simulator serves. */
export type ApiResource =
  | 'asterisk' | 'endpoints' | 'channels' | 'bridges' | 'recordings' | 'sounds'
  | 'playbacks' | 'deviceStates' | 'mailboxes' | 'events' | 'applications';

export type ParamType = 'string' | 'int' | 'long' | 'boolean' | 'containers' | 'object';

/** One parameter, described the way Swagger 1.1 wants it (and ari-client reads it). */
export interface ParamDef {
  readonly name: string;
  readonly paramType: 'path' | 'query' | 'body';
  readonly dataType: ParamType;
  readonly description: string;
  readonly required?: boolean;
  readonly allowMultiple?: boolean;
  readonly defaultValue?: string | number | boolean;
  readonly values?: readonly string[];
}

/** Query string and JSON body values of one request (body keys other than `variables` count as query parameters, as in Asterisk). */
export class RequestParams {
  constructor(private readonly values: ReadonlyMap<string, readonly string[]>, readonly variables: Readonly<Record<string, string>>) {}

  has(name: string): boolean {
    return (this.values.get(name)?.length ?? 0) > 0;
  }

  str(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  /** An integer parameter; missing or not a number gives `fallback`. */
  int(name: string, fallback: number): number {
    const raw = this.str(name);
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number.parseInt(raw, 10);
    return Number.isNaN(n) ? fallback : n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.str(name);
    if (raw === undefined) return fallback;
    return raw === 'true' || raw === '1' || raw === 'yes';
  }

  /** allowMultiple parameters arrive comma separated (ari-client joins arrays) or repeated. */
  list(name: string): string[] {
    return (this.values.get(name) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  }
}

export interface RouteRequest {
  readonly path: Readonly<Record<string, string>>;
  readonly params: RequestParams;
}

export interface RouteResult {
  readonly status: 200 | 201 | 204;
  readonly body?: unknown;
  readonly contentType?: string;
}

export interface RouteDef {
  readonly resource: ApiResource;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Swagger path, e.g. /channels/{channelId}/play/{playbackId}. */
  readonly path: string;
  readonly nickname: string;
  readonly summary: string;
  readonly params: readonly ParamDef[];
  /** Swagger response class: 'Channel', 'List[Channel]', 'void', … */
  readonly responseClass: string;
  readonly errors: ReadonlyArray<readonly [number, string]>;
  handle(req: RouteRequest): RouteResult;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const created = (body: unknown): RouteResult => ({ status: 201, body });
export const noContent = (): RouteResult => ({ status: 204 });

export const pathParam = (name: string, description: string): ParamDef =>
  ({ name, paramType: 'path', dataType: 'string', description, required: true, allowMultiple: false });

export const queryParam = (name: string, dataType: ParamType, description: string, extra: Partial<ParamDef> = {}): ParamDef =>
  ({ name, paramType: 'query', dataType, description, required: false, allowMultiple: false, ...extra });

export const variablesParam = (description = 'Channel variables to set: {"variables": {"NAME": "value"}}.'): ParamDef =>
  ({ name: 'variables', paramType: 'body', dataType: 'containers', description, required: false, allowMultiple: false });
