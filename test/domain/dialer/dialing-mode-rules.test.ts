import assert from 'node:assert/strict';
import { DIALING_MODES } from '../../../src/domain/dialing-mode';
import { dialingModeRules } from '../../../src/domain/dialer/dialing-mode-rules';

describe('dialing mode rules', () => {
  it('when the modes are listed, then only manual may skip or choose a number, and call-now exists in manual and preview', () => {
    const summary = Object.fromEntries(DIALING_MODES.map((m) => {
      const r = dialingModeRules(m);
      return [m, [r.flow, r.callStart, r.agentMaySkip, r.agentChoosesNumber, r.callNowAllowed, r.nextCustomerAfterWrapUp]];
    }));
    assert.deepEqual(summary, {
      manual: ['agent_first', 'by_agent', true, true, true, false],
      preview: ['agent_first', 'after_preview', false, false, true, true],
      progressive: ['agent_first', 'at_once', false, false, false, true],
      predictive: ['customer_first', null, false, false, false, true],
      ivr: ['no_agent', null, false, false, false, false],
      callback: ['agent_first', 'at_once', false, false, false, true],
    });
  });
});
