import assert from 'node:assert/strict';
import { campaignDefaults, campaignSettingsFields, type CampaignSettings } from '../../src/domain/campaign-settings';
import { campaignSettingsProblems, normalizeCampaignSettings } from '../../src/domain/campaign-settings-problems';
import { checkCallingHours, type CallingHours } from '../../src/domain/dialer/calling-hours';
import { localTimeAt } from '../../src/domain/dialer/local-time';
import { ivrConfigSchema, type IvrConfig } from '../../src/domain/ivr-config';

const base = (patch: Partial<CampaignSettings> = {}): CampaignSettings => ({ ...campaignDefaults('Spring sale', 'progressive'), ...patch });
const survey: IvrConfig = {
  steps: [
    { id: 'hello', kind: 'prompt', sound: 'custom/hello' },
    { id: 'q1', kind: 'question', sound: 'custom/q1', validDigits: ['1', '2'], timeoutSeconds: 5, retries: 1 },
  ],
  agentTransfer: { digit: '0' },
};

describe('campaign settings', () => {
  it('when the defaults are read, then they carry the documented values and pass every rule', () => {
    const d = base();
    assert.equal(d.abandonRateTarget, 0.03);
    assert.equal(d.maxLinesPerAgent, 3);
    assert.equal(d.abandonLockoutHours, 72);
    assert.deepEqual(d.quota, { kind: 'none', min: null, max: null });
    assert.ok(campaignSettingsFields.safeParse(d).success);
    assert.deepEqual(campaignSettingsProblems(d), []);
  });

  const cases: { when: string; patch: Partial<CampaignSettings>; field?: string; message?: RegExp }[] = [
    { when: 'end is before start', patch: { startAt: '2026-12-02T08:00:00.000Z', endAt: '2026-12-01T08:00:00.000Z' }, field: 'endAt', message: /after startAt/ },
    { when: 'end equals start', patch: { startAt: '2026-12-01T08:00:00.000Z', endAt: '2026-12-01T08:00:00.000Z' }, field: 'endAt' },
    { when: 'end is after start in another offset', patch: { startAt: '2026-12-01T08:00:00+07:00', endAt: '2026-12-01T02:00:00Z' } },
    { when: 'end is before start written in another offset', patch: { startAt: '2026-12-01T08:00:00Z', endAt: '2026-12-01T14:00:00+07:00' }, field: 'endAt' },
    { when: 'only an end time is given', patch: { endAt: '2026-12-01T08:00:00.000Z' } },
    { when: 'quota min exceeds max', patch: { quota: { kind: 'per_day', min: 50, max: 10 } }, field: 'quota.max', message: /at least quota.min/ },
    { when: 'quota min equals max', patch: { quota: { kind: 'per_campaign', min: 10, max: 10 } } },
    { when: 'a per-day quota has neither min nor max', patch: { quota: { kind: 'per_day', min: null, max: null } }, field: 'quota' },
    { when: 'quota none carries a max', patch: { quota: { kind: 'none', min: null, max: 5 } }, field: 'quota.kind' },
    { when: 'previewSeconds is set outside preview mode', patch: { previewSeconds: 20 }, field: 'previewSeconds', message: /only used in preview/ },
    { when: 'previewSeconds is set in preview mode', patch: { dialingMode: 'preview', previewSeconds: 20 } },
    { when: 'ivr mode has no ivr script', patch: { dialingMode: 'ivr' }, field: 'ivr', message: /needs an ivr script/ },
    { when: 'ivr mode has an ivr script', patch: { dialingMode: 'ivr', ivr: survey } },
    { when: 'an ivr script is given outside ivr mode', patch: { ivr: survey }, field: 'ivr' },
    { when: 'machineAction message has no sound', patch: { machineAction: 'message' }, field: 'machineMessage' },
    { when: 'machineAction hangup has a message', patch: { machineMessage: 'custom/vm' }, field: 'machineMessage' },
    { when: 'calling hours run over midnight', patch: { callingHours: { start: '21:00', end: '08:00', weekdays: [1] } }, field: 'callingHours.end' },
    { when: 'calling hours start and end together', patch: { callingHours: { start: '08:00', end: '08:00', weekdays: [1] } }, field: 'callingHours.end' },
    { when: 'calling hours end at midnight', patch: { callingHours: { start: '18:00', end: '24:00', weekdays: [1] } } },
    { when: 'a calling day is listed twice', patch: { callingHours: { start: '08:00', end: '21:00', weekdays: [1, 1] } }, field: 'callingHours.weekdays' },
    { when: 'the time zone is unknown', patch: { timezone: 'Mars/Base' }, field: 'timezone' },
    { when: 'the time zone is a real one', patch: { timezone: 'Asia/Ho_Chi_Minh' } },
  ];
  for (const c of cases) {
    const outcome = c.field ? `the problem names ${c.field}` : 'there is no problem';
    it(`when ${c.when}, then ${outcome}`, () => {
      const settings = base(c.patch);
      assert.ok(campaignSettingsFields.safeParse(settings).success, 'field-level schema accepts the case');
      const problems = campaignSettingsProblems(settings);
      if (!c.field) return assert.deepEqual(problems, []);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.field, c.field);
      if (c.message) assert.match(problems[0]!.message, c.message);
    });
  }

  const badFields: [string, Record<string, unknown>, string][] = [
    ['a name that is blank', { name: '   ' }, 'name'],
    ['an unknown dialing mode', { dialingMode: 'robocall' }, 'dialingMode'],
    ['a start time without offset', { startAt: '2026-12-01 08:00' }, 'startAt'],
    ['a caller id with letters', { callerId: 'ACME' }, 'callerId'],
    ['zero attempts', { maxAttempts: 0 }, 'maxAttempts'],
    ['a fractional retry interval', { retryMinutes: 1.5 }, 'retryMinutes'],
    ['an abandon target of 50%', { abandonRateTarget: 0.5 }, 'abandonRateTarget'],
    ['calling hours at 25:00', { callingHours: { start: '08:00', end: '25:00', weekdays: [1] } }, 'callingHours.end'],
    ['calling hours starting at 24:00', { callingHours: { start: '24:00', end: '24:00', weekdays: [1] } }, 'callingHours.start'],
    ['weekday 8', { callingHours: { start: '08:00', end: '20:00', weekdays: [8] } }, 'callingHours.weekdays.0'],
    ['a machine message that climbs out of the sounds folder', { machineAction: 'message', machineMessage: '../../etc/passwd' }, 'machineMessage'],
    ['an unknown quota field', { quota: { kind: 'none', min: null, max: null, bonus: 1 } }, 'quota'],
    ['a manager id of zero', { managerIds: [0] }, 'managerIds.0'],
  ];
  for (const [what, patch, field] of badFields) {
    it(`when a setting is ${what}, then the schema rejects it naming ${field}`, () => {
      const r = campaignSettingsFields.safeParse({ ...base(), ...patch });
      assert.equal(r.success, false);
      assert.equal(r.error!.issues[0]!.path.join('.'), field);
    });
  }

  it('when a campaign\'s calling hours and zone go to the dialer rules, then checkCallingHours reads them as they are', () => {
    const s = base({ callingHours: { start: '08:00', end: '21:00', weekdays: [1, 2, 3, 4, 5] }, timezone: 'Asia/Ho_Chi_Minh' });
    const hours: CallingHours = s.callingHours;
    // 2026-11-25 is a Wednesday; 01:30Z is 08:30 in Ho Chi Minh City, 14:30Z is 21:30.
    assert.equal(checkCallingHours(hours, localTimeAt(new Date('2026-11-25T01:30:00Z'), s.timezone)), 'inside');
    assert.equal(checkCallingHours(hours, localTimeAt(new Date('2026-11-25T14:30:00Z'), s.timezone)), 'outside');
    assert.equal(checkCallingHours(hours, localTimeAt(new Date('2026-11-28T01:30:00Z'), s.timezone)), 'outside', 'a Saturday');
  });

  it('when settings are normalized, then instants become UTC, ids lose duplicates and weekdays are sorted', () => {
    const n = normalizeCampaignSettings(base({
      startAt: '2026-12-01T08:00:00+07:00', managerIds: [3, 3, 2],
      callingHours: { start: '08:00', end: '20:00', weekdays: [5, 1] },
    }));
    assert.equal(n.startAt, '2026-12-01T01:00:00.000Z');
    assert.deepEqual(n.managerIds, [3, 2]);
    assert.deepEqual(n.callingHours.weekdays, [1, 5]);
  });
});

describe('ivr config', () => {
  it('when a survey is well formed, then it parses', () => {
    assert.ok(ivrConfigSchema.safeParse(survey).success);
  });
  const bad: [string, unknown, string][] = [
    ['no steps', { steps: [] }, 'steps'],
    ['a question without digits', { steps: [{ id: 'q', kind: 'question', sound: 'a' }] }, 'steps.0.validDigits'],
    ['a prompt that waits for digits', { steps: [{ id: 'p', kind: 'prompt', sound: 'a', validDigits: ['1'] }] }, 'steps.0.kind'],
    ['two steps with one id', { steps: [{ id: 'p', kind: 'prompt', sound: 'a' }, { id: 'p', kind: 'prompt', sound: 'b' }] }, 'steps.1.id'],
    ['the transfer key used as an answer', { ...survey, agentTransfer: { digit: '1' } }, 'steps.1.validDigits'],
    ['a digit listed twice', { steps: [{ id: 'q', kind: 'question', sound: 'a', validDigits: ['1', '1'] }] }, 'steps.0.validDigits'],
    ['a letter as a digit', { steps: [{ id: 'q', kind: 'question', sound: 'a', validDigits: ['A'] }] }, 'steps.0.validDigits.0'],
    ['a timeout of an hour', { steps: [{ id: 'q', kind: 'question', sound: 'a', validDigits: ['1'], timeoutSeconds: 3600 }] }, 'steps.0.timeoutSeconds'],
    ['a sound path with dots', { steps: [{ id: 'p', kind: 'prompt', sound: 'x/../y' }] }, 'steps.0.sound'],
    ['an unknown field', { steps: [{ id: 'p', kind: 'prompt', sound: 'a', loop: true }] }, 'steps.0'],
  ];
  for (const [what, value, field] of bad) {
    it(`when it has ${what}, then it is rejected naming ${field}`, () => {
      const r = ivrConfigSchema.safeParse(value);
      assert.equal(r.success, false);
      assert.equal(r.error!.issues[0]!.path.join('.'), field);
    });
  }
});
