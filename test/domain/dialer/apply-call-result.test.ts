import assert from 'node:assert/strict';
import { applyCallResult, type CallResult, type CallResultPolicy } from '../../../src/domain/dialer/apply-call-result';
import type { LeadSnapshot } from '../../../src/domain/dialer/lead-snapshot';
import { aLead } from './a-lead';

const NOW = new Date('2025-06-16T03:00:00Z'); // Monday 10:00 in Ho Chi Minh City
const mins = (n: number): Date => new Date(NOW.getTime() + n * 60_000);
const HOUR = 60;
const DAY = 24 * HOUR;

const policy = (over: Partial<CallResultPolicy> = {}): CallResultPolicy => ({
  mode: 'progressive',
  maxAttempts: 3,
  retryMinutes: 30,
  noRecallDays: 7,
  endsAt: mins(10 * DAY),
  callingHours: { start: '08:00', end: '20:00' },
  timezone: 'Asia/Ho_Chi_Minh',
  ...over,
});

const claimed = (over: Partial<LeadSnapshot> = {}): LeadSnapshot => aLead({ status: 'in_progress', ...over });
type Expect = Partial<LeadSnapshot> | string;
type Row = [string, Partial<LeadSnapshot>, CallResult, Partial<CallResultPolicy>, Expect];

const rows: Row[] = [
  // dispositions
  ['a deal is closed', {}, { outcome: 'answered', disposition: 'closed_deal' }, {},
    { status: 'success', attempts: 1, nextCallAt: null, lastOutcome: 'answered', lastDisposition: 'closed_deal' }],
  ['the customer is interested', {}, { outcome: 'answered', disposition: 'interested' }, {}, { status: 'success', attempts: 1, lastDisposition: 'interested' }],
  ['the customer is not interested', {}, { outcome: 'answered', disposition: 'not_interested' }, {}, { status: 'success', lastDisposition: 'not_interested' }],
  ['a callback is set for tomorrow 09:00 local', {}, { outcome: 'answered', disposition: 'callback', callbackAt: mins(DAY - HOUR) }, {},
    { status: 'callback_scheduled', callbackAt: mins(DAY - HOUR), nextCallAt: mins(DAY - HOUR), attempts: 1 }],
  ['a callback is set after a missed call', { attempts: 1 }, { outcome: 'no_answer', disposition: 'callback', callbackAt: mins(HOUR) }, {},
    { status: 'callback_scheduled', callbackAt: mins(HOUR), attempts: 2, lastOutcome: 'no_answer' }],
  ['a callback has no time', {}, { outcome: 'answered', disposition: 'callback' }, {}, 'callback_time_required'],
  ['a callback is set for now', {}, { outcome: 'answered', disposition: 'callback', callbackAt: NOW }, {}, 'callback_in_past'],
  ['a callback is set in the past', {}, { outcome: 'answered', disposition: 'callback', callbackAt: mins(-5) }, {}, 'callback_in_past'],
  ['a callback is set at the campaign end', {}, { outcome: 'answered', disposition: 'callback', callbackAt: mins(10 * DAY) }, {}, 'callback_after_campaign_end'],
  ['a callback is set one minute before the campaign end', {}, { outcome: 'answered', disposition: 'callback', callbackAt: mins(10 * DAY - 1) }, {},
    { status: 'callback_scheduled', callbackAt: mins(10 * DAY - 1) }],
  ['a callback is set at 20:00 local, the end of calling hours', {}, { outcome: 'answered', disposition: 'callback', callbackAt: mins(10 * HOUR) }, {},
    'callback_outside_calling_hours'],
  ['a callback at 20:00 in Vietnam is 09:00 for a New York contact', { timezone: 'America/New_York' },
    { outcome: 'answered', disposition: 'callback', callbackAt: mins(10 * HOUR) }, {}, { status: 'callback_scheduled' }],
  ['the customer asks not to be called again', { attempts: 1 }, { outcome: 'answered', disposition: 'do_not_call_again' }, {},
    { status: 'do_not_call_again', doNotCallUntil: mins(7 * DAY), nextCallAt: mins(7 * DAY), attempts: 2 }],
  ['do not call again in a campaign without no-recall days', {}, { outcome: 'answered', disposition: 'do_not_call_again' }, { noRecallDays: null },
    { status: 'do_not_call_again', doNotCallUntil: null, nextCallAt: null }],
  // skip
  ['a skip in a progressive campaign', {}, { outcome: 'answered', disposition: 'skip' }, {}, 'skip_only_in_manual'],
  ['a manual skip before dialing a fresh contact', {}, { outcome: 'not_dialed', disposition: 'skip' }, { mode: 'manual' },
    { status: 'not_started', attempts: 0, nextCallAt: mins(30), lastOutcome: null, lastDisposition: 'skip' }],
  ['a manual skip before dialing a retried contact', { attempts: 1, lastOutcome: 'busy' }, { outcome: 'not_dialed', disposition: 'skip' }, { mode: 'manual' },
    { status: 'failed_will_retry', attempts: 1, nextCallAt: mins(30), lastOutcome: 'busy' }],
  ['a manual skip before dialing a due callback', { callbackAt: mins(-10) }, { outcome: 'not_dialed', disposition: 'skip' }, { mode: 'manual' },
    { status: 'callback_scheduled', callbackAt: mins(-10), nextCallAt: mins(30), attempts: 0 }],
  ['a manual skip after the last allowed dial', { attempts: 2 }, { outcome: 'no_answer', disposition: 'skip' }, { mode: 'manual' },
    { status: 'retries_exhausted', attempts: 3, nextCallAt: null }],
  ['not dialed without a skip', {}, { outcome: 'not_dialed' }, { mode: 'manual' }, 'not_dialed_needs_skip'],
  // telephony outcomes without a disposition
  ['the line is busy on the first attempt', {}, { outcome: 'busy' }, {},
    { status: 'failed_will_retry', attempts: 1, nextCallAt: mins(30), lastOutcome: 'busy', lastDisposition: null }],
  ['an answering machine picks up on the second attempt', { attempts: 1 }, { outcome: 'machine' }, {}, { status: 'failed_will_retry', attempts: 2, nextCallAt: mins(30) }],
  ['the call is abandoned', {}, { outcome: 'abandoned' }, {},
    { status: 'failed_will_retry', attempts: 1, lastAbandonedAt: NOW, nextCallAt: mins(72 * HOUR) }],
  ['the call is abandoned with a lock-out shorter than the retry', {}, { outcome: 'abandoned' }, { abandonLockoutHours: 0 },
    { status: 'failed_will_retry', lastAbandonedAt: NOW, nextCallAt: mins(30) }],
  ['the number is invalid', {}, { outcome: 'invalid_number' }, {}, { status: 'call_error', attempts: 1, nextCallAt: null }],
  ['the call fails with an error', { attempts: 1 }, { outcome: 'failed' }, {}, { status: 'call_error', attempts: 2 }],
  ['an answered call has no disposition', {}, { outcome: 'answered' }, {}, 'disposition_required'],
  ['an IVR call is answered', {}, { outcome: 'answered' }, { mode: 'ivr' }, { status: 'success', attempts: 1 }],
  ['a deal is closed on a busy line', {}, { outcome: 'busy', disposition: 'closed_deal' }, {}, 'disposition_needs_answer'],
  // callbacks and no-recall returns
  ['a due callback is not answered', { callbackAt: mins(-10), nextCallAt: mins(-10) }, { outcome: 'no_answer' }, {},
    { status: 'callback_scheduled', callbackAt: mins(-10), nextCallAt: mins(30), attempts: 1 }],
  ['a callback fails on the last allowed attempt', { attempts: 2, callbackAt: mins(-10) }, { outcome: 'no_answer' }, {},
    { status: 'retries_exhausted', callbackAt: null, nextCallAt: null, attempts: 3 }],
  ['a callback ends with a deal', { attempts: 1, callbackAt: mins(-10) }, { outcome: 'answered', disposition: 'closed_deal' }, {},
    { status: 'success', callbackAt: null, nextCallAt: null }],
  ['a contact back from its no-recall period is busy', { attempts: 1, doNotCallUntil: mins(-1) }, { outcome: 'busy' }, {},
    { status: 'failed_will_retry', doNotCallUntil: null, attempts: 2 }],
  // guard
  ['the contact is not in progress', { status: 'failed_will_retry' }, { outcome: 'busy' }, {}, 'not_in_progress'],
];

const RETRY_OUTCOMES = ['busy', 'no_answer', 'congestion', 'machine', 'abandoned'] as const;
for (const outcome of RETRY_OUTCOMES) {
  rows.push([`the last allowed attempt ends ${outcome}`, { attempts: 2 }, { outcome }, {}, { status: 'retries_exhausted', attempts: 3, nextCallAt: null }]);
  rows.push([`a non-final attempt ends ${outcome}`, { attempts: 1 }, { outcome }, {}, { status: 'failed_will_retry', attempts: 2 }]);
}

describe('applying a call result to its contact', () => {
  for (const [what, leadOver, result, policyOver, expected] of rows) {
    it(`when ${what}, then ${typeof expected === 'string' ? `it is rejected (${expected})` : `the contact becomes ${expected.status}`}`, () => {
      const change = applyCallResult(claimed(leadOver), result, policy(policyOver), NOW);
      if (typeof expected === 'string') {
        assert.equal(change.ok ? 'accepted' : change.reason, expected);
        return;
      }
      assert.ok(change.ok, change.ok ? '' : change.reason);
      const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, change.lead[k as keyof LeadSnapshot]]));
      assert.deepEqual(picked, expected);
    });
  }

  it('when a result is applied, then fields it is not about are kept', () => {
    const lead = claimed({ ownerAgentId: 5, onDnc: false, timezone: 'Asia/Ho_Chi_Minh' });
    const change = applyCallResult(lead, { outcome: 'busy' }, policy(), NOW);
    assert.ok(change.ok);
    assert.deepEqual([change.lead.ownerAgentId, change.lead.timezone], [5, 'Asia/Ho_Chi_Minh']);
  });

  it('when a rejected callback time is given, then the rejection names the callbackAt field', () => {
    assert.deepEqual(applyCallResult(claimed(), { outcome: 'answered', disposition: 'callback', callbackAt: mins(-1) }, policy(), NOW),
      { ok: false, reason: 'callback_in_past', field: 'callbackAt' });
  });
});
