import type { NotificationKind } from '../domain/campaign-notification';
import type { UserId } from '../domain/roles';
import type { Db } from './database';
import type { Page, Paged } from './page';

export interface Notification {
  id: number;
  userId: UserId;
  kind: NotificationKind;
  campaignId: number | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  userId: UserId;
  kind: NotificationKind;
  campaignId: number | null;
  message: string;
}

interface Row { id: number; user_id: number; kind: NotificationKind; campaign_id: number | null; message: string; created_at: string; read_at: string | null }

const toNotification = (r: Row): Notification => ({
  id: r.id, userId: r.user_id, kind: r.kind, campaignId: r.campaign_id, message: r.message, createdAt: r.created_at, readAt: r.read_at,
});

export class NotificationRepository {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly listUnreadStmt;
  private readonly countStmt;
  private readonly countUnreadStmt;
  private readonly markStmt;
  private readonly existsStmt;
  private readonly markAllStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare('INSERT INTO notifications (user_id, kind, campaign_id, message, created_at) VALUES (?, ?, ?, ?, ?)');
    this.listStmt = db.prepare<[number, number, number], Row>('SELECT * FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?');
    this.listUnreadStmt = db.prepare<[number, number, number], Row>(
      'SELECT * FROM notifications WHERE user_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ? OFFSET ?');
    this.countStmt = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?');
    this.countUnreadStmt = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL');
    this.markStmt = db.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL');
    this.existsStmt = db.prepare<[number, number], { id: number }>('SELECT id FROM notifications WHERE id = ? AND user_id = ?');
    this.markAllStmt = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
  }

  /** Stores several notifications at once (the caller may already be inside a transaction). */
  addAll(items: NewNotification[], now: Date): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const n of items) this.insertStmt.run(n.userId, n.kind, n.campaignId, n.message, at);
    })();
  }

  /** Newest first. `unread` is the user's whole unread count, whatever the filter. */
  list(userId: UserId, unreadOnly: boolean, page: Page): Paged<Notification> & { unread: number } {
    const rows = (unreadOnly ? this.listUnreadStmt : this.listStmt).all(userId, page.limit, page.offset);
    const unread = this.countUnreadStmt.get(userId)!.n;
    return { items: rows.map(toNotification), total: unreadOnly ? unread : this.countStmt.get(userId)!.n, unread };
  }

  /** False when the user has no such notification; marking a read one again changes nothing. */
  markRead(userId: UserId, id: number, now: Date): boolean {
    if (!this.existsStmt.get(id, userId)) return false;
    this.markStmt.run(now.toISOString(), id, userId);
    return true;
  }

  markAllRead(userId: UserId, now: Date): number {
    return this.markAllStmt.run(now.toISOString(), userId).changes;
  }
}
