import type { CallOutcome } from '../call-outcome';
import type { Disposition } from '../disposition';

/** Attempts of one campaign that share a local day, local hour, agent, outcome and disposition, summed. */
export interface AttemptCell {
  day: string;
  /** Local hour of day, 0–23. */
  hour: number;
  agentId: number | null;
  outcome: CallOutcome | null;
  disposition: Disposition | null;
  attempts: number;
  /** Of them, dialled (a manual skip or a number never dialled is an attempt but not a call). */
  placed: number;
  connected: number;
  talkMs: number;
  holdMs: number;
  /** Customer-first calls that were answered and then connected: the ones hold time is averaged over. */
  heldCalls: number;
}

/** The figures of one campaign (or several) over a span: a day, the range. */
export interface OverviewFigures {
  attempts: number;
  placed: number;
  answered: number;
  connected: number;
  abandoned: number;
  machine: number;
  busy: number;
  noAnswer: number;
  congestion: number;
  invalidNumber: number;
  failed: number;
  /** Abandoned / answered; null without answered calls. */
  abandonRate: number | null;
  /** Answered / placed; null without calls. */
  contactRate: number | null;
  conversions: number;
  /** Closed deals / connected; null without connected calls. */
  conversionRate: number | null;
  talkMs: number;
  avgTalkMs: number | null;
  holdMs: number;
  heldCalls: number;
  avgHoldMs: number | null;
  wrapUpMs: number;
  avgWrapUpMs: number | null;
  dispositions: Partial<Record<Disposition, number>>;
}

export interface FigureAcc {
  attempts: number; placed: number; connected: number; talkMs: number; holdMs: number; heldCalls: number; wrapUpMs: number;
  outcomes: Partial<Record<CallOutcome, number>>;
  dispositions: Partial<Record<Disposition, number>>;
}

export const emptyFigureAcc = (): FigureAcc => ({ attempts: 0, placed: 0, connected: 0, talkMs: 0, holdMs: 0, heldCalls: 0, wrapUpMs: 0, outcomes: {}, dispositions: {} });

export function addCell(a: FigureAcc, c: AttemptCell): void {
  a.attempts += c.attempts; a.placed += c.placed; a.connected += c.connected;
  a.talkMs += c.talkMs; a.holdMs += c.holdMs; a.heldCalls += c.heldCalls;
  if (c.outcome) a.outcomes[c.outcome] = (a.outcomes[c.outcome] ?? 0) + c.attempts;
  if (c.disposition) a.dispositions[c.disposition] = (a.dispositions[c.disposition] ?? 0) + c.attempts;
}

export function mergeFigureAcc(into: FigureAcc, a: FigureAcc): void {
  into.attempts += a.attempts; into.placed += a.placed; into.connected += a.connected;
  into.talkMs += a.talkMs; into.holdMs += a.holdMs; into.heldCalls += a.heldCalls; into.wrapUpMs += a.wrapUpMs;
  for (const [k, n] of Object.entries(a.outcomes) as [CallOutcome, number][]) into.outcomes[k] = (into.outcomes[k] ?? 0) + n;
  for (const [k, n] of Object.entries(a.dispositions) as [Disposition, number][]) into.dispositions[k] = (into.dispositions[k] ?? 0) + n;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const avg = (n: number, d: number): number | null => (d > 0 ? Math.round(n / d) : null);

export function toFigures(a: FigureAcc): OverviewFigures {
  const o = (k: CallOutcome) => a.outcomes[k] ?? 0;
  const answered = o('answered') + o('abandoned');
  const conversions = a.dispositions.closed_deal ?? 0;
  return {
    attempts: a.attempts, placed: a.placed, answered, connected: a.connected, abandoned: o('abandoned'), machine: o('machine'),
    busy: o('busy'), noAnswer: o('no_answer'), congestion: o('congestion'), invalidNumber: o('invalid_number'), failed: o('failed'),
    abandonRate: ratio(o('abandoned'), answered), contactRate: ratio(answered, a.placed),
    conversions, conversionRate: ratio(conversions, a.connected),
    talkMs: a.talkMs, avgTalkMs: avg(a.talkMs, a.connected), holdMs: a.holdMs, heldCalls: a.heldCalls, avgHoldMs: avg(a.holdMs, a.heldCalls),
    wrapUpMs: a.wrapUpMs, avgWrapUpMs: avg(a.wrapUpMs, a.connected), dispositions: { ...a.dispositions },
  };
}
