import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { when } from '../campaigns/labels.js';
import { confirmDialog } from '../dialog.js';
import { clearError, showError } from '../error.js';
import { field, readText, textInput } from '../form.js';
import { label } from '../label.js';
import { pager } from '../pager.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../router.js';
import { dataTable } from '../table.js';
import { toast } from '../toast.js';
import type { BlockedNumber, BlockListName, Paged, User } from '../types.js';

const LIST_LABELS: Record<BlockListName, MessageKey> = { dnc: 'blocks.dnc', blacklist: 'blocks.blacklist' };
const PAGE_SIZE = 50;

function addForm(list: BlockListName, ctx: AdminContext): HTMLFormElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'inline-form', id: 'block-add' },
    field('blocks.phone', textInput('phone', '', { type: 'tel', required: true, maxlength: 40 })),
    field('blocks.reason', textInput('reason', '', { maxlength: 500 })),
    field('blocks.source', textInput('source', '', { maxlength: 100 })),
    label('common.add', 'button', { type: 'submit' }), error);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearError(error);
    const source = readText(form, 'source').trim();
    api<{ added: boolean }>('POST', `/api/block-lists/${list}`, { phone: readText(form, 'phone').trim(), reason: readText(form, 'reason').trim(), ...(source ? { source } : {}) })
      .then((r) => { toast(r.added ? 'common.saved' : 'blocks.already'); ctx.reload(); })
      .catch((err: unknown) => showError(error, err, form));
  });
  return form;
}

/** "Is this number blocked?" — any form of the number, both lists. */
function checkForm(): HTMLFormElement {
  const answer = h('p', { class: 'check-answer', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form', id: 'block-check' },
    field('blocks.checkNumber', textInput('phone', '', { type: 'tel', required: true, maxlength: 40 })),
    label('blocks.check', 'button', { type: 'submit', class: 'secondary' }), answer);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    api<{ e164: string; blocked: boolean; list?: BlockListName; reason?: string }>('GET', `/api/block-lists/check/${encodeURIComponent(readText(form, 'phone').trim())}`)
      .then((r) => replaceChildren(answer, h('strong', {}, r.e164), ': ',
        r.blocked && r.list ? label(LIST_LABELS[r.list], 'span', { class: 'badge bad' }) : label('blocks.notBlocked', 'span', { class: 'badge ok' }),
        r.reason ? ` ${r.reason}` : ''))
      .catch((err: unknown) => showError(answer, err, form));
  });
  return form;
}

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const q = hashQuery();
  const list: BlockListName = q.get('list') === 'blacklist' ? 'blacklist' : 'dnc';
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const [result, { users }] = await Promise.all([
    api<Paged<BlockedNumber>>('GET', `/api/block-lists/${list}?limit=${PAGE_SIZE}&offset=${offset}`),
    api<{ users: User[] }>('GET', '/api/users'),
  ]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const table = dataTable<BlockedNumber>([
    { key: 'blocks.phone', cell: (b) => h('strong', { class: 'nowrap' }, b.e164) },
    { key: 'blocks.reason', cell: (b) => b.reason },
    { key: 'blocks.source', cell: (b) => b.source },
    { key: 'blocks.addedBy', cell: (b) => (b.createdBy === null ? '—' : names.get(b.createdBy) ?? `#${b.createdBy}`) },
    { key: 'blocks.addedAt', cell: (b) => when(b.createdAt), class: 'nowrap' },
    { key: 'admin.actions', class: 'actions', cell: () => label('blocks.remove', 'button', { type: 'button', class: 'secondary small', 'data-action': 'remove' }) },
  ], result.items, 'blocks.none', (b) => ({ 'data-phone': b.e164 }));
  table.addEventListener('click', (ev) => {
    const phone = (ev.target as HTMLElement).closest('button[data-action=remove]')?.closest('tr')?.dataset.phone;
    if (!phone) return;
    confirmDialog('blocks.removeConfirm', phone, 'blocks.remove', async () => {
      await api('DELETE', `/api/block-lists/${list}/${encodeURIComponent(phone)}`);
      ctx.reload();
    });
  });
  const tabs = h('nav', { class: 'tabs' }, ...(['dnc', 'blacklist'] as const).map((l) =>
    label(LIST_LABELS[l], 'a', { href: withQuery({ list: l === 'dnc' ? undefined : l, offset: undefined }), 'data-list': l, ...(l === list ? { 'aria-current': 'page' } : {}) })));
  root.append(
    h('div', { class: 'view-head' }, label('blocks.title', 'h1')),
    tabs,
    h('section', { class: 'panel' }, label(list === 'dnc' ? 'blocks.dncHint' : 'blocks.blacklistHint', 'p', { class: 'hint' }), addForm(list, ctx)),
    h('section', { class: 'panel' }, checkForm()),
    h('section', { class: 'panel' }, table,
      h('div', { class: 'table-foot' }, pager(result.total, PAGE_SIZE, offset, (o) => ctx.navigate(withQuery({ offset: o || undefined }))))),
  );
}

export const blockListsSection: Section = { path: 'block-lists', nav: 'blocks.title', render };
