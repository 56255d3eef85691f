import type { AriBridge, AriChannel } from './ari/ari-events';
import type { BridgeId, LegId } from '../domain/telephony-ids';
import type { OrphanReport } from './telephony-port';
import type { TelephonyIds } from './telephony-ids';

/** Channels and bridges with our prefix that nothing here tracks (left by a crash or a lost flow). */
export function findOrphans(
  ids: TelephonyIds, channels: readonly AriChannel[], bridges: readonly AriBridge[],
  knownLeg: (id: string) => boolean, knownBridge: (id: string) => boolean,
): OrphanReport {
  const report: OrphanReport = { channels: [], bridges: [] };
  for (const c of channels) {
    const parsed = ids.parse(c.id);
    if (parsed && !knownLeg(c.id)) report.channels.push({ leg: c.id as LegId, role: parsed.kind, ref: parsed.ref, state: c.state });
  }
  for (const b of bridges) {
    const parsed = ids.parse(b.id);
    if (parsed && !knownBridge(b.id)) report.bridges.push({ bridge: b.id as BridgeId, ref: parsed.ref, channelCount: b.channels.length });
  }
  return report;
}
