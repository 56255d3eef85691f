import type { CallOutcome } from '../call-outcome';
import type { ContactStatus } from '../contact-status';
import type { Disposition } from '../disposition';

/** The columns the customer results can be sorted by; `id` is the list's own order (when added). */
export const CUSTOMER_SORTS = ['id', 'name', 'status', 'attempts', 'lastCallAt'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** A question of the campaign's script: one answer column of the report, named by its text. */
export interface AnswerColumn {
  questionId: number;
  text: string;
}

/** One contact of a campaign as the report shows it (one row). */
export interface CustomerResult {
  /** The campaign list entry (campaign_contacts.id): the history's key. */
  entryId: number;
  contactId: number;
  name: string;
  /** The number dialled for this entry. */
  phone: string;
  /** Every number of the contact, main first. */
  phones: string[];
  status: ContactStatus;
  attempts: number;
  /** When the latest attempt was dialled. */
  lastCallAt: string | null;
  lastOutcome: CallOutcome | null;
  lastDisposition: Disposition | null;
  callbackAt: string | null;
  agentId: number | null;
  agentName: string | null;
  /** The latest answer to each question of the script, by question id, as text. */
  answers: Record<string, string>;
}

/**
 * An answer as the agent's page stores it (dial_attempt_answers.value): a JSON string (free text, one choice) or
 * an array of strings (several choices). As text: the string itself, the choices joined by "; ". Anything else
 * (an older or hand-written value) is shown as stored.
 */
export function answerText(stored: string): string {
  let v: unknown;
  try {
    v = JSON.parse(stored);
  } catch {
    return stored;
  }
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
  return v === null ? '' : JSON.stringify(v);
}

/** A stored answer of one attempt of a contact: newer ones win. */
export interface StoredAnswer { leadId: number; questionId: number; value: string; updatedAt: string }

/** The latest answer to each question per entry, as text, among answers to questions still in the script. */
export function latestAnswers(rows: readonly StoredAnswer[], questionIds: ReadonlySet<number>): Map<number, Record<string, string>> {
  const best = new Map<string, StoredAnswer>();
  for (const r of rows) {
    if (!questionIds.has(r.questionId)) continue;
    const key = `${r.leadId}:${r.questionId}`;
    const had = best.get(key);
    if (!had || had.updatedAt <= r.updatedAt) best.set(key, r);
  }
  const out = new Map<number, Record<string, string>>();
  for (const r of best.values()) {
    const text = answerText(r.value);
    if (text === '') continue;
    const m = out.get(r.leadId) ?? {};
    m[String(r.questionId)] = text;
    out.set(r.leadId, m);
  }
  return out;
}
