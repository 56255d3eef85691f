import type { LeadSnapshot } from '../../../src/domain/dialer/lead-snapshot';

/** A fresh, callable contact in Ho Chi Minh City; tests override what they are about. */
export const aLead = (over: Partial<LeadSnapshot> = {}): LeadSnapshot => ({
  status: 'not_started',
  attempts: 0,
  nextCallAt: null,
  callbackAt: null,
  doNotCallUntil: null,
  lastAbandonedAt: null,
  lastOutcome: null,
  lastDisposition: null,
  onDnc: false,
  onBlacklist: false,
  timezone: 'Asia/Ho_Chi_Minh',
  ownerAgentId: null,
  ...over,
});
