import { api } from '../../api.js';
import { h } from '../../dom.js';
import { confirmDialog, openDialog } from '../dialog.js';
import { field, readText, textArea, textInput } from '../form.js';
import { label } from '../label.js';
import { memberPicker, pickedIds } from '../member-picker.js';
import type { AdminContext, Section } from '../router.js';
import { dataTable } from '../table.js';
import { toast } from '../toast.js';
import type { Group, User } from '../types.js';

function editGroup(ctx: AdminContext, agents: User[], group?: Group): void {
  openDialog({
    title: group ? 'groups.edit' : 'groups.new', subject: group?.name, submit: group ? 'common.save' : 'common.add',
    body: [
      field('groups.name', textInput('name', group?.name, { required: true, maxlength: 120 })),
      field('groups.description', textArea('description', group?.description, { maxlength: 2000, rows: 2 })),
      h('div', { class: 'field' }, label('groups.members'),
        memberPicker('memberIds', agents.map((a) => ({ id: a.id, text: `${a.displayName} (${a.username})` })), group?.memberIds ?? [])),
    ],
    onSubmit: async (form) => {
      const body = { name: readText(form, 'name').trim(), description: readText(form, 'description'), memberIds: pickedIds(form, 'memberIds') };
      await api(group ? 'PUT' : 'POST', group ? `/api/groups/${group.id}` : '/api/groups', body);
      toast('common.saved');
      ctx.reload();
    },
  });
}

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const [{ groups }, { users }] = await Promise.all([
    api<{ groups: Group[] }>('GET', '/api/groups'),
    api<{ users: User[] }>('GET', '/api/users'),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const agents = users.filter((u) => u.role === 'agent');
  const table = dataTable<Group>([
    { key: 'groups.name', cell: (g) => h('strong', {}, g.name) },
    { key: 'groups.description', cell: (g) => g.description },
    { key: 'groups.members', cell: (g) => h('ul', { class: 'chips' }, ...g.memberIds.map((id) => h('li', {}, byId.get(id)?.displayName ?? `#${id}`))) },
    {
      key: 'admin.actions', class: 'actions',
      cell: () => [
        label('common.edit', 'button', { type: 'button', class: 'secondary small', 'data-action': 'edit' }),
        label('common.delete', 'button', { type: 'button', class: 'secondary small', 'data-action': 'delete' }),
      ],
    },
  ], groups, 'groups.none', (g) => ({ 'data-group': String(g.id) }));
  table.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const group = groups.find((g) => String(g.id) === button?.closest('tr')?.dataset.group);
    if (!button || !group) return;
    if (button.dataset.action === 'edit') editGroup(ctx, agents, group);
    else confirmDialog('groups.deleteConfirm', group.name, 'common.delete', async () => {
      await api('DELETE', `/api/groups/${group.id}`);
      ctx.reload();
    });
  });
  const add = label('groups.new', 'button', { type: 'button', id: 'group-new' });
  add.addEventListener('click', () => editGroup(ctx, agents));
  root.append(
    h('div', { class: 'view-head' }, label('groups.title', 'h1'), h('span', { class: 'grow' }), add),
    h('section', { class: 'panel' }, table),
  );
}

export const groupsSection: Section = { path: 'groups', nav: 'groups.title', render };
