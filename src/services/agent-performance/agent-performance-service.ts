import { canSeeAgentPerformance, canSeeCampaignPerformance } from '../../domain/agent-performance/agent-performance-access';
import { buildAgentPerformance, type AgentPerformance, type AttemptFact, type AbandonFact, type PerformanceFigures, type QuotaRule } from '../../domain/agent-performance/agent-performance-report';
import { openIntervalTimes, type StateTime } from '../../domain/agent-performance/agent-state-rollup';
import { dateKeysBetween, localDayStart, nextDateKey } from '../../domain/agent-performance/local-day-span';
import type { Clock } from '../../domain/clock';
import type { Actor } from '../../domain/roles';
import { DialerError, forbidden, notFound } from '../../errors';
import type { AgentPerformanceRepository, ReportCampaignRow } from '../../store/agent-performance/agent-performance-repository';
import type { AgentStateRollup } from '../../store/agent-performance/agent-state-rollup';

export interface AgentPerformanceQuery {
  /** Local days (YYYY-MM-DD, in each campaign's time zone), both included. */
  from: string;
  to: string;
  campaignId?: number;
  agentIds?: number[];
}

export interface AgentPerformanceResult {
  from: string;
  to: string;
  campaign: { id: number; name: string } | null;
  agents: Array<AgentPerformance & { name: string }>;
  team: { days: Array<PerformanceFigures & { day: string }>; total: PerformanceFigures };
}

export const MAX_REPORT_DAYS = 366;

/** A local day as a sortable key, and the UTC instants that start each day of a range in one zone. */
class DayBounds {
  private readonly starts: string[];
  constructor(readonly days: readonly string[], tz: string) {
    this.starts = [...days, nextDateKey(days[days.length - 1]!)].map((d) => localDayStart(d, tz).toISOString());
  }
  get start(): string { return this.starts[0]!; }
  /** Every local midnight of the range falls on a whole UTC hour (true for most zones). */
  get onWholeHours(): boolean { return this.starts.every((s) => s.endsWith(':00:00.000Z')); }
  get end(): string { return this.starts[this.starts.length - 1]!; }
  /** The day an ISO instant falls on, or null outside the range. */
  dayOf(iso: string): string | null {
    if (iso < this.start || iso >= this.end) return null;
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= iso) lo = mid; else hi = mid - 1;
    }
    return this.days[lo]!;
  }
}

/** The agent performance report (issue 14 item 3) with its permission rules (item 5). */
export class AgentPerformanceService {
  constructor(private readonly repo: AgentPerformanceRepository, private readonly rollup: AgentStateRollup, private readonly clock: Clock) {}

  report(actor: Actor, q: AgentPerformanceQuery): AgentPerformanceResult {
    if (q.to < q.from) throw new DialerError('E_VALIDATION', 'to must not be before from', 'to');
    const days = dateKeysBetween(q.from, q.to);
    if (days.length > MAX_REPORT_DAYS) throw new DialerError('E_VALIDATION', `a report covers at most ${MAX_REPORT_DAYS} days`, 'to');
    this.rollup.catchUp();
    const all = this.repo.campaigns();
    const byId = new Map(all.map((c) => [c.id, c]));
    const scope = this.campaignScope(actor, q, byId);
    const users = this.repo.users();
    const requested = this.agentScope(actor, q, scope);
    const boundsByTz = new Map<string, DayBounds>();
    const bounds = (campaignId: number): DayBounds => {
      const tz = byId.get(campaignId)?.timezone ?? 'UTC';
      if (!boundsByTz.has(tz)) boundsByTz.set(tz, new DayBounds(days, tz));
      return boundsByTz.get(tz)!;
    };
    const inScope = (campaignId: number) => scope === null || scope.includes(campaignId);
    const times = this.repo.times(q.from, q.to, requested, scope);
    const candidates = requested ?? [...new Set([...times.map((t) => t.agentId), ...this.repo.joinedAgents()])];
    times.push(...this.openIntervals(candidates, inScope, bounds, byId));
    const agentIds = (requested ?? [...new Set(times.map((t) => t.agentId))].filter((id) => users.has(id)))
      .sort((a, b) => (users.get(a)?.name ?? '').localeCompare(users.get(b)?.name ?? '') || a - b);
    const tzCampaigns = scope ?? [...new Set(times.map((t) => t.campaignId))];
    const windows = (tzCampaigns.length ? tzCampaigns : [0]).map(bounds);
    const fromIso = windows.map((w) => w.start).sort()[0]!;
    const toIso = windows.map((w) => w.end).sort().reverse()[0]!;
    const attempts = this.attemptFacts(agentIds, fromIso, toIso, inScope, bounds);
    const abandons = this.abandonFacts(times, fromIso, toIso, bounds);
    const campaign = q.campaignId === undefined ? undefined : byId.get(q.campaignId)!;
    const quota: QuotaRule | undefined = campaign && campaign.quota.kind !== 'none' ? campaign.quota as QuotaRule : undefined;
    const report = buildAgentPerformance({
      agentIds, times, attempts, abandons, quota,
      campaignQuotaCounts: campaign && quota?.kind === 'per_campaign' ? this.repo.campaignQuotaCounts(campaign.id, agentIds) : undefined,
    });
    return {
      from: q.from, to: q.to, campaign: campaign ? { id: campaign.id, name: campaign.name } : null,
      agents: report.agents.map((a) => ({ ...a, name: users.get(a.agentId)?.name ?? `#${a.agentId}` })), team: report.team,
    };
  }

  /** The campaigns whose figures count: null means all of them. */
  private campaignScope(actor: Actor, q: AgentPerformanceQuery, byId: Map<number, ReportCampaignRow>): number[] | null {
    if (q.campaignId !== undefined) {
      const c = byId.get(q.campaignId);
      if (!c) throw notFound('campaign', q.campaignId);
      if (actor.role !== 'agent' && !canSeeCampaignPerformance(actor, c)) throw forbidden('you may not see the reports of this campaign');
      return [c.id];
    }
    if (actor.role !== 'admin') return null;
    return [...byId.values()].filter((c) => canSeeCampaignPerformance(actor, c)).map((c) => c.id);
  }

  /** The agents asked for (null: every agent with activity in scope); agents only themselves, admins the agents of their campaigns. */
  private agentScope(actor: Actor, q: AgentPerformanceQuery, scope: number[] | null): number[] | null {
    if (actor.role === 'agent') {
      if (q.agentIds?.some((id) => !canSeeAgentPerformance(actor, id))) throw forbidden('an agent sees only their own performance');
      return [actor.id];
    }
    if (!q.agentIds) return null;
    if (actor.role === 'admin' && scope !== null) {
      const theirs = new Set(this.repo.agentsOf(scope));
      const worked = new Set(this.repo.times('0000-01-01', '9999-12-31', q.agentIds, scope).map((t) => t.agentId));
      const other = q.agentIds.find((id) => !theirs.has(id) && !worked.has(id));
      if (other !== undefined) throw new DialerError('E_FORBIDDEN', `agent ${other} works none of the campaigns you created or manage`, 'agentIds');
    }
    return [...new Set(q.agentIds)];
  }

  /** Each agent's last change, if it left them logged in, counts from its start (or the range's) to now (or the range's end). */
  private openIntervals(agentIds: readonly number[], inScope: (c: number) => boolean, bounds: (c: number) => DayBounds, byId: Map<number, ReportCampaignRow>): StateTime[] {
    const now = this.clock.now().getTime();
    const out: StateTime[] = [];
    for (const agentId of agentIds) {
      const last = this.repo.lastChange(agentId);
      if (!last || last.to === 'offline' || !inScope(last.campaignId)) continue;
      const b = bounds(last.campaignId);
      const range = { startMs: Date.parse(b.start), endMs: Date.parse(b.end) };
      out.push(...openIntervalTimes(last, range, now, () => byId.get(last.campaignId)?.timezone ?? 'UTC'));
    }
    return out;
  }

  /** Attempts per agent, campaign and local day: summed by UTC hour in SQL, by instant for zones with a fractional-hour midnight. */
  private attemptFacts(agentIds: readonly number[], fromIso: string, toIso: string, inScope: (c: number) => boolean, bounds: (c: number) => DayBounds): AttemptFact[] {
    const hourly = this.repo.attemptGroups(agentIds, fromIso, toIso);
    const fractional = [...new Set(hourly.map((g) => g.campaignId))].filter((c) => inScope(c) && !bounds(c).onWholeHours);
    const groups = [...hourly.filter((g) => !fractional.includes(g.campaignId)), ...this.repo.attemptGroups(agentIds, fromIso, toIso, fractional)];
    const facts: AttemptFact[] = [];
    for (const g of groups) {
      if (!inScope(g.campaignId)) continue;
      const day = bounds(g.campaignId).dayOf(g.at);
      if (day) facts.push({ agentId: g.agentId, campaignId: g.campaignId, day, calls: g.calls, connects: g.connects, talkMs: g.talkMs, dispositions: g.dispositions });
    }
    return facts;
  }

  /** Abandoned calls of a campaign that ended while an agent who worked it that day was ready in it. */
  private abandonFacts(times: readonly StateTime[], fromIso: string, toIso: string, bounds: (c: number) => DayBounds): AbandonFact[] {
    const workers = new Map<string, Set<number>>();
    for (const t of times) {
      const key = `${t.campaignId}|${t.day}`;
      if (!workers.has(key)) workers.set(key, new Set());
      workers.get(key)!.add(t.agentId);
    }
    const checks: Array<{ agentId: number; campaignId: number; at: string; day: string }> = [];
    for (const call of this.repo.abandoned([...new Set(times.map((t) => t.campaignId))], fromIso, toIso)) {
      const day = bounds(call.campaignId).dayOf(call.endedAt);
      if (!day) continue;
      for (const agentId of workers.get(`${call.campaignId}|${day}`) ?? []) checks.push({ agentId, campaignId: call.campaignId, at: call.endedAt, day });
    }
    const ready = this.repo.readyAt(checks);
    const counts = new Map<string, AbandonFact>();
    checks.forEach((c, i) => {
      if (!ready[i]) return;
      const key = `${c.agentId}|${c.day}`;
      const f = counts.get(key) ?? { agentId: c.agentId, day: c.day, count: 0 };
      f.count++;
      counts.set(key, f);
    });
    return [...counts.values()];
  }
}
