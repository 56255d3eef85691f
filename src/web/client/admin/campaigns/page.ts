import { api } from '../../api.js';
import { append, h } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { campaignActions } from './actions.js';
import { campaignForm, readCampaignForm, type CampaignRefs } from './form.js';
import { MODE_LABELS, stateBadge, when } from './labels.js';
import { confirmDialog } from '../dialog.js';
import { clearError, showError } from '../error.js';
import { label } from '../label.js';
import type { AdminContext, Section } from '../router.js';
import { loadScripts } from '../scripts/scripts.js';
import { dataTable } from '../table.js';
import { toast } from '../toast.js';
import type { Campaign, CampaignEvent, Group, Paged, User } from '../types.js';

const HISTORY_ACTIONS: Record<string, MessageKey> = {
  create: 'history.create', edit: 'history.edit', submit: 'action.submit', approve: 'action.approve', reject: 'action.reject',
  activate: 'action.activate', pause: 'action.pause', resume: 'action.resume', end: 'action.end', start: 'history.start', finish: 'history.finish',
};

function history(events: CampaignEvent[], names: Map<number, string>): HTMLElement {
  return h('section', { class: 'panel' }, label('campaign.history', 'h2'), dataTable<CampaignEvent>([
    { key: 'history.at', cell: (e) => when(e.at), class: 'nowrap' },
    { key: 'history.action', cell: (e) => (HISTORY_ACTIONS[e.action] ? label(HISTORY_ACTIONS[e.action]!) : h('code', {}, e.action)) },
    { key: 'history.change', cell: (e) => [e.fromState ? stateBadge(e.fromState) : null, e.fromState ? ' → ' : null, stateBadge(e.toState)] },
    { key: 'history.who', cell: (e) => (e.actorId === null ? label('history.scheduler') : names.get(e.actorId) ?? `#${e.actorId}`) },
    { key: 'history.note', cell: (e) => e.note ?? '' },
  ], events, 'history.none'));
}

function reviewNote(c: Campaign, names: Map<number, string>): HTMLElement | null {
  if (!c.reviewNote) return null;
  return h('div', { class: `notice ${c.state === 'rejected' ? 'bad' : ''}`, id: 'review-note' },
    label(c.state === 'rejected' ? 'campaign.rejectedBy' : 'campaign.reviewedBy', 'strong'), ' ',
    c.reviewedBy === null ? '' : names.get(c.reviewedBy) ?? `#${c.reviewedBy}`, ': ', h('span', {}, c.reviewNote));
}

async function render(root: HTMLElement, params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const id = Number(params.id);
  const [c, scripts, { users }, { groups }, events] = await Promise.all([
    api<Campaign>('GET', `/api/campaigns/${id}`), loadScripts(),
    api<{ users: User[] }>('GET', '/api/users'), api<{ groups: Group[] }>('GET', '/api/groups'),
    api<Paged<CampaignEvent>>('GET', `/api/campaigns/${id}/events?limit=200`),
  ]);
  const refs: CampaignRefs = { scripts, users, groups };
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const editable = c.canEdit;
  const form = campaignForm(c, refs);
  const error = h('p', { class: 'error', role: 'alert' });
  const save = label('common.save', 'button', { type: 'submit', id: 'campaign-save' });
  const remove = label('campaign.delete', 'button', { type: 'button', class: 'secondary' });
  remove.addEventListener('click', () => confirmDialog('campaign.deleteConfirm', c.name, 'common.delete', async () => {
    await api('DELETE', `/api/campaigns/${c.id}`);
    ctx.navigate('#/campaigns');
  }));
  append(form, [error, editable ? h('div', { class: 'form-actions' }, save, remove) : null]);
  if (!editable) form.querySelectorAll<HTMLInputElement>('input, select, textarea, .ivr-editor button').forEach((el) => { el.disabled = true; });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearError(error);
    save.disabled = true;
    api<Campaign>('PATCH', `/api/campaigns/${c.id}`, readCampaignForm(form))
      .then(() => { toast('common.saved'); ctx.reload(); })
      .catch((err: unknown) => { save.disabled = false; showError(error, err, form); });
  });
  append(root, [
    h('div', { class: 'view-head' }, label('campaigns.title', 'a', { href: '#/campaigns', class: 'back' }), h('span', { class: 'sub' }, '/'),
      h('h1', { id: 'campaign-name' }, c.name), stateBadge(c.state), label(MODE_LABELS[c.dialingMode], 'span', { class: 'badge' }),
      h('span', { class: 'grow' }), ctx.has('campaigns/:id/list') ? label('list.open', 'a', { href: `#/campaigns/${c.id}/list`, class: 'button secondary', id: 'list-link' }) : null),
    reviewNote(c, names),
    h('section', { class: 'panel' }, campaignActions(c, ctx.me, () => { toast('common.saved'); ctx.reload(); })),
    editable ? null : label('campaign.readOnly', 'p', { class: 'notice' }),
    h('section', { class: 'panel' }, form),
    history(events.items, names),
  ]);
}

export const campaignPageSection: Section = { path: 'campaigns/:id', navPath: 'campaigns', render };
