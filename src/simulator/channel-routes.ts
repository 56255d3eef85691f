import { channelJson } from './ari-json';
import { continueInDialplan } from './call-progress';
import { emitVarset } from './channel-events';
import { findChannel, findStasisChannel } from './channel-lookup';
import { hangupReasons } from './hangup-causes';
import { hangupByApp } from './hangup';
import { AriHttpError } from './http-error';
import { createChannel, dialCreated, originate, type OriginateRequest } from './originate';
import {
  noContent, ok, pathParam, queryParam, variablesParam,
  type ParamDef, type RouteDef, type RouteRequest,
} from './route-def';
import type { SimWorld } from './sim-world';

const channelId = pathParam('channelId', "Channel's id");

const originateParams: ParamDef[] = [
  queryParam('endpoint', 'string', 'Endpoint to call.', { required: true }),
  queryParam('extension', 'string', 'The extension to dial after the endpoint answers. Mutually exclusive with app.'),
  queryParam('context', 'string', "The context to dial after the endpoint answers. If omitted, uses 'default'."),
  queryParam('priority', 'long', 'The priority to dial after the endpoint answers. If omitted, uses 1.'),
  queryParam('label', 'string', 'The label to dial after the endpoint answers.'),
  queryParam('app', 'string', 'The Stasis application the channel enters when answered; it is subscribed to the channel at once.'),
  queryParam('appArgs', 'string', 'Comma separated arguments for the Stasis application.'),
  queryParam('callerId', 'string', 'Caller id to use when dialing the endpoint or extension.'),
  queryParam('timeout', 'int', 'Timeout (in seconds) before giving up dialing, or -1 for no timeout.', { defaultValue: 30 }),
  variablesParam(),
  queryParam('otherChannelId', 'string', 'The unique id of the second channel when using Local channels.'),
  queryParam('originator', 'string', 'Unique id of the calling channel.'),
  queryParam('formats', 'string', 'Format capability list, e.g. "ulaw,slin16".'),
];

function originateRequest(req: RouteRequest, id: string | undefined): OriginateRequest {
  const p = req.params;
  return {
    endpoint: p.str('endpoint'), app: p.str('app'), appArgs: p.str('appArgs'), context: p.str('context'),
    extension: p.str('extension'), priority: p.has('priority') ? p.int('priority', 1) : undefined,
    callerId: p.str('callerId'), timeout: p.int('timeout', 30), channelId: id,
    otherChannelId: p.str('otherChannelId'), variables: p.variables,
  };
}

function hangupCause(req: RouteRequest): number {
  const reason = req.params.str('reason');
  const code = req.params.str('reason_code');
  if (reason !== undefined && code !== undefined) throw new AriHttpError(400, "The reason and reason_code can't both be specified");
  if (code !== undefined) return req.params.int('reason_code', 16);
  if (reason === undefined) return 16;
  const cause = hangupReasons[reason];
  if (cause === undefined) throw new AriHttpError(400, 'Invalid reason for hangup reason provided');
  return cause;
}

const route = (r: Omit<RouteDef, 'resource'>): RouteDef => ({ resource: 'channels', ...r });

/** Channel life: list, originate, create + dial, hang up, answer, continue, variables. */
export function channelRoutes(w: SimWorld): RouteDef[] {
  return [
    route({ method: 'GET', path: '/channels', nickname: 'list', summary: 'List all active channels in Asterisk.', params: [], responseClass: 'List[Channel]', errors: [],
      handle: () => ok([...w.channels.values()].map(channelJson)) }),
    route({ method: 'POST', path: '/channels', nickname: 'originate', summary: 'Create a new channel (originate).',
      params: [...originateParams, queryParam('channelId', 'string', 'The unique id to assign the channel on creation.')], responseClass: 'Channel',
      errors: [[400, 'Invalid parameters for originating a channel.'], [409, 'Channel with given unique ID already exists.']],
      handle: (req) => ok(channelJson(originate(w, originateRequest(req, req.params.str('channelId'))))) }),
    route({ method: 'POST', path: '/channels/create', nickname: 'create', summary: 'Create channel.',
      params: [
        queryParam('endpoint', 'string', 'Endpoint for channel communication', { required: true }),
        queryParam('app', 'string', 'Stasis Application to place channel into', { required: true }),
        queryParam('appArgs', 'string', 'Comma separated arguments for the Stasis application.'),
        queryParam('channelId', 'string', 'The unique id to assign the channel on creation.'),
        queryParam('otherChannelId', 'string', 'The unique id to assign the second channel when using local channels.'),
        queryParam('originator', 'string', 'Unique ID of the calling channel'),
        queryParam('formats', 'string', 'The format name capability list to use if originator is not specified.'),
        variablesParam(),
      ],
      responseClass: 'Channel', errors: [[409, 'Channel with given unique ID already exists.']],
      handle: (req) => ok(channelJson(createChannel(w, {
        endpoint: req.params.str('endpoint'), app: req.params.str('app'), appArgs: req.params.str('appArgs'),
        channelId: req.params.str('channelId'), otherChannelId: req.params.str('otherChannelId'), variables: req.params.variables,
      }))) }),
    route({ method: 'GET', path: '/channels/{channelId}', nickname: 'get', summary: 'Channel details.', params: [channelId], responseClass: 'Channel',
      errors: [[404, 'Channel not found']], handle: (req) => ok(channelJson(findChannel(w, req.path.channelId))) }),
    route({ method: 'POST', path: '/channels/{channelId}', nickname: 'originateWithId', summary: 'Create a new channel (originate with id).',
      params: [pathParam('channelId', 'The unique id to assign the channel on creation.'), ...originateParams], responseClass: 'Channel',
      errors: [[400, 'Invalid parameters for originating a channel.'], [409, 'Channel with given unique ID already exists.']],
      handle: (req) => ok(channelJson(originate(w, originateRequest(req, req.path.channelId)))) }),
    ...channelControlRoutes(w),
    ...variableRoutes(w),
  ];
}

function channelControlRoutes(w: SimWorld): RouteDef[] {
  return [
    route({ method: 'DELETE', path: '/channels/{channelId}', nickname: 'hangup', summary: 'Delete (i.e. hangup) a channel.',
      params: [
        channelId,
        queryParam('reason_code', 'string', 'The reason code for hanging up the channel (a Q.850 cause).'),
        queryParam('reason', 'string', 'Reason for hanging up the channel.', { values: Object.keys(hangupReasons) }),
      ],
      responseClass: 'void', errors: [[400, 'Invalid reason for hangup provided'], [404, 'Channel not found']],
      handle: (req) => {
        const ch = findChannel(w, req.path.channelId);
        hangupByApp(w, ch, hangupCause(req));
        return noContent();
      } }),
    route({ method: 'POST', path: '/channels/{channelId}/dial', nickname: 'dial', summary: 'Dial a created channel.',
      params: [channelId, queryParam('caller', 'string', "Channel id of the caller"), queryParam('timeout', 'int', 'Dial timeout in seconds (0: none).', { defaultValue: 0 })],
      responseClass: 'void', errors: [[404, 'Channel cannot be found.'], [409, 'Channel cannot be dialed.']],
      handle: (req) => {
        dialCreated(w, w.channels.get(req.path.channelId ?? ''), req.params.int('timeout', 0));
        return noContent();
      } }),
    route({ method: 'POST', path: '/channels/{channelId}/continue', nickname: 'continueInDialplan', summary: 'Exit application; continue execution in the dialplan.',
      params: [channelId, queryParam('context', 'string', 'The context to continue to.'), queryParam('extension', 'string', 'The extension to continue to.'),
        queryParam('priority', 'int', 'The priority to continue to.'), queryParam('label', 'string', 'The label to continue to.')],
      responseClass: 'void', errors: [[404, 'Channel not found'], [409, 'Channel not in a Stasis application'], [412, 'Channel in invalid state']],
      handle: (req) => {
        const ch = findStasisChannel(w, req.path.channelId);
        const p = req.params;
        continueInDialplan(w, ch, { context: p.str('context'), extension: p.str('extension'), priority: p.has('priority') ? p.int('priority', 1) : undefined });
        return noContent();
      } }),
  ];
}

function variableRoutes(w: SimWorld): RouteDef[] {
  const variable = queryParam('variable', 'string', 'The channel variable or function to get or set.', { required: true });
  return [
    { resource: 'channels', method: 'GET', path: '/channels/{channelId}/variable', nickname: 'getChannelVar', summary: 'Get the value of a channel variable or function.',
      params: [channelId, variable], responseClass: 'Variable',
      errors: [[400, 'Missing variable parameter.'], [404, 'Channel or variable not found.'], [409, 'Channel not in a Stasis application']],
      handle: (req) => {
        const ch = findChannel(w, req.path.channelId);
        const name = req.params.str('variable');
        if (!name) throw new AriHttpError(400, 'Variable name is required');
        const value = name === 'CALLERID(num)' ? ch.caller.number : name === 'CALLERID(name)' ? ch.caller.name : ch.vars.get(name);
        if (value === undefined) throw new AriHttpError(404, 'Provided variable was not found');
        return ok({ value });
      } },
    { resource: 'channels', method: 'POST', path: '/channels/{channelId}/variable', nickname: 'setChannelVar', summary: 'Set the value of a channel variable or function.',
      params: [channelId, variable, queryParam('value', 'string', 'The value to set the variable to'),
        queryParam('report_events', 'boolean', 'Report ChannelVarset events for this variable', { defaultValue: false })],
      responseClass: 'void', errors: [[400, 'Missing variable parameter.'], [404, 'Channel not found'], [409, 'Channel not in a Stasis application']],
      handle: (req) => {
        const ch = findStasisChannel(w, req.path.channelId);
        const name = req.params.str('variable');
        if (!name) throw new AriHttpError(400, 'Variable name is required');
        const value = req.params.str('value') ?? '';
        ch.vars.set(name, value);
        emitVarset(w.hub, ch, name, value);
        return noContent();
      } },
  ];
}
