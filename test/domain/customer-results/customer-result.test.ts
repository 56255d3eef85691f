import assert from 'node:assert/strict';
import { answerText, latestAnswers } from '../../../src/domain/customer-results/customer-result';

describe('customer result answers', () => {
  it('when a stored answer is read as text, then strings as they are, choices joined, anything else as stored', () => {
    const cases: Array<[string, string]> = [
      ['"10 triệu"', '10 triệu'], ['["A","B"]', 'A; B'], ['[]', ''], ['""', ''], ['null', ''], ['42', '42'], ['{"x":1}', '{"x":1}'],
      ['not json', 'not json'], ['"=cmd()"', '=cmd()'],
    ];
    for (const [stored, want] of cases) assert.equal(answerText(stored), want, stored);
  });

  it('when answers of several attempts are folded, then the newest per question wins, empty and removed questions are left out', () => {
    const got = latestAnswers([
      { leadId: 1, questionId: 10, value: '"old"', updatedAt: '2026-12-01T00:00:00.000Z' },
      { leadId: 1, questionId: 10, value: '"new"', updatedAt: '2026-12-02T00:00:00.000Z' },
      { leadId: 1, questionId: 11, value: '["x"]', updatedAt: '2026-12-01T00:00:00.000Z' },
      { leadId: 1, questionId: 99, value: '"gone"', updatedAt: '2026-12-03T00:00:00.000Z' },
      { leadId: 2, questionId: 10, value: '"kept"', updatedAt: '2026-12-01T00:00:00.000Z' },
      { leadId: 2, questionId: 10, value: '""', updatedAt: '2026-11-01T00:00:00.000Z' },
      { leadId: 3, questionId: 10, value: '""', updatedAt: '2026-12-01T00:00:00.000Z' },
    ], new Set([10, 11]));
    assert.deepEqual(Object.fromEntries(got), { 1: { 10: 'new', 11: 'x' }, 2: { 10: 'kept' } });
  });
});
