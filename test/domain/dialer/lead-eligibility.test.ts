import assert from 'node:assert/strict';
import type { ContactStatus } from '../../../src/domain/contact-status';
import { isEligible, isEligibleForRecall, type EligibilityPolicy, type IneligibleReason } from '../../../src/domain/dialer/lead-eligibility';
import type { LeadSnapshot } from '../../../src/domain/dialer/lead-snapshot';
import { aLead } from './a-lead';

const NOW = new Date('2025-06-16T03:00:00Z'); // Monday 10:00 in Ho Chi Minh City
const mins = (n: number): Date => new Date(NOW.getTime() + n * 60_000);


const aPolicy = (over: Partial<EligibilityPolicy> = {}): EligibilityPolicy => ({
  campaignRunning: true,
  startsAt: mins(-60),
  endsAt: mins(60 * 24),
  maxAttempts: 3,
  callingHours: { start: '08:00', end: '20:00' },
  timezone: 'Asia/Ho_Chi_Minh',
  ...over,
});

type Row = [string, Partial<LeadSnapshot>, Partial<EligibilityPolicy>, Date, IneligibleReason | 'eligible', Date?];

describe('lead eligibility', () => {
  const rows: Row[] = [
    ['a fresh contact in a running campaign inside hours', {}, {}, NOW, 'eligible'],
    ['the campaign is paused', {}, { campaignRunning: false }, NOW, 'campaign_not_running'],
    ['one ms before the campaign starts', {}, { startsAt: mins(1) }, new Date(mins(1).getTime() - 1), 'before_campaign_start', mins(1)],
    ['exactly the campaign start minute', {}, { startsAt: NOW }, NOW, 'eligible'],
    ['exactly the campaign end minute', {}, { endsAt: NOW }, NOW, 'after_campaign_end'],
    ['one ms before the campaign end', {}, { endsAt: new Date(NOW.getTime() + 1) }, NOW, 'eligible'],
    ['no start or end time', {}, { startsAt: null, endsAt: null }, NOW, 'eligible'],
    ['the number is on the DNC list at dial time', { onDnc: true }, {}, NOW, 'on_dnc'],
    ['the contact entered with status dnc', { status: 'dnc' }, {}, NOW, 'on_dnc'],
    ['the number is blacklisted at dial time', { onBlacklist: true }, {}, NOW, 'on_blacklist'],
    ['the contact entered with status blocked', { status: 'blocked' }, {}, NOW, 'on_blacklist'],
    ['the contact is paused', { status: 'paused' }, {}, NOW, 'contact_paused'],
    ['a DNC contact is also paused, DNC is reported first', { status: 'paused', onDnc: true }, {}, NOW, 'on_dnc'],
  ];
  const statuses: Array<[ContactStatus, IneligibleReason | 'eligible']> = [
    ['in_progress', 'status_not_callable'],
    ['success', 'status_not_callable'],
    ['retries_exhausted', 'status_not_callable'],
    ['call_error', 'status_not_callable'],
    ['failed_will_retry', 'eligible'],
    ['callback_scheduled', 'eligible'],
  ];
  for (const [status, expected] of statuses) rows.push([`the status is ${status}`, { status, attempts: 1 }, {}, NOW, expected]);
  rows.push(
    ['attempts are one below max', { status: 'failed_will_retry', attempts: 2 }, {}, NOW, 'eligible'],
    ['attempts reached max', { status: 'failed_will_retry', attempts: 3 }, {}, NOW, 'attempts_exhausted'],
    ['a due callback with attempts at max', { status: 'callback_scheduled', attempts: 3, callbackAt: mins(-1) }, {}, NOW, 'eligible'],
    ['do not call again without an end', { status: 'do_not_call_again', attempts: 1 }, {}, NOW, 'no_recall_period'],
    ['do not call again until one minute from now', { status: 'do_not_call_again', doNotCallUntil: mins(1) }, {}, NOW, 'no_recall_period', mins(1)],
    ['do not call again until exactly now', { status: 'do_not_call_again', attempts: 3, doNotCallUntil: NOW }, {}, NOW, 'eligible'],
    ['abandoned 71 h 59 min ago', { lastAbandonedAt: mins(-(72 * 60 - 1)) }, {}, NOW, 'abandon_lockout', mins(1)],
    ['abandoned exactly 72 h ago', { lastAbandonedAt: mins(-72 * 60) }, {}, NOW, 'eligible'],
    ['abandoned 2 h ago with a 1 h lock-out', { lastAbandonedAt: mins(-120) }, { abandonLockoutHours: 1 }, NOW, 'eligible'],
    ['the retry time is one minute away', { status: 'failed_will_retry', attempts: 1, nextCallAt: mins(1) }, {}, NOW, 'retry_not_due', mins(1)],
    ['the retry time is exactly now', { status: 'failed_will_retry', attempts: 1, nextCallAt: NOW }, {}, NOW, 'eligible'],
    ['a callback one minute away', { status: 'callback_scheduled', callbackAt: mins(1) }, {}, NOW, 'callback_not_due', mins(1)],
    ['the contact has no zone, the campaign zone is used', { timezone: null }, { timezone: 'America/New_York' }, NOW, 'outside_calling_hours'],
    ['the contact zone is unknown', { timezone: 'Mars/Olympus' }, {}, NOW, 'invalid_timezone'],
    ['calling hours are malformed', {}, { callingHours: { start: 'x', end: '20:00' } }, NOW, 'invalid_calling_hours'],
    ['there are no calling hours', { timezone: 'Mars/Olympus' }, { callingHours: null }, NOW, 'eligible'],
  );
  for (const [what, lead, policy, now, expected, until] of rows) {
    it(`when ${what}, then ${expected === 'eligible' ? 'it is eligible' : `it is refused: ${expected}`}`, () => {
      const result = isEligible(aLead(lead), aPolicy(policy), now);
      if (expected === 'eligible') assert.deepEqual(result, { eligible: true });
      else assert.deepEqual(result, until ? { eligible: false, reason: expected, until } : { eligible: false, reason: expected });
    });
  }

  describe('calling hours at the contact', () => {
    const hours = aPolicy({ callingHours: { start: '09:00', end: '21:00' }, startsAt: null, endsAt: null });
    const local: Array<[string, string, string, boolean]> = [
      ['Asia/Ho_Chi_Minh', '2025-06-16T01:59:00Z', '08:59 in Vietnam', false],
      ['Asia/Ho_Chi_Minh', '2025-06-16T02:00:00Z', '09:00 in Vietnam', true],
      ['Asia/Ho_Chi_Minh', '2025-06-16T13:59:00Z', '20:59 in Vietnam', true],
      ['Asia/Ho_Chi_Minh', '2025-06-16T14:00:00Z', '21:00 in Vietnam', false],
      ['America/New_York', '2025-03-08T13:59:00Z', '08:59 EST the day before clocks go forward', false],
      ['America/New_York', '2025-03-08T14:00:00Z', '09:00 EST the day before clocks go forward', true],
      ['America/New_York', '2025-03-10T12:59:00Z', '08:59 EDT the day after clocks go forward', false],
      ['America/New_York', '2025-03-10T13:00:00Z', '09:00 EDT the day after clocks go forward', true],
      ['America/New_York', '2025-03-10T00:59:00Z', '20:59 EDT on the day clocks go forward', true],
      ['America/New_York', '2025-03-10T01:00:00Z', '21:00 EDT on the day clocks go forward', false],
      ['America/New_York', '2025-11-03T01:59:00Z', '20:59 EST on the day clocks go back', true],
      ['America/New_York', '2025-11-03T02:00:00Z', '21:00 EST on the day clocks go back', false],
    ];
    for (const [zone, instant, what, inside] of local) {
      it(`when it is ${what} (${instant}), then the contact is ${inside ? 'callable' : 'outside calling hours'}`, () => {
        const result = isEligible(aLead({ timezone: zone }), hours, new Date(instant));
        assert.deepEqual(result, inside ? { eligible: true } : { eligible: false, reason: 'outside_calling_hours' });
      });
    }
  });
});

describe('an agent calling an earlier customer again (manual access)', () => {
  const rows: [string, Partial<LeadSnapshot>, Partial<EligibilityPolicy>, IneligibleReason | 'eligible'][] = [
    ['busy a minute ago: the retry gap does not hold the agent back', { status: 'failed_will_retry', attempts: 1, nextCallAt: mins(30) }, {}, 'eligible'],
    ['the customer asked for a callback later today', { status: 'callback_scheduled', attempts: 1, callbackAt: mins(120) }, {}, 'eligible'],
    ['attempts used up', { status: 'failed_will_retry', attempts: 3, nextCallAt: mins(30) }, {}, 'attempts_exhausted'],
    ['put on the DNC list since', { status: 'failed_will_retry', attempts: 1, onDnc: true }, {}, 'on_dnc'],
    ['already settled', { status: 'success', attempts: 1 }, {}, 'status_not_callable'],
    ['asked not to be called again', { status: 'do_not_call_again', attempts: 1, doNotCallUntil: mins(60 * 24 * 30) }, {}, 'no_recall_period'],
    ['abandoned by the dialer an hour ago', { status: 'failed_will_retry', attempts: 1, lastAbandonedAt: mins(-60) }, {}, 'abandon_lockout'],
    ['outside calling hours at the customer', { status: 'failed_will_retry', attempts: 1 }, { callingHours: { start: '12:00', end: '20:00' } }, 'outside_calling_hours'],
  ];
  for (const [when, lead, policy, expected] of rows) {
    it(`when ${when}, then ${expected}`, () => {
      const e = isEligibleForRecall(aLead(lead), aPolicy(policy), NOW);
      assert.equal(e.eligible ? 'eligible' : e.reason, expected);
    });
  }

  it('when the list would not offer it yet, then only the retry gap and the callback time are what the agent may skip', () => {
    const lead = aLead({ status: 'failed_will_retry', attempts: 1, nextCallAt: mins(30) });
    assert.deepEqual(isEligible(lead, aPolicy(), NOW), { eligible: false, reason: 'retry_not_due', until: mins(30) });
    assert.deepEqual(isEligibleForRecall(lead, aPolicy(), NOW), { eligible: true });
  });
});
