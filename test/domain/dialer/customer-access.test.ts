import assert from 'node:assert/strict';
import type { DialingMode } from '../../../src/domain/dialing-mode';
import { customerAccess, type CustomerAccess } from '../../../src/domain/dialer/customer-access';

describe('customer access', () => {
  const handedOver = [3, 5, 9];
  type Row = [string, number, DialingMode, boolean, boolean, CustomerAccess];
  const rows: Row[] = [
    ['the current customer', 9, 'preview', false, false, 'active'],
    ['an earlier customer', 5, 'preview', false, false, 'read_only'],
    ['the first customer', 3, 'progressive', false, false, 'read_only'],
    ['an earlier customer when the agent is at max quota', 5, 'preview', true, false, 'manual'],
    ['an earlier customer when the list is exhausted', 3, 'predictive', false, true, 'manual'],
    ['the current customer when the list is exhausted', 9, 'predictive', false, true, 'active'],
    ['an earlier customer in a manual campaign', 5, 'manual', false, false, 'manual'],
    ['a customer never handed to this agent', 4, 'preview', true, true, 'none'],
  ];
  for (const [what, leadId, mode, atMax, exhausted, expected] of rows) {
    it(`when the agent opens ${what}, then access is ${expected}`, () => {
      assert.equal(customerAccess({ leadId, handedOver, mode, agentAtMaxQuota: atMax, listExhausted: exhausted }), expected);
    });
  }

  it('when a customer was handed over again later, then it is the current one', () => {
    assert.equal(customerAccess({ leadId: 3, handedOver: [3, 5, 3], mode: 'preview', agentAtMaxQuota: false, listExhausted: false }), 'active');
  });
});
