import { applicationJson } from './ari-json';
import { AriHttpError, missingParameter, notFound } from './http-error';
import { ok, pathParam, queryParam, type RouteDef, type RouteRequest } from './route-def';
import type { SimWorld } from './sim-world';
import type { StasisApp } from './sim-types';

const applicationName = pathParam('applicationName', "Application's name");
const eventSource = queryParam('eventSource', 'string', 'URI for event source (channel:{channelId}, bridge:{bridgeId}, endpoint:{tech}[/{resource}], deviceState:{deviceName}', { required: true, allowMultiple: true });

function findApp(w: SimWorld, name: string | undefined): StasisApp {
  const app = name === undefined ? undefined : w.hub.apps.get(name);
  if (!app) throw notFound('Application');
  return app;
}

function sources(req: RouteRequest): Array<{ scheme: string; id: string }> {
  const list = req.params.list('eventSource');
  if (list.length === 0) throw missingParameter('eventSource');
  return list.map((source) => {
    const colon = source.indexOf(':');
    const scheme = colon < 0 ? '' : source.slice(0, colon);
    if (!['channel', 'bridge', 'endpoint', 'deviceState'].includes(scheme)) throw new AriHttpError(400, 'Invalid event source URI scheme');
    return { scheme, id: source.slice(colon + 1) };
  });
}

function subscribe(w: SimWorld, req: RouteRequest, on: boolean): StasisApp {
  const app = findApp(w, req.path.applicationName);
  const wanted = sources(req);
  const resolved = wanted.map(({ scheme, id }) => {
    const channel = scheme === 'channel' ? w.channels.get(id) : undefined;
    const bridge = scheme === 'bridge' ? w.bridges.get(id) : undefined;
    if (!channel?.alive && !bridge) throw new AriHttpError(422, 'Event source does not exist');
    if (!on && !(channel ? app.channelIds.has(id) : app.bridgeIds.has(id))) throw new AriHttpError(422, 'Event source was not subscribed to');
    return { channel, bridge };
  });
  for (const { channel, bridge } of resolved) {
    if (channel) {
      if (on) w.hub.subscribeChannel(app, channel);
      else w.hub.unsubscribeChannel(app, channel);
      // An explicit subscription outlives StasisEnd.
      if (on && channel.stasis?.implicitSubscription && channel.stasis.app === app) channel.stasis = { ...channel.stasis, implicitSubscription: false };
    }
    if (bridge) w.hub.addBridgeRef(app, bridge, on ? 1 : -Infinity);
  }
  return app;
}

/** Stasis applications: list, get, subscribe and unsubscribe to event sources. */
export function applicationRoutes(w: SimWorld): RouteDef[] {
  const route = (r: Omit<RouteDef, 'resource'>): RouteDef => ({ resource: 'applications', ...r });
  return [
    route({ method: 'GET', path: '/applications', nickname: 'list', summary: 'List all applications.', params: [], responseClass: 'List[Application]', errors: [],
      handle: () => ok([...w.hub.apps.values()].map(applicationJson)) }),
    route({ method: 'GET', path: '/applications/{applicationName}', nickname: 'get', summary: 'Get details of an application.', params: [applicationName],
      responseClass: 'Application', errors: [[404, 'Application does not exist.']], handle: (req) => ok(applicationJson(findApp(w, req.path.applicationName))) }),
    route({ method: 'POST', path: '/applications/{applicationName}/subscription', nickname: 'subscribe', summary: 'Subscribe an application to a event source.',
      params: [applicationName, eventSource], responseClass: 'Application',
      errors: [[400, 'Missing parameter.'], [404, 'Application does not exist.'], [422, 'Event source does not exist.']],
      handle: (req) => ok(applicationJson(subscribe(w, req, true))) }),
    route({ method: 'DELETE', path: '/applications/{applicationName}/subscription', nickname: 'unsubscribe', summary: 'Unsubscribe an application from an event source.',
      params: [applicationName, eventSource], responseClass: 'Application',
      errors: [[400, 'Missing parameter; event source scheme not recognized.'], [404, 'Application does not exist.'], [409, 'Application not subscribed to event source.'], [422, 'Event source does not exist.']],
      handle: (req) => ok(applicationJson(subscribe(w, req, false))) }),
  ];
}
