import { formatAriTime } from './ari-time';
import { emitBridgeDestroyed, emitBridgeMembership, emitCallerId, emitConnectedLine, emitVarset } from './channel-events';
import type { SimWorld } from './sim-world';
import type { CallerId, MediaTarget, SimBridge, SimChannel } from './sim-types';

const NO_CALLER: CallerId = { name: '', number: '' };

/** How a channel leaves a bridge. Only a hangup keeps the app's subscription to the bridge. */
export type LeaveReason = 'hangup' | 'remove' | 'move' | 'destroy';

export function createBridge(w: SimWorld, id: string, name: string, holding: boolean): SimBridge {
  const playbacks: MediaTarget['playbacks'] = [];
  const recordings: MediaTarget['recordings'] = new Set();
  const bridge: SimBridge = {
    id, name, bridgeType: holding ? 'holding' : 'mixing', technology: holding ? 'holding_bridge' : 'simple_bridge',
    creationtime: formatAriTime(w.clock.now()), channels: [], pseudo: [], appRefs: new Map(), moh: null, alive: true,
    media: { uri: `bridge:${id}`, playbacks, recordings, audience: () => w.hub.bridgeAudience(bridge) },
  };
  w.bridges.set(id, bridge);
  return bridge;
}

/** Puts a channel in a bridge, taking it out of the one it is in first (ChannelLeftBridge, then ChannelEnteredBridge). */
export function joinBridge(w: SimWorld, bridge: SimBridge, ch: SimChannel): void {
  if (ch.bridge) leaveBridge(w, ch, 'move');
  bridge.channels.push(ch);
  ch.bridge = bridge;
  for (const app of ch.subs) w.hub.addBridgeRef(app, bridge, 1);
  emitBridgeMembership(w.hub, 'ChannelEnteredBridge', bridge, ch);
}

export function leaveBridge(w: SimWorld, ch: SimChannel, reason: LeaveReason): void {
  const bridge = ch.bridge;
  if (!bridge) return;
  clearBridgePeer(w, ch);
  const index = bridge.channels.indexOf(ch);
  if (index >= 0) bridge.channels.splice(index, 1);
  ch.bridge = null;
  if (reason !== 'hangup') for (const app of ch.subs) w.hub.addBridgeRef(app, bridge, -1);
  emitBridgeMembership(w.hub, 'ChannelLeftBridge', bridge, ch);
  // Bridge music on hold stops by itself when the last participant leaves.
  if (bridge.channels.length === 0) setBridgeMoh(w, bridge, null);
  if (reason === 'destroy') return;
  updateBridgePeers(w, bridge);
  updateConnectedLines(w, bridge, []);
}

function clearBridgePeer(w: SimWorld, ch: SimChannel): void {
  if (ch.bridgePeer === '') return;
  ch.bridgePeer = '';
  emitVarset(w.hub, ch, 'BRIDGEPEER', '');
}

/**
 * Bridge music on hold. In a mixing bridge it is an Announcer/ARI_MOH channel, which shows in
 * BRIDGEPEER; holding bridges have no BRIDGEPEER at all.
 */
export function setBridgeMoh(w: SimWorld, bridge: SimBridge, mohClass: string | null): void {
  const was = bridge.moh;
  bridge.moh = mohClass;
  if ((was === null) === (mohClass === null)) return;
  const index = bridge.pseudo.findIndex((n) => n.startsWith('Announcer/ARI_MOH-'));
  if (mohClass !== null && index < 0) bridge.pseudo.push(`Announcer/ARI_MOH-${w.ids.nameSuffix()};2`);
  if (mohClass === null && index >= 0) bridge.pseudo.splice(index, 1);
  updateBridgePeers(w, bridge);
}

/**
 * BRIDGEPEER names the others in a mixing bridge (Announcer and Recorder channels included). It is
 * refreshed while two or more are in the bridge; a channel left alone keeps its stale value.
 */
export function updateBridgePeers(w: SimWorld, bridge: SimBridge): void {
  if (bridge.bridgeType !== 'mixing' || bridge.channels.length + bridge.pseudo.length < 2) return;
  for (const ch of bridge.channels) {
    const peers = [...bridge.pseudo, ...bridge.channels.filter((c) => c !== ch).map((c) => c.name)].join(',');
    if (peers === ch.bridgePeer) continue;
    ch.bridgePeer = peers;
    emitVarset(w.hub, ch, 'BRIDGEPEER', peers);
  }
}

/**
 * When a mixing bridge is left with exactly two parties, each learns the other's caller id
 * (ChannelConnectedLine when it changes; the far half hears it as its caller). A Recorder or
 * Announcer counts as a party with no caller id: a channel left alone with the bridge's recorder
 * gets an empty connected line (checked on Asterisk 22).
 */
export function updateConnectedLines(w: SimWorld, bridge: SimBridge, joinedLast: readonly SimChannel[]): void {
  if (bridge.bridgeType !== 'mixing' || bridge.channels.length + bridge.pseudo.length !== 2) return;
  const [a, b] = bridge.channels as [SimChannel, SimChannel | undefined];
  const order = b === undefined ? [a] : joinedLast.includes(a) && !joinedLast.includes(b) ? [a, b] : [b, a];
  const changed: SimChannel[] = [];
  for (const ch of order) {
    const peer = b === undefined ? NO_CALLER : ch === a ? b.caller : a.caller;
    if (ch.connected.name === peer.name && ch.connected.number === peer.number) continue;
    ch.connected = peer;
    emitConnectedLine(w.hub, ch);
    changed.push(ch);
  }
  for (const ch of changed) {
    const far = ch.other;
    if (!far?.alive) continue;
    far.caller = ch.connected;
    emitCallerId(w.hub, far);
  }
}

/** DELETE /bridges/{id}: everyone is taken out (they stay in Stasis), then BridgeDestroyed to the apps still subscribed. */
export function destroyBridge(w: SimWorld, bridge: SimBridge, stopMedia: (target: MediaTarget) => void): void {
  for (const ch of bridge.channels) clearBridgePeer(w, ch);
  for (const ch of [...bridge.channels]) leaveBridge(w, ch, 'destroy');
  stopMedia(bridge.media);
  bridge.alive = false;
  emitBridgeDestroyed(w.hub, bridge);
  for (const app of [...bridge.appRefs.keys()]) w.hub.addBridgeRef(app, bridge, -Infinity);
  w.bridges.delete(bridge.id);
}
