import { CONTACT_STATUSES, type ContactStatus } from '../contact-status';
import type { DialingMode } from '../dialing-mode';
import { DISPOSITIONS, type Disposition } from '../disposition';
import { addCell, emptyFigureAcc, mergeFigureAcc, toFigures, type AttemptCell, type FigureAcc, type OverviewFigures } from './overview-figures';

export type OverviewQuota = { kind: 'none' } | { kind: 'per_day' | 'per_campaign'; min: number | null; max: number | null };

export interface OverviewCampaign {
  id: number;
  name: string;
  dialingMode: DialingMode;
  timezone: string;
  abandonRateTarget: number;
  quota: OverviewQuota;
}

/** What the store and service gathered about one campaign, already placed on its local days and hours. */
export interface CampaignFacts {
  campaign: OverviewCampaign;
  contacts: Partial<Record<ContactStatus, number>>;
  /** Attempts claimed in the range. */
  cells: readonly AttemptCell[];
  /** Answered (answered + abandoned) and abandoned calls per local day, from 29 days before the range on. */
  abandonDays: ReadonlyArray<{ day: string; answered: number; abandoned: number }>;
  wrapUp: ReadonlyArray<{ day: string; ms: number }>;
  /** IVR campaigns: answers per question, in the order the script asks them. */
  ivr: ReadonlyArray<{ questionId: string; answer: string | null; count: number }> | null;
  /** Predictive campaigns: per local hour with activity, calls placed and logged-in agent time. */
  dialLevel: ReadonlyArray<{ day: string; hour: number; placed: number; agentMs: number }> | null;
  /** per_campaign quotas: customers counted over the campaign's whole life, per agent. */
  campaignQuotaCounts?: ReadonlyMap<number, number>;
}

export interface DayOverview extends OverviewFigures { day: string; abandonRate30d: number | null }
export interface HourOverview { hour: number; attempts: number; placed: number; answered: number; connected: number }
export interface DispositionShare { disposition: Disposition; count: number; share: number }
export interface AgentQuotaProgress {
  agentId: number;
  attempts: number;
  connected: number;
  conversions: number;
  /** Customers disposed with anything but skip, in the range. */
  quotaCount: number;
  quota: { kind: 'per_day' | 'per_campaign'; min: number | null; max: number | null; count: number; daysWorked: number; daysMetMin: number; daysAtMax: number } | null;
}
export interface IvrQuestionAnswers { questionId: string; asked: number; answers: Array<{ answer: string | null; count: number; share: number }> }
export interface DialLevelPoint { day: string; hour: number; placed: number; agentHours: number; dialLevel: number | null }

export interface OverviewBody {
  contacts: { total: number; byStatus: Record<ContactStatus, number> };
  total: OverviewFigures & { abandonRate30d: number | null };
  days: DayOverview[];
  hours: HourOverview[];
  dispositions: DispositionShare[];
}

export interface CampaignOverview extends OverviewBody {
  campaign: OverviewCampaign;
  agents: AgentQuotaProgress[];
  ivr: IvrQuestionAnswers[] | null;
  dialLevel: DialLevelPoint[] | null;
}

export interface OverviewReport { campaigns: CampaignOverview[]; combined: OverviewBody }

const ROLLING_DAYS = 30;

function dayBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

/** The parts a body is built from; the combined body sums those of every campaign. */
interface BodyAcc {
  contacts: Record<ContactStatus, number>;
  total: FigureAcc;
  days: Map<string, FigureAcc>;
  hours: FigureAcc[];
  abandon: Map<string, { answered: number; abandoned: number }>;
}

function emptyBody(days: readonly string[]): BodyAcc {
  return {
    contacts: Object.fromEntries(CONTACT_STATUSES.map((s) => [s, 0])) as Record<ContactStatus, number>,
    total: emptyFigureAcc(), days: new Map(days.map((d) => [d, emptyFigureAcc()])),
    hours: Array.from({ length: 24 }, emptyFigureAcc), abandon: new Map(),
  };
}

function mergeBody(into: BodyAcc, b: BodyAcc): void {
  for (const s of CONTACT_STATUSES) into.contacts[s] += b.contacts[s];
  mergeFigureAcc(into.total, b.total);
  for (const [d, a] of b.days) mergeFigureAcc(into.days.get(d)!, a);
  b.hours.forEach((a, h) => mergeFigureAcc(into.hours[h]!, a));
  for (const [d, x] of b.abandon) {
    const y = into.abandon.get(d) ?? { answered: 0, abandoned: 0 };
    into.abandon.set(d, { answered: y.answered + x.answered, abandoned: y.abandoned + x.abandoned });
  }
}

function rolling(abandon: BodyAcc['abandon'], day: string): number | null {
  let answered = 0;
  let abandoned = 0;
  for (let i = 0; i < ROLLING_DAYS; i++) {
    const x = abandon.get(dayBefore(day, i));
    if (x) { answered += x.answered; abandoned += x.abandoned; }
  }
  return answered > 0 ? abandoned / answered : null;
}

function finishBody(b: BodyAcc, days: readonly string[]): OverviewBody {
  const total = toFigures(b.total);
  const dispositionCount = DISPOSITIONS.reduce((s, d) => s + (total.dispositions[d] ?? 0), 0);
  return {
    contacts: { total: CONTACT_STATUSES.reduce((s, x) => s + b.contacts[x], 0), byStatus: { ...b.contacts } },
    total: { ...total, abandonRate30d: rolling(b.abandon, days[days.length - 1]!) },
    days: days.map((day) => ({ day, ...toFigures(b.days.get(day)!), abandonRate30d: rolling(b.abandon, day) })),
    hours: b.hours.map((a, hour) => {
      const f = toFigures(a);
      return { hour, attempts: f.attempts, placed: f.placed, answered: f.answered, connected: f.connected };
    }),
    dispositions: DISPOSITIONS.filter((d) => (total.dispositions[d] ?? 0) > 0)
      .map((d) => ({ disposition: d, count: total.dispositions[d]!, share: total.dispositions[d]! / dispositionCount })),
  };
}

function bodyOf(f: CampaignFacts, days: readonly string[]): BodyAcc {
  const b = emptyBody(days);
  for (const [s, n] of Object.entries(f.contacts) as [ContactStatus, number][]) b.contacts[s] += n;
  for (const c of f.cells) {
    const day = b.days.get(c.day);
    if (!day) continue;
    addCell(b.total, c);
    addCell(day, c);
    addCell(b.hours[c.hour]!, c);
  }
  for (const w of f.wrapUp) {
    const day = b.days.get(w.day);
    if (!day) continue;
    day.wrapUpMs += w.ms;
    b.total.wrapUpMs += w.ms;
  }
  for (const x of f.abandonDays) b.abandon.set(x.day, { answered: x.answered, abandoned: x.abandoned });
  return b;
}

/**
 * The campaign overview (issue 14 item 1): for each campaign its contacts by status, its figures over the range,
 * per local day (with the abandon rate of the 30 days ending that day) and per local hour of day, dispositions
 * with shares, quota progress per agent, IVR answers and dial level; and the same summed over every campaign
 * (days and hours then meet by their local date and hour, each in its own campaign's zone).
 */
export function buildCampaignOverview(facts: readonly CampaignFacts[], days: readonly string[]): OverviewReport {
  const combined = emptyBody(days);
  const campaigns = facts.map((f): CampaignOverview => {
    const b = bodyOf(f, days);
    mergeBody(combined, b);
    return {
      campaign: f.campaign, ...finishBody(b, days), agents: agentProgress(f, days),
      ivr: f.ivr && ivrAnswers(f.ivr), dialLevel: f.dialLevel && dialLevel(f.dialLevel),
    };
  });
  return { campaigns, combined: finishBody(combined, days) };
}

function agentProgress(f: CampaignFacts, days: readonly string[]): AgentQuotaProgress[] {
  const inRange = new Set(days);
  const agents = new Map<number, { acc: FigureAcc; perDay: Map<string, number> }>();
  for (const c of f.cells) {
    if (c.agentId === null || !inRange.has(c.day)) continue;
    let a = agents.get(c.agentId);
    if (!a) agents.set(c.agentId, (a = { acc: emptyFigureAcc(), perDay: new Map() }));
    addCell(a.acc, c);
    const counts = c.disposition !== null && c.disposition !== 'skip' ? c.attempts : 0;
    a.perDay.set(c.day, (a.perDay.get(c.day) ?? 0) + counts);
  }
  const q = f.campaign.quota;
  return [...agents.entries()].map(([agentId, a]): AgentQuotaProgress => {
    const fig = toFigures(a.acc);
    const quotaCount = [...a.perDay.values()].reduce((s, n) => s + n, 0);
    let quota: AgentQuotaProgress['quota'] = null;
    if (q.kind !== 'none') {
      const met = (n: number) => q.min === null || n >= q.min;
      const atMax = (n: number) => q.max !== null && n >= q.max;
      const worked = [...a.perDay.values()];
      const count = q.kind === 'per_day' ? quotaCount : (f.campaignQuotaCounts?.get(agentId) ?? quotaCount);
      quota = q.kind === 'per_day'
        ? { kind: q.kind, min: q.min, max: q.max, count, daysWorked: worked.length, daysMetMin: worked.filter(met).length, daysAtMax: worked.filter(atMax).length }
        : { kind: q.kind, min: q.min, max: q.max, count, daysWorked: worked.length, daysMetMin: met(count) ? 1 : 0, daysAtMax: atMax(count) ? 1 : 0 };
    }
    return { agentId, attempts: fig.attempts, connected: fig.connected, conversions: fig.conversions, quotaCount, quota };
  });
}

function ivrAnswers(rows: NonNullable<CampaignFacts['ivr']>): IvrQuestionAnswers[] {
  const questions = new Map<string, Array<{ answer: string | null; count: number }>>();
  for (const r of rows) {
    if (!questions.has(r.questionId)) questions.set(r.questionId, []);
    questions.get(r.questionId)!.push({ answer: r.answer, count: r.count });
  }
  return [...questions.entries()].map(([questionId, answers]) => {
    const asked = answers.reduce((s, a) => s + a.count, 0);
    const sorted = [...answers].sort((x, y) => (x.answer === null ? 1 : y.answer === null ? -1 : x.answer < y.answer ? -1 : 1));
    return { questionId, asked, answers: sorted.map((a) => ({ ...a, share: a.count / asked })) };
  });
}

function dialLevel(rows: NonNullable<CampaignFacts['dialLevel']>): DialLevelPoint[] {
  return [...rows].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.hour - b.hour)).map((r) => ({
    day: r.day, hour: r.hour, placed: r.placed, agentHours: r.agentMs / 3_600_000,
    dialLevel: r.agentMs > 0 ? r.placed / (r.agentMs / 3_600_000) : null,
  }));
}
