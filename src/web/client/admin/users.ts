import { api } from '../api.js';
import { h } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { openDialog } from './dialog.js';
import { checkbox, field, readChecked, readOptional, readText, selectInput, textInput, type Choice } from './form.js';
import { label, withPlaceholder } from './label.js';
import type { AdminContext, Section } from './router.js';
import { dataTable } from './table.js';
import { toast } from './toast.js';
import { canManageRole, type Role, type User } from './types.js';
import { showError } from './error.js';

const ROLE_LABELS: Record<Role, MessageKey> = { owner: 'role.owner', admin: 'role.admin', agent: 'role.agent' };
const LANGUAGES: Choice[] = [{ value: 'en', key: 'language.en' }, { value: 'vi', key: 'language.vi' }];

function roleChoices(ctx: AdminContext): Choice[] {
  return (['agent', 'admin', 'owner'] as const).filter((r) => canManageRole(ctx.me, r)).map((r) => ({ value: r, key: ROLE_LABELS[r] }));
}

function createUser(ctx: AdminContext): void {
  openDialog({
    title: 'users.new', submit: 'common.add',
    body: [
      field('users.username', textInput('username', '', { required: true, maxlength: 64, autocomplete: 'off' })),
      field('users.displayName', textInput('displayName', '', { required: true, maxlength: 120 })),
      field('users.role', selectInput('role', roleChoices(ctx), 'agent')),
      field('users.password', textInput('password', '', { type: 'password', required: true, autocomplete: 'new-password' }), 'users.passwordHint'),
      field('users.extension', textInput('extension', '', { maxlength: 32 }), 'users.extensionHint'),
      field('users.language', selectInput('language', LANGUAGES, 'en')),
    ],
    onSubmit: async (form) => {
      await api('POST', '/api/users', {
        username: readText(form, 'username').trim(), displayName: readText(form, 'displayName').trim(),
        role: readText(form, 'role'), password: readText(form, 'password'),
        extension: readOptional(form, 'extension'), language: readText(form, 'language'),
      });
      toast('common.saved');
      ctx.reload();
    },
  });
}

function editUser(ctx: AdminContext, user: User): void {
  const self = user.id === ctx.me.id;
  openDialog({
    title: 'users.edit', subject: user.username, submit: 'common.save',
    body: [
      field('users.displayName', textInput('displayName', user.displayName, { required: true, maxlength: 120 })),
      field('users.role', selectInput('role', roleChoices(ctx), user.role, { disabled: self })),
      field('users.extension', textInput('extension', user.extension, { maxlength: 32 }), 'users.extensionHint'),
      field('users.language', selectInput('language', LANGUAGES, user.language)),
      checkbox('active', user.active, 'users.active'),
      checkbox('leadReceiving', user.leadReceiving, 'users.leadReceiving'),
    ],
    onSubmit: async (form) => {
      const patch: Record<string, unknown> = {
        displayName: readText(form, 'displayName').trim(), extension: readOptional(form, 'extension'),
        language: readText(form, 'language'), active: readChecked(form, 'active'), leadReceiving: readChecked(form, 'leadReceiving'),
      };
      if (!self) patch.role = readText(form, 'role');
      await api('PATCH', `/api/users/${user.id}`, patch);
      toast('common.saved');
      ctx.reload();
    },
  });
}

function resetPassword(ctx: AdminContext, user: User): void {
  const self = user.id === ctx.me.id;
  openDialog({
    title: 'users.resetPassword', subject: user.username, submit: 'common.save',
    body: [
      ...(self ? [field('users.currentPassword', textInput('currentPassword', '', { type: 'password', required: true, autocomplete: 'current-password' }))] : []),
      field('users.newPassword', textInput('password', '', { type: 'password', required: true, autocomplete: 'new-password' }), 'users.passwordHint'),
    ],
    onSubmit: async (form) => {
      await api('PATCH', `/api/users/${user.id}`, self
        ? { password: readText(form, 'password'), currentPassword: readText(form, 'currentPassword') }
        : { password: readText(form, 'password') });
      toast('users.passwordChanged');
    },
  });
}

/** The lead ON/OFF switch right in the list: the most frequent change a supervisor makes. */
function leadSwitch(ctx: AdminContext, user: User, status: HTMLElement): HTMLElement {
  const input = h('input', { type: 'checkbox', class: 'switch', checked: user.leadReceiving, disabled: !canManageRole(ctx.me, user.role) || !user.active });
  input.setAttribute('aria-label', `${user.username}: lead`);
  input.addEventListener('change', () => {
    api<User>('PATCH', `/api/users/${user.id}`, { leadReceiving: input.checked })
      .then((u) => { input.checked = u.leadReceiving; toast('common.saved'); })
      .catch((err: unknown) => { input.checked = !input.checked; showError(status, err); });
  });
  return input;
}

function actions(ctx: AdminContext, user: User): HTMLElement[] {
  if (!canManageRole(ctx.me, user.role)) return [];
  return [
    label('common.edit', 'button', { type: 'button', class: 'secondary small', 'data-action': 'edit' }),
    label('users.resetPassword', 'button', { type: 'button', class: 'secondary small', 'data-action': 'password' }),
  ];
}

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const { users } = await api<{ users: User[] }>('GET', '/api/users');
  const status = h('p', { class: 'error', role: 'alert' });
  const filter = withPlaceholder(textInput('q', '', { type: 'search' }), 'users.filter');
  const table = dataTable<User>([
    { key: 'users.username', cell: (u) => h('strong', {}, u.username) },
    { key: 'users.displayName', cell: (u) => u.displayName },
    { key: 'users.role', cell: (u) => label(ROLE_LABELS[u.role], 'span', { class: `badge role-${u.role}` }) },
    { key: 'users.extension', cell: (u) => u.extension ?? '—' },
    { key: 'users.language', cell: (u) => label(u.language === 'vi' ? 'language.vi' : 'language.en') },
    { key: 'users.active', cell: (u) => label(u.active ? 'common.yes' : 'common.no', 'span', { class: u.active ? 'badge ok' : 'badge muted' }) },
    { key: 'users.lead', cell: (u) => (u.role === 'agent' ? leadSwitch(ctx, u, status) : '—') },
    { key: 'admin.actions', cell: (u) => actions(ctx, u), class: 'actions' },
  ], users, 'users.none', (u) => ({ 'data-user': u.username, 'data-search': `${u.username} ${u.displayName} ${u.extension ?? ''}`.toLowerCase() }));
  table.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const row = button?.closest('tr');
    const user = users.find((u) => u.username === row?.dataset.user);
    if (!button || !user) return;
    if (button.dataset.action === 'edit') editUser(ctx, user);
    else resetPassword(ctx, user);
  });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    table.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((tr) => { tr.hidden = q !== '' && !(tr.dataset.search ?? '').includes(q); });
  });
  const add = label('users.new', 'button', { type: 'button', id: 'user-new' });
  add.addEventListener('click', () => createUser(ctx));
  root.append(
    h('div', { class: 'view-head' }, label('users.title', 'h1'), h('span', { class: 'grow' }), add),
    h('div', { class: 'toolbar' }, filter),
    status,
    h('section', { class: 'panel' }, table),
  );
}

export const usersSection: Section = { path: 'users', nav: 'users.title', render };
