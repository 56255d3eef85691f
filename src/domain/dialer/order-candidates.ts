import type { ContactStatus } from '../contact-status';
import type { DialingMode } from '../dialing-mode';
import type { UserId } from '../roles';
import type { LeadId } from './lead-snapshot';
import type { RandomSource } from './seeded-random';

/** An eligible contact as selection sees it (the caller has already filtered with isEligible). */
export interface SelectionCandidate {
  leadId: LeadId;
  status: ContactStatus;
  callbackAt: Date | null;
  addedAt: Date;
  ownerAgentId: UserId | null;
}

export interface SelectionContext {
  /** The agent who will get the contact; null when dialing for the pool (predictive, IVR). */
  agentId: UserId | null;
  /** Sticky-agent routing: a contact with an owner goes to that owner only. */
  sticky: boolean;
  mode: DialingMode;
  random: RandomSource;
}

const isCallback = (c: SelectionCandidate): boolean => c.status === 'callback_scheduled' && c.callbackAt !== null;
const byTime = (a: Date | null, b: Date | null): number => (a?.getTime() ?? 0) - (b?.getTime() ?? 0);
const oldestCallbackFirst = (a: SelectionCandidate, b: SelectionCandidate): number =>
  byTime(a.callbackAt, b.callbackAt) || byTime(a.addedAt, b.addedAt) || a.leadId - b.leadId;
const oldestAddedFirst = (a: SelectionCandidate, b: SelectionCandidate): number => byTime(a.addedAt, b.addedAt) || a.leadId - b.leadId;

/** In a sticky campaign an owned contact is reserved for its owner; pool dialing (no agent) leaves it alone. */
export function mayReceive(c: SelectionCandidate, ctx: Pick<SelectionContext, 'agentId' | 'sticky'>): boolean {
  return !ctx.sticky || c.ownerAgentId === null || c.ownerAgentId === ctx.agentId;
}

/**
 * The order in which this agent should get the candidates: due callbacks first, the earliest callback time
 * first; then everyone else in random order from the injected source (a callback campaign instead takes the
 * rest oldest-added first, its list being call-back requests). Contacts reserved for another agent are dropped.
 */
export function orderCandidates<C extends SelectionCandidate>(candidates: readonly C[], ctx: SelectionContext): C[] {
  const allowed = candidates.filter((c) => mayReceive(c, ctx));
  const callbacks = allowed.filter(isCallback).sort(oldestCallbackFirst);
  const rest = allowed.filter((c) => !isCallback(c));
  if (ctx.mode === 'callback') rest.sort(oldestAddedFirst);
  else shuffle(rest, ctx.random);
  return [...callbacks, ...rest];
}

/** The first of orderCandidates, without ordering everything: one draw from the source at most. */
export function pickNext<C extends SelectionCandidate>(candidates: readonly C[], ctx: SelectionContext): C | null {
  const allowed = candidates.filter((c) => mayReceive(c, ctx));
  const callbacks = allowed.filter(isCallback);
  const pool = callbacks.length > 0 ? callbacks : allowed;
  if (pool.length === 0) return null;
  if (callbacks.length > 0) return pool.reduce((best, c) => (oldestCallbackFirst(c, best) < 0 ? c : best));
  if (ctx.mode === 'callback') return pool.reduce((best, c) => (oldestAddedFirst(c, best) < 0 ? c : best));
  return pool[Math.min(pool.length - 1, Math.floor(ctx.random() * pool.length))] ?? null;
}

/** Fisher–Yates, in place. */
function shuffle<T>(items: T[], random: RandomSource): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}
