import assert from 'node:assert/strict';
import type { Effect, FlowInput } from '../../../src/domain/flows/flow-types';
import { ivrFlow, type IvrOptions } from '../../../src/domain/flows/ivr-flow';
import { has, i, line, notices, released, resultOf, run, sig } from './flow-harness';

const opts: IvrOptions = {
  number: '090823', ringTimeoutSeconds: 15, amd: false, record: false,
  machine: { kind: 'hangup' },
  agent: { holdMaxSeconds: 2, mohClass: 'default', safeHarborMedia: ['sound:sorry'] },
  ivr: {
    questions: [
      { id: 'q1', prompt: ['sound:vm-press'], validDigits: '12345', timeoutSeconds: 3, retries: 1, branches: { 9: 'agent', 0: 'hangup' } },
      { id: 'q2', prompt: ['sound:vm-press'], validDigits: '12345', timeoutSeconds: 3, retries: 0 },
    ],
    invalidMedia: ['sound:pm-invalid-option'],
    goodbyeMedia: ['sound:auth-thankyou'],
  },
};

const up = [i.start, i.answered('customer')];

function answers(effects: readonly Effect[]): [string, string | null][] {
  return effects.flatMap((e) => (e.kind === 'notify' && e.notice.kind === 'answerStored' ? [[e.notice.questionId, e.notice.answer] as [string, string | null]] : []));
}

interface Row { when: string; inputs: FlowInput[]; answers: [string, string | null][]; outcome: string; endReason: string; released: string[] }

const rows: Row[] = [
  { when: 'both keys come during the prompts (barge-in), then the goodbye plays', inputs: [...up, i.dtmf('2'), i.dtmf('3'), i.played('goodbye')],
    answers: [['q1', '2'], ['q2', '3']], outcome: 'answered', endReason: 'ivr_complete', released: ['hangup:customer'] },
  { when: 'keys come after each prompt ends', inputs: [...up, i.played('q0.0'), i.dtmf('4'), i.played('q1.0'), i.dtmf('5'), i.played('goodbye')],
    answers: [['q1', '4'], ['q2', '5']], outcome: 'answered', endReason: 'ivr_complete', released: ['hangup:customer'] },
  { when: 'nobody presses anything: q1 retried once, q2 not, both stored empty', inputs: [...up, i.played('q0.0'), i.timer('question'), i.played('q0.1'), i.timer('question'), i.played('q1.0'), i.timer('question'), i.played('goodbye')],
    answers: [['q1', null], ['q2', null]], outcome: 'answered', endReason: 'ivr_complete', released: ['hangup:customer'] },
  { when: 'an invalid key, then a valid one', inputs: [...up, i.dtmf('7'), i.dtmf('1'), i.dtmf('2'), i.played('goodbye')],
    answers: [['q1', '1'], ['q2', '2']], outcome: 'answered', endReason: 'ivr_complete', released: ['hangup:customer'] },
  { when: 'the hang-up key', inputs: [...up, i.dtmf('0'), i.played('goodbye')], answers: [['q1', '0']], outcome: 'answered', endReason: 'ivr_complete', released: ['hangup:customer'] },
  { when: 'the agent key and a line is free, then the customer hangs up', inputs: [...up, i.dtmf('9'), i.assigned, i.ended('customer', sig.answeredHangup())],
    answers: [['q1', '9']], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'the agent key and nobody frees up', inputs: [...up, i.dtmf('9'), i.noAgent, i.timer('hold'), i.played('safeHarbor')],
    answers: [['q1', '9']], outcome: 'abandoned', endReason: 'abandoned', released: ['hangup:customer', 'destroy:hold'] },
  { when: 'the customer hangs up during a question', inputs: [...up, i.dtmf('2'), i.ended('customer', sig.answeredHangup())],
    answers: [['q1', '2']], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'the customer hangs up during the goodbye', inputs: [...up, i.dtmf('2'), i.dtmf('3'), i.ended('customer', sig.answeredHangup())],
    answers: [['q1', '2'], ['q2', '3']], outcome: 'answered', endReason: 'customer_hangup', released: [] },
  { when: 'the customer is busy', inputs: [i.start, i.ended('customer', sig.busy())], answers: [], outcome: 'busy', endReason: 'not_reached', released: [] },
  { when: 'the WebSocket drops during a question and the customer is found gone', inputs: [...up, i.lost, i.ended('customer', { answered: true })],
    answers: [], outcome: 'answered', endReason: 'customer_hangup', released: [] },
];

describe('IVR flow', () => {
  for (const row of rows) {
    it(`when ${row.when}, then the answers are ${JSON.stringify(row.answers)} and the call ends ${row.outcome} (${row.endReason})`, () => {
      const { effects, last } = run(ivrFlow(opts), row.inputs);
      assert.deepEqual(answers(effects), row.answers);
      const result = resultOf(effects);
      assert.ok(result);
      assert.equal(result.outcome, row.outcome);
      assert.equal(result.endReason, row.endReason);
      assert.deepEqual(released(last).sort(), [...row.released].sort());
    });
  }

  it('when the customer answers, then the first prompt plays (no AMD by default: a silent line would look like a machine)', () => {
    const { effects } = run(ivrFlow(opts), up);
    assert.ok(has(effects, { kind: 'dial', leg: 'customer', target: { kind: 'customer', number: '090823', amd: false, callerId: undefined }, ringTimeoutSeconds: 15 }));
    assert.ok(has(effects, { kind: 'play', leg: 'customer', playback: 'q0.0', media: ['sound:vm-press'] }));
  });

  it('when a key comes during a prompt, then the prompt is stopped and the next question is asked', () => {
    const { last } = run(ivrFlow(opts), [...up, i.dtmf('2')]);
    assert.ok(has(last, { kind: 'stopPlayback', playback: 'q0.0' }));
    assert.ok(has(last, { kind: 'play', leg: 'customer', playback: 'q1.0', media: ['sound:vm-press'] }));
  });

  it('when the question timer only starts after the prompt, then a stopped prompt finishing late changes nothing', () => {
    const flow = ivrFlow(opts);
    const { state } = run(flow, [...up, i.dtmf('2')]);
    assert.deepEqual(flow.decide(state, i.played('q0.0')), []);
    assert.ok(has(flow.decide(state, i.played('q1.0')), { kind: 'startTimer', timer: 'question', ms: 3000 }));
  });

  it('when an invalid key is pressed, then the invalid prompt and the question are played again as one playback', () => {
    const { last } = run(ivrFlow(opts), [...up, i.dtmf('7')]);
    assert.ok(has(last, { kind: 'play', leg: 'customer', playback: 'q0.1', media: ['sound:pm-invalid-option', 'sound:vm-press'] }));
  });

  it('when the agent key is pressed, then the customer-first path asks for a line', () => {
    const { last } = run(ivrFlow(opts), [...up, i.dtmf('9'), i.assigned]);
    assert.ok(has(last, { kind: 'addToBridge', leg: 'customer', bridge: { kind: 'line', bridgeId: line.bridgeId } }));
    assert.deepEqual(notices(last), ['connected']);
  });
});
