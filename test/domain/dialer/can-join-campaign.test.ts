import assert from 'node:assert/strict';
import { canJoinCampaign, type CampaignAssignment } from '../../../src/domain/dialer/can-join-campaign';

describe('joining a campaign', () => {
  const running: CampaignAssignment = { running: true, agentIds: [1, 2], groupIds: [10] };
  const cases: Array<[string, number, number[], CampaignAssignment, string]> = [
    ['an agent assigned by name joins a running campaign', 1, [], running, 'ok'],
    ['an agent assigned through a group joins a running campaign', 3, [11, 10], running, 'ok'],
    ['an agent neither named nor in a group', 3, [11], running, 'not_assigned'],
    ['an assigned agent joins a paused or not yet started campaign', 1, [10], { ...running, running: false }, 'campaign_not_running'],
    ['an unassigned agent joins a campaign that is not running', 3, [], { ...running, running: false }, 'campaign_not_running'],
  ];
  for (const [what, agentId, groups, campaign, expected] of cases) {
    it(`when ${what}, then ${expected === 'ok' ? 'it may' : `it is refused (${expected})`}`, () => {
      assert.deepEqual(canJoinCampaign(agentId, groups, campaign), expected === 'ok' ? { ok: true } : { ok: false, reason: expected });
    });
  }
});
