/** Where a contact stands inside one campaign (one row of the campaign's list). */
export const CONTACT_STATUSES = [
  'not_started',
  'in_progress',
  'failed_will_retry',
  'callback_scheduled',
  'success',
  'retries_exhausted',
  'do_not_call_again',
  'call_error',
  'paused',
  'blocked',
  'dnc',
] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
