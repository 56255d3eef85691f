import assert from 'node:assert/strict';
import type { CallRecord } from '../../src/domain/call-record';
import { CallRecordRepository } from '../../src/store/call-record-repository';
import { CallbackRequestRepository } from '../../src/store/callback-request-repository';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';

const record: CallRecord = {
  flow: 'ivr', attemptId: 41, campaignId: 3, contactId: 9, agentId: null, phoneNumber: '090823',
  dialAt: new Date('2026-11-25T08:00:00.000Z'), answerAt: new Date('2026-11-25T08:00:01.000Z'), bridgeAt: null,
  endAt: new Date('2026-11-25T08:00:09.500Z'), hangupCause: 16, dialStatus: 'ANSWER', amdStatus: null,
  outcome: 'answered', endReason: 'ivr_complete', recordingName: 'dialer-41-abcd',
  answers: [{ questionId: 'q1', answer: '2' }, { questionId: 'q2', answer: null }],
};

describe('call records and callback requests in the store', () => {
  let db: Db;
  beforeEach(() => { db = openDatabase(':memory:'); migrate(db); });
  afterEach(() => db.close());

  it('when a call record is written, then it reads back with its times, cause, recording and IVR answers in order', () => {
    const repo = new CallRecordRepository(db);
    const id = repo.insert(record);
    assert.deepEqual(repo.get(id), { ...record, id });
    assert.deepEqual(repo.forAttempt(41).map((r) => r.id), [id]);
    const rows = db.prepare('SELECT question_id, answer FROM call_ivr_answers ORDER BY position').all();
    assert.deepEqual(rows, [{ question_id: 'q1', answer: '2' }, { question_id: 'q2', answer: null }]);
  });

  it('when the outcome is not in the vocabulary, then the database refuses the row', () => {
    const repo = new CallRecordRepository(db);
    assert.throws(() => repo.insert({ ...record, outcome: 'sort of' as never }), /CHECK constraint/);
    assert.deepEqual(db.prepare('SELECT COUNT(*) AS n FROM call_records').get(), { n: 0 });
  });

  it('when callback requests arrive, then they are taken oldest first and each only once', () => {
    const repo = new CallbackRequestRepository(db);
    repo.add('0912000001', new Date('2026-11-25T08:00:00Z'));
    repo.add('0912000002', new Date('2026-11-25T08:01:00Z'));
    const first = repo.takeOldest(new Date('2026-11-25T09:00:00Z'));
    assert.equal(first?.phoneNumber, '0912000001');
    assert.equal(first?.status, 'taken');
    assert.deepEqual(repo.pending().map((r) => r.phoneNumber), ['0912000002']);
    assert.equal(repo.takeOldest(new Date())?.phoneNumber, '0912000002');
    assert.equal(repo.takeOldest(new Date()), undefined);
  });
});
