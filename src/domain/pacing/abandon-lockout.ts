/** A contact whose call was abandoned is not called again for this long (regulators ask for 72 hours). */
export const DEFAULT_ABANDON_LOCKOUT_MS = 72 * 60 * 60_000;

/** When a contact abandoned at `lastAbandonedAt` may be called again. */
export function abandonLockoutEndsAt(lastAbandonedAt: Date, lockoutMs = DEFAULT_ABANDON_LOCKOUT_MS): Date {
  return new Date(lastAbandonedAt.getTime() + lockoutMs);
}

/** True while the contact must not be dialled because its last abandoned call is too recent. */
export function isInAbandonLockout(lastAbandonedAt: Date | null, now: Date, lockoutMs = DEFAULT_ABANDON_LOCKOUT_MS): boolean {
  if (lastAbandonedAt === null) return false;
  return now.getTime() < abandonLockoutEndsAt(lastAbandonedAt, lockoutMs).getTime();
}
