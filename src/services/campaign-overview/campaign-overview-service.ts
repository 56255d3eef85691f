import { canSeeCampaignPerformance } from '../../domain/agent-performance/agent-performance-access';
import { dateKeysBetween, localDayStart, nextDateKey } from '../../domain/agent-performance/local-day-span';
import { buildCampaignOverview, type CampaignFacts, type CampaignOverview, type OverviewBody } from '../../domain/campaign-overview/campaign-overview-report';
import { loggedInHours } from '../../domain/campaign-overview/logged-in-hours';
import { ZoneWallClock } from '../../domain/campaign-overview/zone-wall-clock';
import type { AttemptCell } from '../../domain/campaign-overview/overview-figures';
import type { Clock } from '../../domain/clock';
import type { Actor } from '../../domain/roles';
import { DialerError, forbidden, notFound } from '../../errors';
import type { CampaignOverviewRepository, OverviewCampaignRow } from '../../store/campaign-overview/campaign-overview-repository';

export interface CampaignOverviewQuery {
  /** Local days (YYYY-MM-DD, in each campaign's time zone), both included. */
  from: string;
  to: string;
  /** Omitted: every campaign the user may see. */
  campaignIds?: number[];
}

export interface CampaignOverviewResult {
  from: string;
  to: string;
  campaigns: Array<CampaignOverview & { agents: Array<CampaignOverview['agents'][number] & { name: string }> }>;
  combined: OverviewBody;
}

export const MAX_OVERVIEW_DAYS = 366;
const ROLLING_BACK_DAYS = 29;

function daysBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

/** Local (day, hour) of UTC quarter-hour buckets in one zone (the zone's offset read once per UTC hour). */
class LocalSlots {
  private readonly clock: ZoneWallClock;
  constructor(tz: string) { this.clock = new ZoneWallClock(tz); }
  of(iso: string): { day: string; hour: number } {
    const w = this.clock.at(Date.parse(iso));
    return { day: w.dateKey, hour: Math.floor(w.minuteOfDay / 60) };
  }
}

/** The campaign overview report (issue 14 item 1) with the permission rules of item 5: staff only, campaigns they may see. */
export class CampaignOverviewService {
  constructor(private readonly repo: CampaignOverviewRepository, private readonly clock: Clock) {}

  report(actor: Actor, q: CampaignOverviewQuery): CampaignOverviewResult {
    if (actor.role === 'agent') throw forbidden('agents see their own performance, not campaign reports');
    if (q.to < q.from) throw new DialerError('E_VALIDATION', 'to must not be before from', 'to');
    const days = dateKeysBetween(q.from, q.to);
    if (days.length > MAX_OVERVIEW_DAYS) throw new DialerError('E_VALIDATION', `a report covers at most ${MAX_OVERVIEW_DAYS} days`, 'to');
    const campaigns = this.scope(actor, q.campaignIds);
    const facts = campaigns.map((c) => this.facts(c, days));
    const report = buildCampaignOverview(facts, days);
    const names = this.repo.userNames();
    return {
      from: q.from, to: q.to, combined: report.combined,
      campaigns: report.campaigns.map((c) => ({
        ...c,
        agents: c.agents.map((a) => ({ ...a, name: names.get(a.agentId) ?? `#${a.agentId}` }))
          .sort((a, b) => a.name.localeCompare(b.name) || a.agentId - b.agentId),
      })),
    };
  }

  /** The campaigns asked for (404 for one that does not exist, 403 for one the user may not see), or all they may see. */
  private scope(actor: Actor, ids: readonly number[] | undefined): OverviewCampaignRow[] {
    const all = this.repo.campaigns();
    if (!ids) return all.filter((c) => canSeeCampaignPerformance(actor, c));
    const byId = new Map(all.map((c) => [c.id, c]));
    return [...new Set(ids)].map((id) => {
      const c = byId.get(id);
      if (!c) throw notFound('campaign', id);
      if (!canSeeCampaignPerformance(actor, c)) throw new DialerError('E_FORBIDDEN', `you may not see the reports of campaign ${id}`, 'campaignIds');
      return c;
    });
  }

  private facts(c: OverviewCampaignRow, days: readonly string[]): CampaignFacts {
    const tz = c.timezone;
    const slots = new LocalSlots(tz);
    const start = localDayStart(days[0]!, tz).toISOString();
    const end = localDayStart(nextDateKey(days[days.length - 1]!), tz).toISOString();
    // Built field by field: object rest and spread over tens of thousands of buckets cost more than the query.
    const cells = this.repo.attemptBuckets(c.id, start, end).map((b): AttemptCell => {
      const { day, hour } = slots.of(b.at);
      return { day, hour, agentId: b.agentId, outcome: b.outcome, disposition: b.disposition, attempts: b.attempts, placed: b.placed,
        connected: b.connected, talkMs: b.talkMs, holdMs: b.holdMs, heldCalls: b.heldCalls };
    });
    const abandonDays = new Map<string, { day: string; answered: number; abandoned: number }>();
    const rollingStart = localDayStart(daysBefore(days[0]!, ROLLING_BACK_DAYS), tz).toISOString();
    const add = (day: string, answered: number, abandoned: number) => {
      const x = abandonDays.get(day) ?? { day, answered: 0, abandoned: 0 };
      x.answered += answered;
      x.abandoned += abandoned;
      abandonDays.set(day, x);
    };
    // The 29 days before the range from the store; the range itself from the cells already read.
    for (const b of this.repo.abandonBuckets(c.id, rollingStart, start)) add(slots.of(b.at).day, b.answered, b.abandoned);
    for (const cell of cells) {
      if (cell.outcome === 'answered' || cell.outcome === 'abandoned') add(cell.day, cell.attempts, cell.outcome === 'abandoned' ? cell.attempts : 0);
    }
    return {
      campaign: { id: c.id, name: c.name, dialingMode: c.dialingMode, timezone: tz, abandonRateTarget: c.abandonRateTarget, quota: c.quota },
      contacts: this.repo.contactStatuses(c.id), cells, abandonDays: [...abandonDays.values()],
      wrapUp: this.repo.wrapUp(c.id, days[0]!, days[days.length - 1]!),
      ivr: c.dialingMode === 'ivr' ? this.ivr(c, start, end) : null,
      dialLevel: c.dialingMode === 'predictive' ? this.dialLevel(c, cells, start, end) : null,
      campaignQuotaCounts: c.quota.kind === 'per_campaign' ? this.repo.campaignQuotaCounts(c.id) : undefined,
    };
  }

  /** Answers in the order the script asks its questions; questions since removed from the script come last. */
  private ivr(c: OverviewCampaignRow, start: string, end: string): CampaignFacts['ivr'] {
    const order = (id: string) => { const i = c.ivrQuestions.indexOf(id); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
    return this.repo.ivrAnswers(c.id, start, end).sort((a, b) => order(a.questionId) - order(b.questionId) || (a.questionId < b.questionId ? -1 : 1));
  }

  /** Per local hour: calls placed, and agent time logged in to the campaign (up to now for the interval still open). */
  private dialLevel(c: OverviewCampaignRow, cells: readonly AttemptCell[], start: string, end: string): CampaignFacts['dialLevel'] {
    const endMs = Math.min(Date.parse(end), this.clock.now().getTime());
    const points = new Map<string, { day: string; hour: number; placed: number; agentMs: number }>();
    const point = (day: string, hour: number) => {
      const key = `${day}|${hour}`;
      if (!points.has(key)) points.set(key, { day, hour, placed: 0, agentMs: 0 });
      return points.get(key)!;
    };
    for (const cell of cells) if (cell.placed > 0) point(cell.day, cell.hour).placed += cell.placed;
    for (const t of loggedInHours(this.repo.stateSteps(c.id, start, end), c.id, Date.parse(start), endMs, c.timezone)) point(t.day, t.hour).agentMs += t.ms;
    return [...points.values()];
  }
}
