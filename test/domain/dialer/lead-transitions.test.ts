import assert from 'node:assert/strict';
import { CONTACT_STATUSES, type ContactStatus } from '../../../src/domain/contact-status';
import type { EligibilityPolicy } from '../../../src/domain/dialer/lead-eligibility';
import type { LeadSnapshot } from '../../../src/domain/dialer/lead-snapshot';
import { canRemoveLead, claimLead, pauseLead, releaseClaim, resumeLead } from '../../../src/domain/dialer/lead-transitions';
import { aLead } from './a-lead';

const NOW = new Date('2025-06-16T03:00:00Z');
const mins = (n: number): Date => new Date(NOW.getTime() + n * 60_000);
const policy: EligibilityPolicy = {
  campaignRunning: true, startsAt: null, endsAt: null, maxAttempts: 3, callingHours: null, timezone: 'Asia/Ho_Chi_Minh',
};

describe('contact transitions', () => {
  it('when an eligible contact is claimed, then it is in progress and keeps everything else', () => {
    const lead = aLead({ status: 'failed_will_retry', attempts: 1, nextCallAt: mins(-1) });
    assert.deepEqual(claimLead(lead, policy, NOW), { ok: true, lead: { ...lead, status: 'in_progress' } });
  });

  it('when a contact that is not eligible is claimed, then the claim is refused with the eligibility reason', () => {
    assert.deepEqual(claimLead(aLead({ status: 'in_progress' }), policy, NOW), { ok: false, reason: 'status_not_callable' });
    assert.deepEqual(claimLead(aLead({ onDnc: true }), policy, NOW), { ok: false, reason: 'on_dnc' });
  });

  const waiting: Array<[string, Partial<LeadSnapshot>, ContactStatus]> = [
    ['a fresh contact', {}, 'not_started'],
    ['a contact retried once', { attempts: 1 }, 'failed_will_retry'],
    ['a due callback', { attempts: 3, callbackAt: mins(-1) }, 'callback_scheduled'],
    ['a contact back from its no-recall period', { attempts: 3, doNotCallUntil: mins(-1) }, 'do_not_call_again'],
  ];
  for (const [what, over, status] of waiting) {
    it(`when the claim on ${what} is released undialed, then it is ${status} again with no attempt added`, () => {
      const lead = aLead({ ...over, status: 'in_progress', nextCallAt: mins(-5) });
      assert.deepEqual(releaseClaim(lead, 3), { ok: true, lead: { ...lead, status } });
    });
  }

  it('when a contact that is not in progress is released, then it is refused', () => {
    assert.deepEqual(releaseClaim(aLead(), 3), { ok: false, reason: 'not_in_progress' });
  });

  const pauseExpect: Record<ContactStatus, string> = {
    not_started: 'paused', in_progress: 'call_in_progress', failed_will_retry: 'paused', callback_scheduled: 'paused', success: 'not_pausable',
    retries_exhausted: 'not_pausable', do_not_call_again: 'not_pausable', call_error: 'not_pausable', paused: 'not_pausable',
    blocked: 'not_pausable', dnc: 'not_pausable',
  };
  for (const status of CONTACT_STATUSES) {
    const expected = pauseExpect[status];
    it(`when a ${status} contact is paused, then ${expected === 'paused' ? 'it is paused' : `it is refused (${expected})`}`, () => {
      const change = pauseLead(aLead({ status, attempts: 1 }));
      assert.equal(change.ok ? change.lead.status : change.reason, expected);
    });
  }

  for (const [what, over, status] of waiting.slice(0, 3)) {
    it(`when ${what} is paused and resumed, then it is ${status} again`, () => {
      const paused = pauseLead(aLead({ ...over, status }));
      assert.ok(paused.ok);
      assert.deepEqual(resumeLead(paused.lead, 3), { ok: true, lead: aLead({ ...over, status }) });
    });
  }

  it('when a contact that is not paused is resumed, then it is refused', () => {
    assert.deepEqual(resumeLead(aLead(), 3), { ok: false, reason: 'not_paused' });
  });

  it('when a contact is removed, then only a live call stops it', () => {
    const allowed = CONTACT_STATUSES.filter((status) => canRemoveLead(aLead({ status })).ok);
    assert.deepEqual(allowed, CONTACT_STATUSES.filter((s) => s !== 'in_progress'));
  });
});
