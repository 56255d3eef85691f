import assert from 'node:assert/strict';
import { callLogEntry, hungUpBy, type CallLogFacts } from '../../../src/domain/call-log/call-log-entry';
import { answerRateByHour, causeCounts, offsetSegments, talkHistogram } from '../../../src/domain/call-log/call-stats';
import { q850CauseName } from '../../../src/domain/call-log/q850-cause-names';

const base: CallLogFacts = {
  id: 1, flow: 'agent-first', campaignId: 1, campaignName: 'A', contactId: null, contactName: null, agentId: 3, agentName: 'ann', phoneNumber: '+84912345678',
  claimedAt: null, dialAt: null, answerAt: null, bridgeAt: null, endAt: '2026-12-01T01:00:00.000Z', hangupCause: null, dialStatus: null, amdStatus: null,
  outcome: null, endReason: 'not_reached', disposition: null, recordingName: null,
};

describe('call log figures', () => {
  it('when a zone changes its offset in the range (Berlin, 2026-10-25 01:00 UTC), then the segments split there, to the minute', () => {
    const segs = offsetSegments('Europe/Berlin', Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z'));
    assert.deepEqual(segs, [
      { fromMs: null, toMs: Date.parse('2026-10-25T01:00:00Z'), offsetMinutes: 120 },
      { fromMs: Date.parse('2026-10-25T01:00:00Z'), toMs: null, offsetMinutes: 60 },
    ]);
    assert.deepEqual(offsetSegments('Asia/Kathmandu', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z')),
      [{ fromMs: null, toMs: null, offsetMinutes: 345 }]);
  });

  it('when calls are read for the log, then ring, hold and talk come from the stamps, and who hung up from the end reason', () => {
    const cases: Array<[Partial<CallLogFacts>, { ringMs: number | null; holdMs: number | null; talkMs: number | null; startAt: string }]> = [
      [{}, { ringMs: null, holdMs: null, talkMs: null, startAt: base.endAt }],
      [{ dialAt: '2026-12-01T00:59:40.000Z', claimedAt: '2026-12-01T00:59:30.000Z' }, { ringMs: 20_000, holdMs: null, talkMs: null, startAt: '2026-12-01T00:59:30.000Z' }],
      [{ dialAt: '2026-12-01T00:58:00.000Z', answerAt: '2026-12-01T00:58:05.000Z', bridgeAt: '2026-12-01T00:58:07.000Z' },
        { ringMs: 5_000, holdMs: 2_000, talkMs: 113_000, startAt: '2026-12-01T00:58:00.000Z' }],
      [{ dialAt: '2026-12-01T00:59:00.000Z', answerAt: '2026-12-01T00:59:50.000Z', outcome: 'abandoned' }, { ringMs: 50_000, holdMs: 10_000, talkMs: null, startAt: '2026-12-01T00:59:00.000Z' }],
      [{ flow: 'ivr', dialAt: '2026-12-01T00:59:00.000Z', answerAt: '2026-12-01T00:59:10.000Z' }, { ringMs: 10_000, holdMs: null, talkMs: null, startAt: '2026-12-01T00:59:00.000Z' }],
    ];
    for (const [facts, want] of cases) {
      const e = callLogEntry({ ...base, ...facts });
      assert.deepEqual({ ringMs: e.ringMs, holdMs: e.holdMs, talkMs: e.talkMs, startAt: e.startAt }, want, JSON.stringify(facts));
    }
    assert.deepEqual([callLogEntry(base).direction, callLogEntry({ ...base, flow: 'callback-request' }).direction], ['outbound', 'inbound']);
    assert.deepEqual((['customer_hangup', 'agent_hangup', 'telephony_error', 'machine', 'abandoned'] as const).map(hungUpBy), ['customer', 'agent', 'telephony', 'dialer', 'dialer']);
    assert.equal(callLogEntry({ ...base, recordingName: 'x' }).hasRecording, true);
    assert.equal('recordingName' in callLogEntry({ ...base, recordingName: 'x' }), false, 'the file name stays on the server');
  });

  it('when the groups are folded, then 24 hours, seven talk buckets and causes by count with their Q.850 names', () => {
    const hours = answerRateByHour([{ hour: 8, dialled: 4, answered: 1 }, { hour: 8, dialled: 1, answered: 1 }, { hour: 23, dialled: 2, answered: 0 }]);
    assert.equal(hours.length, 24);
    assert.deepEqual([hours[8], hours[23], hours[0]], [{ hour: 8, dialled: 5, answered: 2, rate: 0.4 }, { hour: 23, dialled: 2, answered: 0, rate: 0 }, { hour: 0, dialled: 0, answered: 0, rate: null }]);
    assert.deepEqual(talkHistogram(new Map([[0, 2], [6, 1]])).map((b) => [b.fromSeconds, b.toSeconds, b.calls]),
      [[0, 30, 2], [30, 60, 0], [60, 120, 0], [120, 300, 0], [300, 600, 0], [600, 1200, 0], [1200, null, 1]]);
    assert.deepEqual(causeCounts([{ cause: 17, calls: 2 }, { cause: 16, calls: 5 }, { cause: 200, calls: 2 }]).map((c) => c.name), ['Normal Clearing', 'User busy', 'Cause 200']);
    assert.deepEqual([q850CauseName(0), q850CauseName(34), q850CauseName(127)], ['Unknown', 'Circuit/channel congestion', 'Interworking, unspecified']);
  });
});
