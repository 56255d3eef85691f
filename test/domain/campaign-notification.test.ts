import assert from 'node:assert/strict';
import { notificationKindFor, notificationRecipients } from '../../src/domain/campaign-notification';

describe('campaign notifications', () => {
  const people = { creatorId: 5, managerIds: [7, 5, 8], ownerIds: [1, 2] };

  const kinds: [Parameters<typeof notificationKindFor>, string | undefined][] = [
    [['submit', 'draft', 'pending_approval'], 'campaign_submitted'],
    [['submit', 'rejected', 'pending_approval'], 'campaign_submitted'],
    [['approve', 'pending_approval', 'approved'], 'campaign_approved'],
    [['reject', 'pending_approval', 'rejected'], 'campaign_rejected'],
    [['activate', 'approved', 'running'], 'campaign_started'],
    [['activate', 'approved', 'scheduled'], undefined],
    [['start', 'scheduled', 'running'], 'campaign_started'],
    [['resume', 'paused', 'running'], undefined],
    [['pause', 'running', 'paused'], undefined],
    [['end', 'paused', 'ended'], 'campaign_ended'],
    [['finish', 'running', 'ended'], 'campaign_ended'],
    [['edit', 'draft', 'draft'], undefined],
  ];
  for (const [[action, from, to], kind] of kinds) {
    it(`when ${action} takes a campaign from ${from} to ${to}, then the notification is ${kind ?? 'none'}`, () => {
      assert.equal(notificationKindFor(action, from, to), kind);
    });
  }

  it('when a campaign is submitted, then every owner but the submitter is told', () => {
    assert.deepEqual(notificationRecipients('campaign_submitted', { ...people, actorId: 5 }), [1, 2]);
    assert.deepEqual(notificationRecipients('campaign_submitted', { ...people, actorId: 2 }), [1]);
  });

  it('when a campaign is approved, rejected, started or ended, then the creator and managers are told once each, not the actor', () => {
    for (const kind of ['campaign_approved', 'campaign_rejected', 'campaign_started', 'campaign_ended'] as const) {
      assert.deepEqual(notificationRecipients(kind, { ...people, actorId: 1 }), [5, 7, 8], kind);
      assert.deepEqual(notificationRecipients(kind, { ...people, actorId: 7 }), [5, 8], kind);
      assert.deepEqual(notificationRecipients(kind, people), [5, 7, 8], `${kind} by the scheduler`);
    }
  });
});
