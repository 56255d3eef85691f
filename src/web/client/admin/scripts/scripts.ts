import { api } from '../../api.js';
import { h } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { openDialog } from '../dialog.js';
import { field, readText, selectInput, textInput } from '../form.js';
import { label } from '../label.js';
import type { AdminContext, Section } from '../router.js';
import { dataTable } from '../table.js';
import type { Paged, Script, ScriptSharing, User } from '../types.js';

export const SHARING_LABELS: Record<ScriptSharing, MessageKey> = {
  all_admins: 'scripts.sharing.all_admins', only_me: 'scripts.sharing.only_me', chosen_admins: 'scripts.sharing.chosen_admins',
};

export const sharingChoices = () => (Object.keys(SHARING_LABELS) as ScriptSharing[]).map((s) => ({ value: s, key: SHARING_LABELS[s] }));

function newScript(ctx: AdminContext): void {
  openDialog({
    title: 'scripts.new', submit: 'common.add',
    body: [
      field('scripts.name', textInput('name', '', { required: true, maxlength: 120 })),
      field('scripts.sharing', selectInput('sharing', sharingChoices(), 'all_admins')),
    ],
    onSubmit: async (form) => {
      const s = await api<Script>('POST', '/api/scripts', { name: readText(form, 'name').trim(), sharing: readText(form, 'sharing') });
      ctx.navigate(`#/scripts/${s.id}`);
    },
  });
}

/** Every script the server lets this user see (it pages by 200 at most; a call center has far fewer). */
export async function loadScripts(): Promise<Script[]> {
  const page = await api<Paged<Script>>('GET', '/api/scripts?limit=200');
  return page.items;
}

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const [scripts, { users }] = await Promise.all([loadScripts(), api<{ users: User[] }>('GET', '/api/users')]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const table = dataTable<Script>([
    { key: 'scripts.name', cell: (s) => h('a', { href: `#/scripts/${s.id}` }, s.name) },
    { key: 'scripts.sharing', cell: (s) => label(SHARING_LABELS[s.sharing]) },
    { key: 'scripts.questions', cell: (s) => s.questions.length },
    { key: 'scripts.createdBy', cell: (s) => names.get(s.createdBy) ?? `#${s.createdBy}` },
  ], scripts, 'scripts.none', (s) => ({ 'data-script': String(s.id) }));
  const add = label('scripts.new', 'button', { type: 'button', id: 'script-new' });
  add.addEventListener('click', () => newScript(ctx));
  root.append(h('div', { class: 'view-head' }, label('scripts.title', 'h1'), h('span', { class: 'grow' }), add), h('section', { class: 'panel' }, table));
}

export const scriptsSection: Section = { path: 'scripts', nav: 'scripts.title', render };
