import type { AgentStateKind } from '../dialer/agent-session-state';
import { ZoneWallClock } from './zone-wall-clock';

const MINUTE_MS = 60_000;

/** One agent_state_changes row: from `at` (ms) on, the agent was in `to` in `campaignId`. */
export interface StateStep { agentId: number; campaignId: number; at: number; to: AgentStateKind }

export interface HourTime { day: string; hour: number; ms: number }

/**
 * Splits [startMs, endMs) at the local whole hours of `timeZone` (every zone's offset is whole minutes). Pass one
 * clock for many calls in the same zone: it reads the zone's offset once per UTC hour.
 */
export function splitByLocalHour(startMs: number, endMs: number, timeZone: string, clock = new ZoneWallClock(timeZone)): HourTime[] {
  const out: HourTime[] = [];
  let at = startMs;
  while (at < endMs) {
    const lt = clock.at(at);
    const next = Math.min(endMs, at - (at % MINUTE_MS) + (60 - (lt.minuteOfDay % 60)) * MINUTE_MS);
    out.push({ day: lt.dateKey, hour: Math.floor(lt.minuteOfDay / 60), ms: next - at });
    at = next;
  }
  return out;
}

/**
 * Logged-in agent time of campaign `campaignId` per local day and hour, within [startMs, endMs): each change
 * into a state other than offline in that campaign opens an interval that its agent's next change (in any
 * campaign) closes, or `endMs` when it is the last. `steps` holds every change of the agents concerned inside
 * the window, plus each one's last change before it.
 */
export function loggedInHours(steps: readonly StateStep[], campaignId: number, startMs: number, endMs: number, timeZone: string): HourTime[] {
  const sorted = [...steps].sort((a, b) => a.agentId - b.agentId || a.at - b.at);
  const totals = new Map<string, HourTime>();
  const clock = new ZoneWallClock(timeZone);
  sorted.forEach((s, i) => {
    if (s.campaignId !== campaignId || s.to === 'offline') return;
    const next = sorted[i + 1];
    const close = next && next.agentId === s.agentId ? next.at : endMs;
    const from = Math.max(s.at, startMs);
    const to = Math.min(close, endMs);
    for (const p of to > from ? splitByLocalHour(from, to, timeZone, clock) : []) {
      const key = `${p.day}|${p.hour}`;
      const t = totals.get(key) ?? { day: p.day, hour: p.hour, ms: 0 };
      t.ms += p.ms;
      totals.set(key, t);
    }
  });
  return [...totals.values()];
}
