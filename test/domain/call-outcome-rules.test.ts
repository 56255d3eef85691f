import assert from 'node:assert/strict';
import { callOutcome, CALL_OUTCOME_RULES, type LegSignals } from '../../src/domain/call-outcome-rules';
import type { CallOutcome } from '../../src/domain/call-outcome';

// Each row is what telephony observed on our leg, taken from the reference traces and from real
// Asterisk 22 (create-then-dial), and the outcome it must give.
const table: [string, LegSignals, CallOutcome][] = [
  ['Local busy (0902): Dial BUSY, our leg destroyed with cause 0', { answered: false, dialStatus: 'BUSY', cause: 0 }, 'busy'],
  ['create-then-dial busy: Dial BUSY, then our own hangup at the dial timeout gives 19', { answered: false, dialStatus: 'BUSY', cause: 19 }, 'busy'],
  ['SIP busy: 486 → cause 17 on our channel', { answered: false, dialStatus: 'BUSY', cause: 17 }, 'busy'],
  ['SIP decline: cause 21 without a Dial status', { answered: false, cause: 21 }, 'busy'],
  ['Local congestion (0904): Dial CONGESTION, cause 0', { answered: false, dialStatus: 'CONGESTION', cause: 0 }, 'congestion'],
  ['SIP 503: cause 34', { answered: false, dialStatus: 'CONGESTION', cause: 34 }, 'congestion'],
  ['network out of order: cause 38 alone', { answered: false, cause: 38 }, 'congestion'],
  ['unallocated (0900) by originate: Dial NOANSWER with cause 1', { answered: false, dialStatus: 'NOANSWER', cause: 1 }, 'invalid_number'],
  ['unallocated by create-then-dial: cause 1, no final Dial status', { answered: false, cause: 1 }, 'invalid_number'],
  ['invalid number format: cause 28', { answered: false, cause: 28 }, 'invalid_number'],
  ['ring timeout (0903): no final Dial status, cause 19', { answered: false, dialStatus: 'RINGING', cause: 19 }, 'no_answer'],
  ['NOANSWER without a cause', { answered: false, dialStatus: 'NOANSWER' }, 'no_answer'],
  ['subscriber absent: cause 20', { answered: false, cause: 20 }, 'no_answer'],
  ['we stopped the ringing (agent left, cancel)', { answered: false, dialStatus: 'RINGING', cause: 16, withdrawn: true }, 'no_answer'],
  ['no such extension: destroyed at once with cause 0 and no Dial event', { answered: false, cause: 0 }, 'failed'],
  ['CHANUNAVAIL', { answered: false, dialStatus: 'CHANUNAVAIL', cause: 0 }, 'failed'],
  ['allocation failed (REST 500)', { answered: false, requestFailed: true }, 'failed'],
  ['ringing when the PBX restarted (soft hangup 4, destroyed with cause 0)', { answered: false, dialStatus: 'RINGING', cause: 0, pbxShutdown: true }, 'no_answer'],
  ['answered when the PBX restarted', { answered: true, dialStatus: 'ANSWER', cause: 0, pbxShutdown: true }, 'answered'],
  ['answered, far end hung up unbridged: cause 0 on destroy (the 16 came on the hangup request)', { answered: true, dialStatus: 'ANSWER', cause: 16 }, 'answered'],
  ['answered, AMD HUMAN', { answered: true, dialStatus: 'ANSWER', amd: 'HUMAN', cause: 16 }, 'answered'],
  ['answered, AMD NOTSURE counts as a human', { answered: true, amd: 'NOTSURE' }, 'answered'],
  ['answered, AMD MACHINE', { answered: true, amd: 'MACHINE', cause: 16 }, 'machine'],
  ['answered human left on hold and given the safe-harbor prompt', { answered: true, amd: 'HUMAN', abandoned: true }, 'abandoned'],
  ['a soft cause never reaches the table: answered wins whatever the cause', { answered: true, cause: 32 }, 'answered'],
];

describe('call outcome rules', () => {
  for (const [when, signals, outcome] of table) {
    it(`when ${when}, then ${outcome}`, () => {
      assert.equal(callOutcome(signals), outcome);
    });
  }

  it('when a rule is listed, then it says why, and the last rule matches anything', () => {
    for (const rule of CALL_OUTCOME_RULES) assert.ok(rule.because.length > 10);
    assert.equal(CALL_OUTCOME_RULES[CALL_OUTCOME_RULES.length - 1]!.when({ answered: false }), true);
  });
});
