import type { CdrRow } from './cdr-csv';

/** A dialled customer leg as the dialer's call log holds it. */
export interface LoggedCall {
  callRecordId: number;
  /** The flow's ref: the attempt id for campaign calls (it is in the channel id the dialer gave Asterisk). */
  ref: string;
  phoneNumber: string | null;
  dialAt: Date;
  answerAt: Date | null;
  endAt: Date;
}

export type Disagreement =
  | { kind: 'missing_in_cdr'; call: LoggedCall }
  | { kind: 'missing_in_log'; cdr: CdrRow }
  | { kind: 'answered'; call: LoggedCall; cdr: CdrRow }
  | { kind: 'duration'; call: LoggedCall; cdr: CdrRow; loggedSeconds: number; cdrSeconds: number }
  | { kind: 'billed'; call: LoggedCall; cdr: CdrRow; loggedSeconds: number; cdrSeconds: number };

export interface Agreement {
  logged: number;
  inCdr: number;
  loggedAnswered: number;
  cdrAnswered: number;
  matched: number;
  disagreements: Disagreement[];
}

/** Asterisk writes whole seconds (truncated), so a second of difference is the resolution, not a disagreement. */
export const TOLERANCE_SECONDS = 1;

/**
 * The customer legs among the CDR rows, one per channel the dialer created. The dialer names its channels
 * `<prefix>.customer.<ref>.<random>` and Asterisk uses that name as the uniqueid; a Local channel's far half
 * (`;2`, which ran the dialplan and so answered or not) carries it with `;2` appended, and wins over its near half.
 */
export function customerLegs(rows: readonly CdrRow[], prefix: string): Map<string, { ref: string; row: CdrRow }> {
  const legs = new Map<string, { ref: string; row: CdrRow; far: boolean }>();
  for (const row of rows) {
    const far = row.uniqueid.endsWith(';2');
    const id = far ? row.uniqueid.slice(0, -2) : row.uniqueid;
    const parts = id.split('.');
    if (parts.length !== 4 || parts[0] !== prefix || parts[1] !== 'customer') continue;
    const seen = legs.get(id);
    if (!seen || (far && !seen.far)) legs.set(id, { ref: parts[2]!, row, far });
  }
  return new Map([...legs].map(([id, l]) => [id, { ref: l.ref, row: l.row }]));
}

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/**
 * Call by call, whether the dialer's call log and the PBX's own records agree: the same calls (by the ref
 * in the channel id), the same answered/unanswered split, and the ring-to-end and answer-to-end durations
 * within a second. `belongs(ref)` says which CDR legs the log should have (e.g. the attempts of one campaign).
 */
export function compareWithCdr(calls: readonly LoggedCall[], rows: readonly CdrRow[], prefix: string, belongs: (ref: string) => boolean): Agreement {
  const legs = [...customerLegs(rows, prefix).values()].filter((l) => belongs(l.ref));
  const byRef = new Map<string, CdrRow[]>();
  for (const l of legs) byRef.set(l.ref, [...(byRef.get(l.ref) ?? []), l.row]);
  const disagreements: Disagreement[] = [];
  let matched = 0;
  const used = new Set<CdrRow>();
  for (const call of calls) {
    const cdr = (byRef.get(call.ref) ?? []).find((r) => !used.has(r));
    if (!cdr) { disagreements.push({ kind: 'missing_in_cdr', call }); continue; }
    used.add(cdr);
    matched++;
    const cdrAnswered = cdr.answer !== '';
    if (cdrAnswered !== (call.answerAt !== null)) { disagreements.push({ kind: 'answered', call, cdr }); continue; }
    const logged = seconds(call.dialAt, call.endAt);
    if (Math.abs(logged - cdr.duration) > TOLERANCE_SECONDS) disagreements.push({ kind: 'duration', call, cdr, loggedSeconds: logged, cdrSeconds: cdr.duration });
    if (call.answerAt) {
      const billed = seconds(call.answerAt, call.endAt);
      if (Math.abs(billed - cdr.billsec) > TOLERANCE_SECONDS) disagreements.push({ kind: 'billed', call, cdr, loggedSeconds: billed, cdrSeconds: cdr.billsec });
    }
  }
  for (const l of legs) if (!used.has(l.row)) disagreements.push({ kind: 'missing_in_log', cdr: l.row });
  return {
    logged: calls.length, inCdr: legs.length, matched, disagreements,
    loggedAnswered: calls.filter((c) => c.answerAt !== null).length, cdrAnswered: legs.filter((l) => l.row.answer !== '').length,
  };
}

/** One line per disagreement, for the CLI and test messages. */
export function describeDisagreement(d: Disagreement): string {
  switch (d.kind) {
    case 'missing_in_cdr': return `call record ${d.call.callRecordId} (ref ${d.call.ref}, ${d.call.phoneNumber ?? 'no number'}): no CDR of its customer channel`;
    case 'missing_in_log': return `CDR ${d.cdr.uniqueid} (${d.cdr.dst}, ${d.cdr.start}): no call record`;
    case 'answered': return `call record ${d.call.callRecordId}: ${d.call.answerAt ? 'answered' : 'not answered'} in the log, ${d.cdr.disposition} in the CDR`;
    case 'duration': return `call record ${d.call.callRecordId}: ${d.loggedSeconds.toFixed(1)} s dial to end in the log, ${d.cdrSeconds} s in the CDR`;
    case 'billed': return `call record ${d.call.callRecordId}: ${d.loggedSeconds.toFixed(1)} s answer to end in the log, ${d.cdrSeconds} s billed in the CDR`;
  }
}
