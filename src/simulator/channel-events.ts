import { bridgeJson, channelJson } from './ari-json';
import type { EventHub } from './event-hub';
import { causeText } from './hangup-causes';
import type { SimBridge, SimChannel } from './sim-types';

/**
 * Builders for channel and bridge events, with the field order of the real server. Each one
 * returns at once when nobody listens, so unobserved channels (far halves, created calls) cost
 * almost nothing.
 */
export function emitStateChange(hub: EventHub, ch: SimChannel): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, { type: 'ChannelStateChange', timestamp: hub.timestamp(), channel: channelJson(ch) });
}

export function emitVarset(hub: EventHub, ch: SimChannel, variable: string, value: string): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, { variable, value, type: 'ChannelVarset', timestamp: hub.timestamp(), channel: channelJson(ch) });
}

export function emitDial(hub: EventHub, peer: SimChannel, dialstatus: string, dialstring: string): void {
  if (peer.subs.length === 0) return;
  hub.send(peer.subs, { type: 'Dial', timestamp: hub.timestamp(), dialstatus, forward: '', dialstring, peer: channelJson(peer) });
}

export function emitDialplan(hub: EventHub, ch: SimChannel): void {
  if (ch.subs.length === 0) return;
  const dp = ch.dialplan;
  hub.send(ch.subs, { type: 'ChannelDialplan', timestamp: hub.timestamp(), dialplan_app: dp.appName, dialplan_app_data: dp.appData, channel: channelJson(ch) });
}

/** `soft: true` requests carry Asterisk's soft-hangup flag (32 by ARI, 4 at shutdown), not a Q.850 cause. */
export function emitHangupRequest(hub: EventHub, ch: SimChannel, cause: number, soft: boolean, techCause?: number): void {
  if (ch.subs.length === 0) return;
  const head: Record<string, unknown> = soft ? { cause, soft: true } : { cause };
  if (techCause !== undefined && !soft) head.tech_cause = techCause;
  hub.send(ch.subs, { ...head, type: 'ChannelHangupRequest', timestamp: hub.timestamp(), channel: channelJson(ch) });
}

export function emitDestroyed(hub: EventHub, ch: SimChannel, cause: number, techCause?: number): void {
  if (ch.subs.length === 0) return;
  const event: Record<string, unknown> = { type: 'ChannelDestroyed', timestamp: hub.timestamp(), cause, cause_txt: causeText(cause) };
  if (techCause !== undefined) event.tech_cause = techCause;
  event.channel = channelJson(ch);
  hub.send(ch.subs, event);
}

export function emitStasisStart(hub: EventHub, ch: SimChannel, args: readonly string[]): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, { type: 'StasisStart', timestamp: hub.timestamp(), args, channel: channelJson(ch) });
}

export function emitStasisEnd(hub: EventHub, ch: SimChannel): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, { type: 'StasisEnd', timestamp: hub.timestamp(), channel: channelJson(ch) });
}

export function emitDtmf(hub: EventHub, ch: SimChannel, digit: string, durationMs = 100): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, { type: 'ChannelDtmfReceived', timestamp: hub.timestamp(), digit, duration_ms: durationMs, channel: channelJson(ch) });
}

export function emitCallerId(hub: EventHub, ch: SimChannel): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, {
    type: 'ChannelCallerId', timestamp: hub.timestamp(), caller_presentation: 0,
    caller_presentation_txt: 'Presentation Allowed, Not Screened', channel: channelJson(ch),
  });
}

export function emitConnectedLine(hub: EventHub, ch: SimChannel): void {
  if (ch.subs.length === 0) return;
  hub.send(ch.subs, { type: 'ChannelConnectedLine', timestamp: hub.timestamp(), channel: channelJson(ch) });
}

export function emitBridgeMembership(hub: EventHub, type: 'ChannelEnteredBridge' | 'ChannelLeftBridge', bridge: SimBridge, ch: SimChannel): void {
  const targets = hub.union(ch.subs, hub.bridgeAudience(bridge));
  if (targets.length === 0) return;
  hub.send(targets, { type, timestamp: hub.timestamp(), bridge: bridgeJson(bridge), channel: channelJson(ch) });
}

export function emitBridgeDestroyed(hub: EventHub, bridge: SimBridge): void {
  const targets = hub.bridgeAudience(bridge);
  if (targets.length === 0) return;
  hub.send(targets, { type: 'BridgeDestroyed', timestamp: hub.timestamp(), bridge: bridgeJson(bridge) });
}
