import { bridgeJson } from './ari-json';
import { createBridge, destroyBridge, joinBridge, leaveBridge, setBridgeMoh, updateBridgePeers, updateConnectedLines } from './bridge-ops';
import { AriHttpError, missingParameter, notFound, notInStasis } from './http-error';
import { playOn, playParams, recordOn, recordParams } from './media-requests';
import { abortPlaybacks } from './playback-engine';
import { finishAllRecordings } from './recording-engine';
import { noContent, ok, pathParam, queryParam, variablesParam, type ParamDef, type RouteDef, type RouteRequest } from './route-def';
import type { SimWorld } from './sim-world';
import type { SimBridge, SimChannel } from './sim-types';

const bridgeId = pathParam('bridgeId', "Bridge's id");
const bridgeTypes = ['mixing', 'holding', 'dtmf_events', 'proxy_media', 'video_sfu', 'video_single', 'sdp_label'];
const createParams: ParamDef[] = [
  queryParam('type', 'string', 'Comma separated list of bridge type attributes (mixing, holding, dtmf_events, proxy_media, video_sfu, video_single, sdp_label).'),
  queryParam('name', 'string', 'Name to give to the bridge being created.'),
  variablesParam('Bridge variables: {"variables": {"NAME": "value"}}.'),
];

function findBridge(w: SimWorld, id: string | undefined): SimBridge {
  const bridge = id === undefined ? undefined : w.bridges.get(id);
  if (!bridge) throw notFound('Bridge');
  return bridge;
}

function create(w: SimWorld, req: RouteRequest, id: string | undefined): SimBridge {
  const types = req.params.list('type');
  if (types.some((t) => !bridgeTypes.includes(t))) {
    throw new AriHttpError(500, `Unable to create bridge. Possible duplicate bridge id '${id ?? '(null)'}'`);
  }
  if (id !== undefined && w.bridges.has(id)) throw new AriHttpError(409, `Bridge with id '${id}' already exists`);
  return createBridge(w, id ?? w.ids.uuid(), req.params.str('name') ?? '', types.includes('holding'));
}

/** The channels named by `channel` (a comma list), all checked before anything changes. */
function channelsOf(w: SimWorld, req: RouteRequest): SimChannel[] {
  const ids = req.params.list('channel');
  if (ids.length === 0) throw missingParameter('channel');
  return ids.map((id) => {
    const ch = w.channels.get(id);
    if (!ch?.alive) throw new AriHttpError(400, 'Channel not found');
    return ch;
  });
}

function addChannels(w: SimWorld, req: RouteRequest): void {
  const bridge = findBridge(w, req.path.bridgeId);
  const channels = channelsOf(w, req);
  if (channels.some((ch) => !ch.stasis)) throw notInStasis(422);
  for (const ch of channels) joinBridge(w, bridge, ch);
  updateBridgePeers(w, bridge);
  if (!req.params.bool('inhibitConnectedLineUpdates', false)) updateConnectedLines(w, bridge, channels);
}

function removeChannels(w: SimWorld, req: RouteRequest): void {
  const bridge = findBridge(w, req.path.bridgeId);
  const channels = channelsOf(w, req);
  if (channels.some((ch) => ch.bridge !== bridge)) throw new AriHttpError(422, 'Channel not in this bridge');
  for (const ch of channels) leaveBridge(w, ch, 'remove');
}

const route = (r: Omit<RouteDef, 'resource'>): RouteDef => ({ resource: 'bridges', ...r });

/** Bridges: create (mixing or holding), add/remove/move channels, music on hold, play, record, destroy. */
export function bridgeRoutes(w: SimWorld): RouteDef[] {
  return [...bridgeLifeRoutes(w), ...membershipRoutes(w), ...bridgeMediaRoutes(w)];
}

function bridgeLifeRoutes(w: SimWorld): RouteDef[] {
  const stopMedia = (target: SimBridge['media']) => {
    abortPlaybacks(w, target);
    finishAllRecordings(w, target);
  };
  return [
    route({ method: 'GET', path: '/bridges', nickname: 'list', summary: 'List all active bridges in Asterisk.', params: [], responseClass: 'List[Bridge]', errors: [],
      handle: () => ok([...w.bridges.values()].map(bridgeJson)) }),
    route({ method: 'POST', path: '/bridges', nickname: 'create', summary: 'Create a new bridge.',
      params: [createParams[0]!, queryParam('bridgeId', 'string', 'Unique ID to give to the bridge being created.'), ...createParams.slice(1)],
      responseClass: 'Bridge', errors: [[409, 'Bridge with the same bridgeId already exists']],
      handle: (req) => ok(bridgeJson(create(w, req, req.params.str('bridgeId')))) }),
    route({ method: 'POST', path: '/bridges/{bridgeId}', nickname: 'createWithId', summary: 'Create a new bridge with a given id.',
      params: [createParams[0]!, pathParam('bridgeId', 'Unique ID to give to the bridge being created.'), ...createParams.slice(1)],
      responseClass: 'Bridge', errors: [[409, 'Bridge with the same bridgeId already exists']],
      handle: (req) => ok(bridgeJson(create(w, req, req.path.bridgeId))) }),
    route({ method: 'GET', path: '/bridges/{bridgeId}', nickname: 'get', summary: 'Get bridge details.', params: [bridgeId], responseClass: 'Bridge',
      errors: [[404, 'Bridge not found']], handle: (req) => ok(bridgeJson(findBridge(w, req.path.bridgeId))) }),
    route({ method: 'DELETE', path: '/bridges/{bridgeId}', nickname: 'destroy', summary: 'Shut down a bridge.', params: [bridgeId], responseClass: 'void',
      errors: [[404, 'Bridge not found']], handle: (req) => {
        destroyBridge(w, findBridge(w, req.path.bridgeId), stopMedia);
        return noContent();
      } }),
  ];
}

function membershipRoutes(w: SimWorld): RouteDef[] {
  return [
    route({ method: 'POST', path: '/bridges/{bridgeId}/addChannel', nickname: 'addChannel', summary: 'Add a channel to a bridge.',
      params: [bridgeId, queryParam('channel', 'string', 'Ids of channels to add to bridge', { required: true, allowMultiple: true }),
        queryParam('role', 'string', 'Channel\'s role in the bridge'), queryParam('absorbDTMF', 'boolean', 'Absorb DTMF coming from this channel', { defaultValue: false }),
        queryParam('mute', 'boolean', 'Mute audio from this channel', { defaultValue: false }),
        queryParam('inhibitConnectedLineUpdates', 'boolean', 'Do not send connected line updates for this channel', { defaultValue: false })],
      responseClass: 'void', errors: [[400, 'Channel not found'], [404, 'Bridge not found'], [409, "Bridge not in Stasis application; Channel currently recording"], [422, 'Channel not in Stasis application']],
      handle: (req) => {
        addChannels(w, req);
        return noContent();
      } }),
    route({ method: 'POST', path: '/bridges/{bridgeId}/removeChannel', nickname: 'removeChannel', summary: 'Remove a channel from a bridge.',
      params: [bridgeId, queryParam('channel', 'string', 'Ids of channels to remove from bridge', { required: true, allowMultiple: true })],
      responseClass: 'void', errors: [[400, 'Channel not found'], [404, 'Bridge not found'], [409, 'Bridge not in Stasis application'], [422, 'Channel not in this Bridge']],
      handle: (req) => {
        removeChannels(w, req);
        return noContent();
      } }),
  ];
}

function bridgeMediaRoutes(w: SimWorld): RouteDef[] {
  return [
    route({ method: 'POST', path: '/bridges/{bridgeId}/moh', nickname: 'startMoh', summary: 'Play music on hold to a bridge or change the MOH class that is playing.',
      params: [bridgeId, queryParam('mohClass', 'string', "Channel's id")], responseClass: 'void', errors: [[404, 'Bridge not found'], [409, 'Bridge not in Stasis application']],
      handle: (req) => {
        setBridgeMoh(w, findBridge(w, req.path.bridgeId), req.params.str('mohClass') ?? 'default');
        return noContent();
      } }),
    route({ method: 'DELETE', path: '/bridges/{bridgeId}/moh', nickname: 'stopMoh', summary: 'Stop playing music on hold to a bridge.',
      params: [bridgeId], responseClass: 'void', errors: [[404, 'Bridge not found'], [409, 'Bridge not in Stasis application']],
      handle: (req) => {
        const bridge = findBridge(w, req.path.bridgeId);
        if (!bridge.moh) throw new AriHttpError(409, "Bridge isn't playing music");
        setBridgeMoh(w, bridge, null);
        return noContent();
      } }),
    route({ method: 'POST', path: '/bridges/{bridgeId}/play', nickname: 'play', summary: 'Start playback of media on a bridge.',
      params: [bridgeId, ...playParams, queryParam('playbackId', 'string', 'Playback Id.')], responseClass: 'Playback',
      errors: [[404, 'Bridge not found'], [409, 'Bridge not in a Stasis application']],
      handle: (req) => playOn(w, findBridge(w, req.path.bridgeId).media, req, req.params.str('playbackId')) }),
    route({ method: 'POST', path: '/bridges/{bridgeId}/play/{playbackId}', nickname: 'playWithId', summary: 'Start playback of media on a bridge.',
      params: [bridgeId, pathParam('playbackId', 'Playback ID.'), ...playParams], responseClass: 'Playback',
      errors: [[404, 'Bridge not found'], [409, 'Bridge not in a Stasis application']],
      handle: (req) => playOn(w, findBridge(w, req.path.bridgeId).media, req, req.path.playbackId) }),
    route({ method: 'POST', path: '/bridges/{bridgeId}/record', nickname: 'record', summary: 'Start a recording.',
      params: [bridgeId, ...recordParams], responseClass: 'LiveRecording',
      errors: [[400, 'Invalid parameters'], [404, 'Bridge not found'], [409, 'Bridge is not in a Stasis application; A recording with the same name already exists on the system and can not be overwritten because it is in progress or ifExists=fail'], [422, 'The format specified is unknown on this system']],
      handle: (req) => recordOn(w, findBridge(w, req.path.bridgeId).media, req) }),
  ];
}
