import { formatAriTime } from './ari-time';
import type { ParsedEndpoint } from './endpoint-parser';
import type { SimWorld } from './sim-world';
import type { CallerId, ChannelState, DialplanLocation, MediaTarget, SimChannel } from './sim-types';

const NO_CALLER: CallerId = { name: '', number: '' };

/** `"Sales" <555>`, `Sales <555>` or `555`, as Asterisk reads the callerId parameter. */
export function parseCallerId(text: string | undefined): CallerId {
  if (!text) return NO_CALLER;
  const m = /^\s*(?:"([^"]*)"|([^<]*?))\s*<([^>]*)>\s*$/.exec(text);
  if (m) return { name: (m[1] ?? m[2] ?? '').trim(), number: (m[3] ?? '').trim() };
  return { name: '', number: text.trim() };
}

interface ChannelSpec {
  readonly id: string;
  readonly name: string;
  readonly tech: SimChannel['tech'];
  readonly half: SimChannel['half'];
  readonly state: ChannelState;
  readonly caller: CallerId;
  readonly dialplan: DialplanLocation;
  readonly protocolId?: string;
}

function newChannel(w: SimWorld, spec: ChannelSpec): SimChannel {
  const playbacks: MediaTarget['playbacks'] = [];
  const recordings: MediaTarget['recordings'] = new Set();
  const ch: SimChannel = {
    id: spec.id, name: spec.name, tech: spec.tech, half: spec.half, state: spec.state,
    protocolId: spec.protocolId ?? '', caller: spec.caller, connected: spec.caller, dialplan: spec.dialplan,
    creationtime: formatAriTime(w.clock.now()), vars: new Map(), subs: [], other: null, call: null, stasis: null,
    leftStasis: false, bridge: null, bridgePeer: '', moh: null, alive: true,
    media: { uri: `channel:${spec.id}`, playbacks, recordings, audience: () => ch.subs },
  };
  w.channels.set(ch.id, ch);
  return ch;
}

export interface PairIds {
  readonly channelId?: string;
  readonly otherChannelId?: string;
}

/** A Local channel: ;1 is ours (it dials), ;2 runs the far end's dialplan. */
export function createLocalPair(
  w: SimWorld, ep: Extract<ParsedEndpoint, { kind: 'local' }>, ids: PairIds, caller: CallerId, dialing: boolean,
): [SimChannel, SimChannel] {
  const nearId = ids.channelId ?? w.ids.uniqueId();
  const farId = ids.otherChannelId ?? (ids.channelId ? `${ids.channelId};2` : w.ids.uniqueId());
  const base = `Local/${ep.exten}@${ep.context}-${w.ids.nameSuffix()}`;
  const near = newChannel(w, {
    id: nearId, name: `${base};1`, tech: 'Local', half: 1, state: 'Down', caller,
    dialplan: { context: ep.context, exten: ep.exten, priority: 1, appName: dialing ? 'AppDial2' : '', appData: dialing ? '(Outgoing Line)' : '' },
  });
  const far = newChannel(w, {
    id: farId, name: `${base};2`, tech: 'Local', half: 2, state: 'Ring', caller,
    dialplan: { context: ep.context, exten: ep.exten, priority: 1, appName: '', appData: '' },
  });
  near.other = far;
  far.other = near;
  return [near, far];
}

/** A PJSIP channel to a trunk or a phone; there is no second half. */
export function createPjsipChannel(
  w: SimWorld, ep: Extract<ParsedEndpoint, { kind: 'pjsip' }>, channelId: string | undefined, caller: CallerId, dialing: boolean,
): SimChannel {
  return newChannel(w, {
    id: channelId ?? w.ids.uniqueId(),
    name: `PJSIP/${ep.endpointName}-${w.ids.nameSuffix()}`,
    tech: 'PJSIP', half: 0, state: 'Down', caller, protocolId: w.ids.uuid(),
    dialplan: {
      context: ep.party === 'customer' ? 'sim-customers' : 'sim-agents', exten: 's', priority: 1,
      appName: dialing ? 'AppDial2' : '', appData: dialing ? '(Outgoing Line)' : '',
    },
  });
}

/** A call arriving on a trunk (PJSIP/<trunk>-<n>), ringing in `context` at `exten`. */
export function createInboundChannel(w: SimWorld, trunk: string, caller: CallerId, context: string, exten: string): SimChannel {
  return newChannel(w, {
    id: w.ids.uniqueId(), name: `PJSIP/${trunk}-${w.ids.nameSuffix()}`, tech: 'PJSIP', half: 0, state: 'Ring', caller,
    protocolId: w.ids.uuid(), dialplan: { context, exten, priority: 1, appName: '', appData: '' },
  });
}

/** True when a channel id (or its would-be second half) is taken. */
export function channelIdTaken(w: SimWorld, ids: PairIds): boolean {
  return (ids.channelId !== undefined && w.channels.has(ids.channelId))
    || (ids.otherChannelId !== undefined && w.channels.has(ids.otherChannelId));
}
