import type { Campaign } from '../domain/campaign';
import { notificationRecipients, type NotificationKind } from '../domain/campaign-notification';
import type { Clock } from '../domain/clock';
import type { UserId } from '../domain/roles';
import { notFound } from '../errors';
import type { Notification, NotificationRepository } from '../store/notification-repository';
import type { Page, Paged } from '../store/page';
import type { UserRepository } from '../store/user-repository';

export interface CampaignNotice {
  kind: NotificationKind;
  campaign: Campaign;
  /** The user who caused it; undefined when the scheduler did. */
  actorId?: UserId;
  note?: string | null;
}

export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  /** Stores the notice for everyone who should hear of it. Call it inside the transition's transaction. */
  campaignChanged(notice: CampaignNotice): void {
    const ownerIds = this.users.list().filter((u) => u.role === 'owner' && u.active).map((u) => u.id);
    const { campaign } = notice;
    const recipients = notificationRecipients(notice.kind, {
      creatorId: campaign.createdBy, managerIds: campaign.managerIds, ownerIds, actorId: notice.actorId,
    });
    const message = this.message(notice);
    this.notifications.addAll(recipients.map((userId) => ({ userId, kind: notice.kind, campaignId: campaign.id, message })), this.clock.now());
  }

  private message({ kind, campaign, actorId, note }: CampaignNotice): string {
    const who = actorId === undefined ? 'the scheduler' : (this.users.get(actorId)?.displayName ?? `user ${actorId}`);
    const name = `Campaign "${campaign.name}"`;
    const withNote = note ? `: ${note}` : '.';
    switch (kind) {
      case 'campaign_submitted': return `${name} was submitted for approval by ${who}.`;
      case 'campaign_approved': return `${name} was approved by ${who}${withNote}`;
      case 'campaign_rejected': return `${name} was rejected by ${who}${withNote}`;
      case 'campaign_started': return actorId === undefined ? `${name} started at its start time.` : `${name} was started by ${who}.`;
      case 'campaign_ended': return actorId === undefined ? `${name} ended at its end time.` : `${name} was ended by ${who}${withNote}`;
    }
  }

  list(userId: UserId, unreadOnly: boolean, page: Page): Paged<Notification> & { unread: number } {
    return this.notifications.list(userId, unreadOnly, page);
  }

  markRead(userId: UserId, id: number): void {
    if (!this.notifications.markRead(userId, id, this.clock.now())) throw notFound('notification', id);
  }

  markAllRead(userId: UserId): number {
    return this.notifications.markAllRead(userId, this.clock.now());
  }
}
