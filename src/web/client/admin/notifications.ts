import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { when } from './campaigns/labels.js';
import { label } from './label.js';

interface Notification { id: number; kind: string; campaignId: number | null; message: string; createdAt: string; readAt: string | null }
interface NotificationPage { items: Notification[]; total: number; unread: number }

const KIND_LABELS: Record<string, MessageKey> = {
  campaign_submitted: 'notify.campaign_submitted', campaign_approved: 'notify.campaign_approved', campaign_rejected: 'notify.campaign_rejected',
  campaign_started: 'notify.campaign_started', campaign_ended: 'notify.campaign_ended',
};
const REFRESH_MS = 30_000;

/**
 * The header's notification button (submissions for owners; approvals, rejections, starts and ends for
 * creators and managers): an unread count, and a panel listing the latest ones with links to their campaigns.
 */
export class NotificationBell {
  private readonly count = h('span', { class: 'count', hidden: true });
  private readonly panel = h('div', { class: 'notify-panel', id: 'notify-panel', hidden: true });

  constructor(slot: HTMLElement) {
    const button = h('button', { type: 'button', id: 'notifications', class: 'link', 'aria-haspopup': 'true' }, label('notify.title'), this.count);
    slot.append(button, this.panel);
    button.addEventListener('click', () => { if (this.panel.hidden) this.open(); else this.panel.hidden = true; });
    document.addEventListener('click', (ev) => {
      const target = ev.target as Node;
      if (!this.panel.hidden && !this.panel.contains(target) && !button.contains(target)) this.panel.hidden = true;
    });
    window.addEventListener('hashchange', () => { this.panel.hidden = true; this.refresh(); });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') this.refresh(); });
    setInterval(() => this.refresh(), REFRESH_MS);
    this.refresh();
  }

  refresh(): void {
    api<NotificationPage>('GET', '/api/notifications?unread=true&limit=1')
      .then((p) => { this.count.hidden = p.unread === 0; this.count.textContent = String(p.unread); })
      .catch(() => undefined);
  }

  private open(): void {
    api<NotificationPage>('GET', '/api/notifications?limit=20').then((p) => {
      const readAll = label('notify.readAll', 'button', { type: 'button', class: 'link' });
      readAll.disabled = p.unread === 0;
      readAll.addEventListener('click', () => {
        api('POST', '/api/notifications/read-all', {}).then(() => { this.panel.hidden = true; this.refresh(); }).catch(() => undefined);
      });
      replaceChildren(this.panel,
        h('header', {}, label('notify.title', 'strong'), readAll),
        p.items.length === 0 ? label('notify.none', 'p', { class: 'empty' }) : h('ul', {}, ...p.items.map((n) => this.item(n))));
      this.panel.hidden = false;
    }).catch(() => undefined);
  }

  private item(n: Notification): HTMLElement {
    const text = h('span', { class: 'message' }, n.message);
    const body = n.campaignId === null ? text : h('a', { href: `#/campaigns/${n.campaignId}` }, text);
    const li = h('li', { class: n.readAt ? 'read' : 'unread', 'data-notification': String(n.id) },
      KIND_LABELS[n.kind] ? label(KIND_LABELS[n.kind]!, 'span', { class: 'badge info' }) : null, ' ', body, h('small', {}, when(n.createdAt)));
    li.addEventListener('click', () => { if (!n.readAt) api('POST', `/api/notifications/${n.id}/read`, {}).then(() => this.refresh()).catch(() => undefined); });
    return li;
  }
}
