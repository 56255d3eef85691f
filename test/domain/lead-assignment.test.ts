import assert from 'node:assert/strict';
import { assignLead, type LeadAssignmentInput } from '../../src/domain/lead-assignment';

describe('assignLead', () => {
  const admin = { id: 1, role: 'admin' as const };
  const agent = { id: 7, role: 'agent' as const };
  const table: [string, LeadAssignmentInput, { ownerId: number | null; lastAssignedId: number | null; reason: string }][] = [
    ['no mobile number', { creator: admin, hasMobile: false, receivingAgentIds: [5, 6], lastAssignedId: 5 }, { ownerId: null, lastAssignedId: 5, reason: 'no_mobile' }],
    ['an agent creates it', { creator: agent, hasMobile: true, receivingAgentIds: [5, 6], lastAssignedId: 5 }, { ownerId: 7, lastAssignedId: 5, reason: 'creator' }],
    ['an agent creates it while OFF', { creator: agent, hasMobile: true, receivingAgentIds: [], lastAssignedId: null }, { ownerId: 7, lastAssignedId: null, reason: 'creator' }],
    ['no agent is ON', { creator: admin, hasMobile: true, receivingAgentIds: [], lastAssignedId: 5 }, { ownerId: null, lastAssignedId: 5, reason: 'no_agent_on' }],
    ['the rotation has not started', { creator: admin, hasMobile: true, receivingAgentIds: [6, 5, 9], lastAssignedId: null }, { ownerId: 5, lastAssignedId: 5, reason: 'round_robin' }],
    ['the last lead went to 5', { creator: admin, hasMobile: true, receivingAgentIds: [5, 6, 9], lastAssignedId: 5 }, { ownerId: 6, lastAssignedId: 6, reason: 'round_robin' }],
    ['the last lead went to the highest id', { creator: admin, hasMobile: true, receivingAgentIds: [5, 6, 9], lastAssignedId: 9 }, { ownerId: 5, lastAssignedId: 5, reason: 'round_robin' }],
    ['the last agent switched OFF since', { creator: admin, hasMobile: true, receivingAgentIds: [5, 9], lastAssignedId: 6 }, { ownerId: 9, lastAssignedId: 9, reason: 'round_robin' }],
    ['an owner creates it', { creator: { id: 2, role: 'owner' }, hasMobile: true, receivingAgentIds: [5], lastAssignedId: 5 }, { ownerId: 5, lastAssignedId: 5, reason: 'round_robin' }],
  ];
  for (const [when, input, expected] of table) {
    it(`when ${when}, then the owner is ${String(expected.ownerId)} (${expected.reason})`, () => {
      assert.deepEqual(assignLead(input), expected);
    });
  }

  it('when ten leads go round robin over three agents, then each gets three or four in id order', () => {
    let last: number | null = null;
    const owners: (number | null)[] = [];
    for (let i = 0; i < 10; i++) {
      const a = assignLead({ creator: admin, hasMobile: true, receivingAgentIds: [3, 1, 2], lastAssignedId: last });
      owners.push(a.ownerId);
      last = a.lastAssignedId;
    }
    assert.deepEqual(owners, [1, 2, 3, 1, 2, 3, 1, 2, 3, 1]);
  });
});
