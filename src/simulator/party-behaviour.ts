/** What a simulated far end does when it is called. */
export type CallResult = 'answer' | 'busy' | 'no_answer' | 'congestion' | 'invalid' | 'machine';

export type AmdStatus = 'HUMAN' | 'MACHINE' | 'NOTSURE' | 'HANGUP';

/** What AMD() in the dialer-out context decides, and how long after answer. */
export interface AmdResult {
  readonly status: AmdStatus;
  readonly cause: string;
  readonly afterMs: number;
}

/** The scriptable description tests and demo mode give to `control.setBehaviour`. */
export interface BehaviourSpec {
  /** How long it rings before the result (default 1000 ms; congestion and invalid never ring). */
  readonly ringMs?: number;
  readonly result: CallResult;
  /** The far end hangs up this long after answering; null: it stays (an hour). */
  readonly talkMs?: number | null;
  /** Keys the far end presses after answering, e.g. ['1'] or ['1', '2', '3']. */
  readonly dtmf?: readonly string[];
  /** When the first key arrives, after answer (default 2000 ms). */
  readonly dtmfAfterMs?: number;
  /** Gap between keys (default 350 ms). */
  readonly dtmfGapMs?: number;
  /** Overrides what AMD decides for this party. */
  readonly amd?: AmdResult;
  /** Cause of the far end's own hangup (default 16). */
  readonly hangupCause?: number;
}

/** Which dialplan the far end of a Local channel appears to run (ChannelDialplan events of the ;2 half). */
export type ScriptStyle = 'human' | 'machine' | 'keys' | 'agent' | 'early-hangup' | 'busy' | 'no-answer' | 'congestion' | 'unallocated';

export type CallOutcome = 'answer' | 'busy' | 'no_answer' | 'congestion' | 'unallocated';

/** A fully resolved behaviour for one call. */
export interface CallPlan {
  readonly party: 'customer' | 'agent';
  readonly label: string;
  readonly style: ScriptStyle;
  readonly outcome: CallOutcome;
  readonly ringMs: number;
  readonly talkMs: number | null;
  readonly dtmf: readonly string[];
  readonly dtmfAfterMs: number;
  readonly dtmfGapMs: number;
  readonly amd: AmdResult;
  readonly hangupCause: number;
}

const HOUR = 3_600_000;
const HUMAN_AMD: AmdResult = { status: 'HUMAN', cause: 'HUMAN-803-800', afterMs: 1970 };
const MACHINE_AMD: AmdResult = { status: 'MACHINE', cause: 'MAXWORDS-3-2', afterMs: 1720 };
const SILENT_AMD: AmdResult = { status: 'MACHINE', cause: 'INITIALSILENCE-2500-2500', afterMs: 2980 };
const KEYS_AMD: AmdResult = { status: 'MACHINE', cause: 'INITIALSILENCE-2517-2500', afterMs: 3450 };

function plan(party: CallPlan['party'], fields: Partial<CallPlan> & Pick<CallPlan, 'label' | 'style' | 'outcome'>): CallPlan {
  return {
    party, ringMs: 1000, talkMs: null, dtmf: [], dtmfAfterMs: 2000, dtmfGapMs: 350, amd: HUMAN_AMD, hangupCause: 16, ...fields,
  };
}

/** Turns a scripted behaviour into a plan. */
export function planFromSpec(spec: BehaviourSpec, party: CallPlan['party']): CallPlan {
  const ringless = spec.result === 'congestion' || spec.result === 'invalid';
  const dtmf = (spec.dtmf ?? []).flatMap((keys) => [...keys]);
  const common = {
    ringMs: ringless ? 0 : Math.max(0, spec.ringMs ?? 1000),
    talkMs: spec.talkMs === undefined ? null : spec.talkMs,
    dtmf,
    dtmfAfterMs: spec.dtmfAfterMs ?? 2000,
    dtmfGapMs: spec.dtmfGapMs ?? 350,
    hangupCause: spec.hangupCause ?? 16,
  };
  const label = `scripted ${spec.result}`;
  switch (spec.result) {
    case 'answer': {
      const style = dtmf.length > 0 ? 'keys' : party === 'agent' ? 'agent' : 'human';
      return plan(party, { ...common, label, style, outcome: 'answer', amd: spec.amd ?? (dtmf.length > 0 ? KEYS_AMD : HUMAN_AMD) });
    }
    case 'machine':
      return plan(party, { ...common, label, style: 'machine', outcome: 'answer', amd: spec.amd ?? MACHINE_AMD });
    case 'busy': return plan(party, { ...common, label, style: 'busy', outcome: 'busy' });
    case 'no_answer': return plan(party, { ...common, label, style: 'no-answer', outcome: 'no_answer' });
    case 'congestion': return plan(party, { ...common, label, style: 'congestion', outcome: 'congestion' });
    case 'invalid': return plan(party, { ...common, label, style: 'unallocated', outcome: 'unallocated' });
  }
}

const human = (ringMs: number, label = 'human'): CallPlan =>
  plan('customer', { label, style: 'human', outcome: 'answer', ringMs, talkMs: 30_800 });

/**
 * The customers of the reference dialplan (context sim-customers), chosen by the first four digits;
 * Asterisk's pattern `_0901X.` needs at least two more characters. Timings are the ones recorded.
 * Returns null for "no such extension".
 */
export function builtinCustomerPlan(exten: string): CallPlan | null {
  const m = /^09(\d\d)(\d.+)$/.exec(exten);
  if (!m) return null;
  switch (m[1]) {
    case '00': return plan('customer', { label: 'unallocated number', style: 'unallocated', outcome: 'unallocated', ringMs: 0 });
    case '01': return human(1000);
    case '02': return plan('customer', { label: 'busy', style: 'busy', outcome: 'busy' });
    case '03': return plan('customer', { label: 'no answer', style: 'no-answer', outcome: 'no_answer' });
    case '04': return plan('customer', { label: 'congestion', style: 'congestion', outcome: 'congestion', ringMs: 0 });
    case '05': return keysPlan('1', 'presses 1');
    case '06': return plan('customer', { label: 'answering machine', style: 'machine', outcome: 'answer', talkMs: 39_400, amd: MACHINE_AMD });
    case '07': return plan('customer', { label: 'hangs up 3 s after answer', style: 'early-hangup', outcome: 'answer', talkMs: 3500, amd: SILENT_AMD });
    case '08': return keysPlan(exten.slice(4), `presses ${exten.slice(4)}`);
    case '09': {
      const slow = /^0909(\d\d).+$/.exec(exten);
      return slow ? human(Number(slow[1]) * 1000, `answers after ${slow[1]} s`) : null;
    }
    default: return null;
  }
}

function keysPlan(keys: string, label: string): CallPlan {
  const dtmf = [...keys].filter((k) => /^[0-9*#A-D]$/.test(k));
  return plan('customer', {
    label, style: 'keys', outcome: 'answer', dtmf, dtmfAfterMs: 2200, dtmfGapMs: 351,
    talkMs: 32_250 + dtmf.length * 351, amd: KEYS_AMD,
  });
}

/** The agent phones of the reference dialplan (context sim-agents). Null: no such extension. */
export function builtinAgentPlan(exten: string): CallPlan | null {
  if (/^8\d{3}$/.test(exten)) return plan('agent', { label: 'busy', style: 'busy', outcome: 'busy' });
  if (/^9\d{3}$/.test(exten)) return plan('agent', { label: 'never answers', style: 'no-answer', outcome: 'no_answer' });
  if (/^\d.+$/.test(exten)) return plan('agent', { label: 'answers', style: 'agent', outcome: 'answer', talkMs: HOUR });
  return null;
}
