import assert from 'node:assert/strict';
import { callbackRequestFlow } from '../../../src/domain/flows/callback-request-flow';
import type { FlowInput } from '../../../src/domain/flows/flow-types';
import { has, i, released, resultOf, run, sig } from './flow-harness';

const opts = { number: '0912345678', confirmationMedia: ['sound:auth-thankyou'] };

const rows: { when: string; inputs: FlowInput[]; released: string[] }[] = [
  { when: 'the confirmation plays to the end', inputs: [i.start, i.played('confirmation')], released: ['hangup:customer'] },
  { when: 'the caller hangs up during the confirmation', inputs: [i.start, i.ended('customer', sig.answeredHangup())], released: [] },
  { when: 'the confirmation never reports its end', inputs: [i.start, i.timer('message')], released: ['hangup:customer'] },
  { when: 'the WebSocket drops and the caller is found gone', inputs: [i.start, i.lost, i.ended('customer', { answered: true })], released: [] },
  { when: 'the runner cancels it (shutdown)', inputs: [i.start, i.cancel], released: ['hangup:customer'] },
];

describe('callback-request flow', () => {
  for (const row of rows) {
    it(`when ${row.when}, then the request was recorded once and the call ended`, () => {
      const { effects, last } = run(callbackRequestFlow(opts), row.inputs);
      assert.equal(effects.filter((e) => e.kind === 'notify' && e.notice.kind === 'callbackRequested').length, 1);
      assert.ok(has(effects, { kind: 'notify', notice: { kind: 'callbackRequested', number: '0912345678' } }));
      assert.deepEqual(resultOf(effects), { outcome: 'answered', endReason: 'callback_requested' });
      assert.deepEqual(released(last), row.released);
    });
  }
});
