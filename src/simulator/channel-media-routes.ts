import { emitDtmf } from './channel-events';
import { findStasisChannel } from './channel-lookup';
import { AriHttpError } from './http-error';
import { playOn, playParams, recordOn, recordParams } from './media-requests';
import { noContent, pathParam, queryParam, type RouteDef, type RouteResult } from './route-def';
import type { SimWorld } from './sim-world';
import type { SimChannel } from './sim-types';

const channelId = pathParam('channelId', "Channel's id");
const stasisErrors: ReadonlyArray<readonly [number, string]> = [[404, 'Channel not found'], [409, 'Channel not in a Stasis application'], [412, 'Channel in invalid state']];

/** Operations on a channel in Stasis that answer 204 and only change state nobody sees in events. */
function simpleOperation(w: SimWorld, method: 'POST' | 'DELETE', path: string, nickname: string, summary: string,
  apply: (ch: SimChannel, params: Params) => void, extra: RouteDef['params'] = []): RouteDef {
  return {
    resource: 'channels', method, path, nickname, summary, params: [channelId, ...extra], responseClass: 'void', errors: stasisErrors,
    handle: (req): RouteResult => {
      apply(findStasisChannel(w, req.path.channelId), req.params);
      return noContent();
    },
  };
}

type Params = { str(name: string): string | undefined };

function needDirection(_ch: SimChannel, p: Params): void {
  if (!p.str('direction')) throw new AriHttpError(400, 'Direction is required');
}

/** Keys sent to a Local channel come out of its far half, which reports them (ChannelDtmfReceived). */
function sendKeys(w: SimWorld, ch: SimChannel, p: Params): void {
  const digits = p.str('dtmf') ?? '';
  const between = Number(p.str('between') ?? 100) || 100;
  const far = ch.half === 1 ? ch.other : null;
  [...digits].forEach((digit, i) => {
    w.clock.after(300 + i * (between + 20), () => { if (far?.alive) emitDtmf(w.hub, far, digit); });
  });
}

/** A created channel that was never dialed has no media yet: 412. */
function playable(w: SimWorld, id: string | undefined): SimChannel {
  const ch = findStasisChannel(w, id);
  if (ch.state === 'Down') throw new AriHttpError(412, 'Channel in invalid state');
  return ch;
}

/** Answer, ring, music on hold, hold, mute, DTMF, play and record on a channel. */
export function channelMediaRoutes(w: SimWorld): RouteDef[] {
  return [
    simpleOperation(w, 'POST', '/channels/{channelId}/answer', 'answer', 'Answer a channel.', (ch) => {
      // Our channels are outgoing: Up already (204), or still dialing, which cannot be answered (412).
      if (ch.state !== 'Up') throw new AriHttpError(412, 'Channel in invalid state');
    }),
    simpleOperation(w, 'POST', '/channels/{channelId}/ring', 'ring', 'Indicate ringing to a channel.', () => undefined),
    simpleOperation(w, 'DELETE', '/channels/{channelId}/ring', 'ringStop', 'Stop ringing indication on a channel if locally generated.', () => undefined),
    simpleOperation(w, 'POST', '/channels/{channelId}/moh', 'startMoh', 'Play music on hold to a channel.', (ch, p) => { ch.moh = p.str('mohClass') ?? 'default'; },
      [queryParam('mohClass', 'string', "Music on hold class to use")]),
    simpleOperation(w, 'DELETE', '/channels/{channelId}/moh', 'stopMoh', 'Stop playing music on hold to a channel.', (ch) => { ch.moh = null; }),
    simpleOperation(w, 'POST', '/channels/{channelId}/silence', 'startSilence', 'Play silence to a channel.', () => undefined),
    simpleOperation(w, 'DELETE', '/channels/{channelId}/silence', 'stopSilence', 'Stop playing silence to a channel.', () => undefined),
    simpleOperation(w, 'POST', '/channels/{channelId}/hold', 'hold', 'Hold a channel.', () => undefined),
    simpleOperation(w, 'DELETE', '/channels/{channelId}/hold', 'unhold', 'Remove a channel from hold.', () => undefined),
    simpleOperation(w, 'POST', '/channels/{channelId}/mute', 'mute', 'Mute a channel.', needDirection,
      [queryParam('direction', 'string', 'Direction in which to mute audio', { defaultValue: 'both', values: ['both', 'in', 'out'] })]),
    simpleOperation(w, 'DELETE', '/channels/{channelId}/mute', 'unmute', 'Unmute a channel.', needDirection,
      [queryParam('direction', 'string', 'Direction in which to unmute audio', { defaultValue: 'both', values: ['both', 'in', 'out'] })]),
    simpleOperation(w, 'POST', '/channels/{channelId}/dtmf', 'sendDTMF', 'Send provided DTMF to a given channel.', (ch, p) => sendKeys(w, ch, p),
      [queryParam('dtmf', 'string', 'DTMF To send.'), queryParam('between', 'int', 'Amount of time between DTMF digits (specified in milliseconds).', { defaultValue: 100 }),
        queryParam('duration', 'int', 'Length of each DTMF digit (specified in milliseconds).', { defaultValue: 100 })]),
    { resource: 'channels', method: 'POST', path: '/channels/{channelId}/play', nickname: 'play', summary: 'Start playback of media.',
      params: [channelId, ...playParams, queryParam('playbackId', 'string', 'Playback ID.')], responseClass: 'Playback', errors: stasisErrors,
      handle: (req) => playOn(w, playable(w, req.path.channelId).media, req, req.params.str('playbackId')) },
    { resource: 'channels', method: 'POST', path: '/channels/{channelId}/play/{playbackId}', nickname: 'playWithId', summary: 'Start playback of media and specify the playbackId.',
      params: [channelId, pathParam('playbackId', 'Playback ID.'), ...playParams], responseClass: 'Playback', errors: stasisErrors,
      handle: (req) => playOn(w, playable(w, req.path.channelId).media, req, req.path.playbackId) },
    { resource: 'channels', method: 'POST', path: '/channels/{channelId}/record', nickname: 'record', summary: 'Start a recording.',
      params: [channelId, ...recordParams], responseClass: 'LiveRecording',
      errors: [[400, 'Invalid parameters'], [404, 'Channel not found'], [409, 'Channel is not in a Stasis application; the channel is currently bridged with other hcannels; A recording with the same name already exists on the system and can not be overwritten because it is in progress or ifExists=fail'], [422, 'The format specified is unknown on this system']],
      handle: (req) => recordOn(w, findStasisChannel(w, req.path.channelId).media, req) },
  ];
}
