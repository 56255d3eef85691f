import { release } from 'node:os';
import { formatAriTime } from './ari-time';
import { AriHttpError, notFound } from './http-error';
import { ok, pathParam, queryParam, type RouteDef } from './route-def';
import type { SimWorld } from './sim-world';

function asteriskInfo(w: SimWorld, only: readonly string[]): Record<string, unknown> {
  const started = formatAriTime(w.startupTime);
  const all: Record<string, unknown> = {
    build: { os: 'Linux', kernel: release(), machine: process.arch === 'x64' ? 'x86_64' : process.arch, options: 'OPTIONAL_API', date: started.slice(0, 10), user: 'ari-simulator' },
    system: { version: w.options.version, entity_id: w.options.asteriskId },
    config: { name: '', default_language: 'en', setid: { user: '', group: '' }, max_channels: 2000 },
    status: { startup_time: started, last_reload_time: started },
  };
  if (only.length === 0) return all;
  return Object.fromEntries(Object.entries(all).filter(([key]) => only.includes(key)));
}

/** /asterisk, /endpoints, /sounds, /deviceStates, /mailboxes and the /events WebSocket declaration. */
export function systemRoutes(w: SimWorld): RouteDef[] {
  const globals = w.globals;
  return [
    { resource: 'asterisk', method: 'GET', path: '/asterisk/info', nickname: 'getInfo', summary: 'Gets Asterisk system information.',
      params: [queryParam('only', 'string', 'Filter information returned', { allowMultiple: true, values: ['build', 'system', 'config', 'status'] })],
      responseClass: 'AsteriskInfo', errors: [], handle: (req) => ok(asteriskInfo(w, req.params.list('only'))) },
    { resource: 'asterisk', method: 'GET', path: '/asterisk/ping', nickname: 'ping', summary: 'Response pong message.', params: [],
      responseClass: 'AsteriskPing', errors: [], handle: () => ok({ ping: 'pong', timestamp: w.hub.timestamp(), asterisk_id: w.options.asteriskId }) },
    { resource: 'asterisk', method: 'GET', path: '/asterisk/variable', nickname: 'getGlobalVar', summary: 'Get the value of a global variable.',
      params: [queryParam('variable', 'string', 'The variable to get', { required: true })], responseClass: 'Variable', errors: [[400, 'Missing variable parameter.']],
      handle: (req) => {
        const name = req.params.str('variable');
        if (!name) throw new AriHttpError(400, 'Variable name is required');
        return ok({ value: globals.get(name) ?? (name === 'DIALER_APP' ? w.options.defaultApp : '') });
      } },
    { resource: 'asterisk', method: 'POST', path: '/asterisk/variable', nickname: 'setGlobalVar', summary: 'Set the value of a global variable.',
      params: [queryParam('variable', 'string', 'The variable to set', { required: true }), queryParam('value', 'string', 'The value to set the variable to')],
      responseClass: 'void', errors: [[400, 'Missing variable parameter.']],
      handle: (req) => {
        const name = req.params.str('variable');
        if (!name) throw new AriHttpError(400, 'Variable name is required');
        globals.set(name, req.params.str('value') ?? '');
        return { status: 204 };
      } },
    { resource: 'endpoints', method: 'GET', path: '/endpoints', nickname: 'list', summary: 'List all endpoints.', params: [],
      responseClass: 'List[Endpoint]', errors: [], handle: () => ok([]) },
    { resource: 'sounds', method: 'GET', path: '/sounds', nickname: 'list', summary: 'List all sounds.',
      params: [queryParam('lang', 'string', 'Lookup sound for a specific language.'), queryParam('format', 'string', 'Lookup sound in a specific format.')],
      responseClass: 'List[Sound]', errors: [], handle: () => ok(w.sounds.names().map((id) => ({ id, formats: [{ language: 'en', format: 'gsm' }] }))) },
    { resource: 'sounds', method: 'GET', path: '/sounds/{soundId}', nickname: 'get', summary: "Get a sound's details.", params: [pathParam('soundId', "Sound's id")],
      responseClass: 'Sound', errors: [], handle: (req) => {
        const id = req.path.soundId ?? '';
        if (!w.sounds.has(id)) throw notFound('Sound');
        return ok({ id, formats: [{ language: 'en', format: 'gsm' }] });
      } },
    { resource: 'deviceStates', method: 'GET', path: '/deviceStates', nickname: 'list', summary: 'List all ARI controlled device states.', params: [],
      responseClass: 'List[DeviceState]', errors: [], handle: () => ok([]) },
    { resource: 'mailboxes', method: 'GET', path: '/mailboxes', nickname: 'list', summary: 'List all mailboxes.', params: [],
      responseClass: 'List[Mailbox]', errors: [], handle: () => ok([]) },
    { resource: 'events', method: 'GET', path: '/events', nickname: 'eventWebsocket', summary: 'WebSocket connection for events.',
      params: [queryParam('app', 'string', 'Applications to subscribe to.', { required: true, allowMultiple: true }),
        queryParam('subscribeAll', 'boolean', 'Subscribe to all Asterisk events.')],
      responseClass: 'Message', errors: [], handle: () => { throw new AriHttpError(400, 'WebSocket upgrade required'); } },
  ];
}
