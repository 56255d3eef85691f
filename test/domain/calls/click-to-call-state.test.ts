import assert from 'node:assert/strict';
import { clickToCallRefusal, endOf, phaseAfter, type ClickToCallAgent } from '../../../src/domain/calls/click-to-call-state';

const free: ClickToCallAgent = { receiving: true, extension: '1001', campaignState: null, hasLine: false, openCall: false };

describe('click-to-call rules', () => {
  const rows: [string, Partial<ClickToCallAgent>, string | null][] = [
    ['not in a campaign, ON, with a phone', {}, null],
    ['joined and not ready', { campaignState: 'not_ready' }, null],
    ['joined and paused, not ready after the campaign resumes', { campaignState: 'paused' }, null],
    ['paused with the campaign and ready again once it resumes', { campaignState: 'paused', resumesReady: true }, 'campaign_ready'],
    ['switched OFF', { receiving: false }, 'off'],
    ['OFF and on a campaign call (OFF says why first)', { receiving: false, campaignState: 'talking' }, 'off'],
    ['on a campaign call (agent ringing)', { campaignState: 'ringing' }, 'campaign_call'],
    ['on a campaign call (talking)', { campaignState: 'talking' }, 'campaign_call'],
    ['in wrap-up', { campaignState: 'wrap_up' }, 'wrap_up'],
    ['ready in a campaign', { campaignState: 'ready' }, 'campaign_ready'],
    ['previewing a campaign customer', { campaignState: 'previewing' }, 'campaign_ready'],
    ['holding a predictive line while not ready', { campaignState: 'not_ready', hasLine: true }, 'line_open'],
    ['already on a click-to-call', { openCall: true }, 'call_open'],
    ['without an extension', { extension: null }, 'no_extension'],
  ];
  for (const [when, patch, expected] of rows) {
    it(`when the agent is ${when}, then ${expected ?? 'the call is allowed'}`, () => {
      assert.equal(clickToCallRefusal({ ...free, ...patch }), expected);
    });
  }

  it('when notices arrive, then the phase goes ringing_agent → ringing_customer → talking and ended stays ended', () => {
    let p = phaseAfter('ringing_agent', { kind: 'agentRinging' });
    assert.equal(p, 'ringing_agent');
    p = phaseAfter(p, { kind: 'agentAnswered' });
    assert.equal(p, 'ringing_customer');
    p = phaseAfter(p, { kind: 'connected' });
    assert.equal(p, 'talking');
    assert.equal(phaseAfter('ended', { kind: 'connected' }), 'ended');
  });

  it('when a call ends, then the pop-up gets a short reason', () => {
    assert.equal(endOf('answered', 'customer_hangup'), 'completed');
    assert.equal(endOf('busy', 'not_reached'), 'busy');
    assert.equal(endOf('no_answer', 'not_reached'), 'no_answer');
    assert.equal(endOf(null, 'agent_unreachable', 'no_answer'), 'agent_no_answer');
    assert.equal(endOf(null, 'agent_unreachable', 'busy'), 'agent_busy');
    assert.equal(endOf(null, 'agent_hangup'), 'cancelled');
    assert.equal(endOf('no_answer', 'agent_hangup'), 'cancelled', 'End while the customer rang');
    assert.equal(endOf('invalid_number', 'not_reached'), 'failed');
  });
});
