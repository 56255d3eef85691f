import type { Disposition } from '../disposition';
import type { StateTime } from './agent-state-rollup';

/** Dial attempts handed to (or connected to) an agent, counted on the local day they were claimed. */
export interface AttemptFact {
  agentId: number;
  campaignId: number;
  day: string;
  /** Customers dialled (manual or preview skips are not calls). */
  calls: number;
  connects: number;
  talkMs: number;
  dispositions: Partial<Record<Disposition, number>>;
}

/** Abandoned calls of a campaign while this agent was ready in it, per local day. */
export interface AbandonFact {
  agentId: number;
  day: string;
  count: number;
}

export interface PerformanceFigures {
  loggedInMs: number;
  readyMs: number;
  previewingMs: number;
  ringingMs: number;
  talkingMs: number;
  wrapUpMs: number;
  pausedMs: number;
  notReadyMs: number;
  notReadyByReason: Record<string, number>;
  /** (talking + wrap-up) / logged in, as the pacing bench measures it; null without logged-in time. */
  occupancy: number | null;
  calls: number;
  connects: number;
  avgTalkMs: number | null;
  avgWrapMs: number | null;
  dispositions: Partial<Record<Disposition, number>>;
  /** Closed deals. */
  conversions: number;
  /** Closed deals / connects; null without connects. */
  conversionRate: number | null;
  abandonedWhileReady: number;
  /** Customers counted toward a quota: disposed with anything but skip. */
  quotaCount: number;
}

export type QuotaRule = { kind: 'none' } | { kind: 'per_day' | 'per_campaign'; min: number | null; max: number | null };

export interface QuotaAttainment {
  kind: 'per_day' | 'per_campaign';
  min: number | null;
  max: number | null;
  /** per_day: customers in the range; per_campaign: over the whole campaign. */
  count: number;
  /** per_day: days with activity that reached the minimum; per_campaign: 1 or 0. */
  daysMetMin: number;
  daysAtMax: number;
  daysWorked: number;
}

export interface DayFigures extends PerformanceFigures { day: string }

export interface AgentPerformance {
  agentId: number;
  days: DayFigures[];
  total: PerformanceFigures;
  quota: QuotaAttainment | null;
}

export interface AgentPerformanceReport {
  agents: AgentPerformance[];
  team: { days: DayFigures[]; total: PerformanceFigures };
}

interface Acc {
  ms: Record<StateTime['state'], number>;
  reasons: Record<string, number>;
  calls: number; connects: number; talkMs: number; conversions: number; quotaCount: number; abandoned: number;
  dispositions: Partial<Record<Disposition, number>>;
}

const emptyAcc = (): Acc => ({
  ms: { offline: 0, ready: 0, not_ready: 0, previewing: 0, ringing: 0, talking: 0, wrap_up: 0, paused: 0 },
  reasons: {}, calls: 0, connects: 0, talkMs: 0, conversions: 0, quotaCount: 0, abandoned: 0, dispositions: {},
});

function merge(into: Acc, a: Acc): void {
  for (const k of Object.keys(a.ms) as StateTime['state'][]) into.ms[k] += a.ms[k];
  for (const [r, ms] of Object.entries(a.reasons)) into.reasons[r] = (into.reasons[r] ?? 0) + ms;
  for (const [d, n] of Object.entries(a.dispositions) as [Disposition, number][]) into.dispositions[d] = (into.dispositions[d] ?? 0) + n;
  into.calls += a.calls; into.connects += a.connects; into.talkMs += a.talkMs;
  into.conversions += a.conversions; into.quotaCount += a.quotaCount; into.abandoned += a.abandoned;
}

function figures(a: Acc): PerformanceFigures {
  const m = a.ms;
  const loggedInMs = m.ready + m.not_ready + m.previewing + m.ringing + m.talking + m.wrap_up + m.paused;
  return {
    loggedInMs, readyMs: m.ready, previewingMs: m.previewing, ringingMs: m.ringing, talkingMs: m.talking, wrapUpMs: m.wrap_up,
    pausedMs: m.paused, notReadyMs: m.not_ready, notReadyByReason: { ...a.reasons },
    occupancy: loggedInMs > 0 ? (m.talking + m.wrap_up) / loggedInMs : null,
    calls: a.calls, connects: a.connects,
    avgTalkMs: a.connects > 0 ? Math.round(a.talkMs / a.connects) : null,
    avgWrapMs: a.connects > 0 ? Math.round(m.wrap_up / a.connects) : null,
    dispositions: { ...a.dispositions }, conversions: a.conversions,
    conversionRate: a.connects > 0 ? a.conversions / a.connects : null,
    abandonedWhileReady: a.abandoned, quotaCount: a.quotaCount,
  };
}

export interface ReportInput {
  agentIds: readonly number[];
  times: readonly StateTime[];
  attempts: readonly AttemptFact[];
  abandons: readonly AbandonFact[];
  /** The quota of the one campaign reported on, if any; per_campaign counts come from `campaignQuotaCounts`. */
  quota?: QuotaRule;
  campaignQuotaCounts?: ReadonlyMap<number, number>;
}

/** Builds the per-agent, per-day figures and the team totals from time in state, attempts and abandons. */
export function buildAgentPerformance(input: ReportInput): AgentPerformanceReport {
  const cells = new Map<number, Map<string, Acc>>(input.agentIds.map((id) => [id, new Map()]));
  const cell = (agentId: number, day: string): Acc | null => {
    const days = cells.get(agentId);
    if (!days) return null;
    let a = days.get(day);
    if (!a) days.set(day, (a = emptyAcc()));
    return a;
  };
  for (const t of input.times) {
    const a = cell(t.agentId, t.day);
    if (!a) continue;
    a.ms[t.state] += t.ms;
    if (t.state === 'not_ready') a.reasons[t.reason] = (a.reasons[t.reason] ?? 0) + t.ms;
  }
  for (const f of input.attempts) {
    const a = cell(f.agentId, f.day);
    if (!a) continue;
    a.calls += f.calls;
    a.connects += f.connects;
    a.talkMs += f.talkMs;
    for (const [d, n] of Object.entries(f.dispositions) as [Disposition, number][]) {
      a.dispositions[d] = (a.dispositions[d] ?? 0) + n;
      if (d === 'closed_deal') a.conversions += n;
      if (d !== 'skip') a.quotaCount += n;
    }
  }
  for (const x of input.abandons) {
    const a = cell(x.agentId, x.day);
    if (a) a.abandoned += x.count;
  }
  const team = new Map<string, Acc>();
  const teamTotal = emptyAcc();
  const agents = input.agentIds.map((agentId): AgentPerformance => {
    const days = [...cells.get(agentId)!.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const total = emptyAcc();
    for (const [day, a] of days) {
      merge(total, a);
      if (!team.has(day)) team.set(day, emptyAcc());
      merge(team.get(day)!, a);
    }
    merge(teamTotal, total);
    return {
      agentId, days: days.map(([day, a]) => ({ day, ...figures(a) })), total: figures(total),
      quota: attainment(input, agentId, days.map(([, a]) => a)),
    };
  });
  const teamDays = [...team.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([day, a]) => ({ day, ...figures(a) }));
  return { agents, team: { days: teamDays, total: figures(teamTotal) } };
}

function attainment(input: ReportInput, agentId: number, days: readonly Acc[]): QuotaAttainment | null {
  const q = input.quota;
  if (!q || q.kind === 'none') return null;
  const worked = days.filter((a) => a.quotaCount > 0 || figures(a).loggedInMs > 0);
  const met = (n: number) => q.min === null || n >= q.min;
  const atMax = (n: number) => q.max !== null && n >= q.max;
  if (q.kind === 'per_day') {
    return {
      kind: q.kind, min: q.min, max: q.max, count: days.reduce((s, a) => s + a.quotaCount, 0), daysWorked: worked.length,
      daysMetMin: worked.filter((a) => met(a.quotaCount)).length, daysAtMax: worked.filter((a) => atMax(a.quotaCount)).length,
    };
  }
  const count = input.campaignQuotaCounts?.get(agentId) ?? 0;
  return { kind: q.kind, min: q.min, max: q.max, count, daysWorked: worked.length, daysMetMin: met(count) ? 1 : 0, daysAtMax: atMax(count) ? 1 : 0 };
}
