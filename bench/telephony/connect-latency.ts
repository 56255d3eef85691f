import { performance } from 'node:perf_hooks';
import type { AriEvent } from '../../src/telephony/ari/ari-events';

const epochMs = (timestamp: string | undefined): number | undefined => {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * Connect latency as the PBX stamps it: from the customer's StasisStart after AMD (args
 * `customer,<ref>,amd,HUMAN,…`) to its ChannelEnteredBridge into an agent line's bridge. Both times
 * are the `timestamp` of the events (the PBX clock, ms), so the figure covers the event reaching
 * us, our handling, the addChannel request and the PBX acting on it. Two parts are also kept
 * alone: `transit`, how long the StasisStart took from the PBX to our event handler (same machine,
 * same clock), and `handling`, from there to our addChannel request leaving (this process only).
 */
export class ConnectLatency {
  private readonly humanAt = new Map<string, number>();
  readonly samples: number[] = [];
  readonly transit: number[] = [];
  readonly handling: number[] = [];
  private readonly arrivedAt = new Map<string, number>();

  constructor(private readonly isLineBridge: (bridgeId: string) => boolean) {}

  onEvent(e: AriEvent): void {
    if (e.type === 'StasisStart' && e.args[0] === 'customer' && e.args[2] === 'amd') {
      const at = epochMs(e.timestamp);
      if (at === undefined) return;
      this.humanAt.set(e.channel.id, at);
      this.arrivedAt.set(e.channel.id, performance.now());
      this.transit.push(Date.now() - at);
      return;
    }
    if (e.type === 'ChannelEnteredBridge' && e.channel && this.isLineBridge(e.bridge.id)) {
      const from = this.humanAt.get(e.channel.id);
      const to = epochMs(e.timestamp);
      if (from === undefined || to === undefined) return;
      this.humanAt.delete(e.channel.id);
      this.samples.push(to - from);
    }
    if (e.type === 'ChannelDestroyed') {
      this.humanAt.delete(e.channel.id);
      this.arrivedAt.delete(e.channel.id);
    }
  }

  /** Our addChannel request for this channel is being sent. */
  requested(channelId: string): void {
    const at = this.arrivedAt.get(channelId);
    if (at === undefined) return;
    this.arrivedAt.delete(channelId);
    this.handling.push(performance.now() - at);
  }

  reset(): void {
    this.samples.length = 0;
    this.transit.length = 0;
    this.handling.length = 0;
  }
}
