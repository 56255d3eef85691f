import { api } from '../api.js';
import type { PauseCode } from '../api-types.js';
import { h } from '../dom.js';
import { openDialog } from '../admin/dialog.js';
import { showError } from '../admin/error.js';
import { checkbox, field, readChecked, readText, textInput } from '../admin/form.js';
import { label } from '../admin/label.js';
import type { AdminContext, Section } from '../admin/router.js';
import { dataTable } from '../admin/table.js';
import { toast } from '../admin/toast.js';

function editCode(ctx: AdminContext, code: PauseCode | null): void {
  openDialog({
    title: code ? 'pauseCodes.edit' : 'pauseCodes.new', subject: code?.code, submit: code ? 'common.save' : 'common.add',
    body: [
      field('pauseCodes.code', textInput('code', code?.code ?? '', { required: true, maxlength: 32, autocomplete: 'off', id: 'pause-code-code' }), 'pauseCodes.codeHint'),
      field('pauseCodes.label', textInput('label', code?.label ?? '', { required: true, maxlength: 100, id: 'pause-code-label' })),
      checkbox('active', code?.active ?? true, 'pauseCodes.active'),
    ],
    onSubmit: async (form) => {
      const body = { code: readText(form, 'code').trim(), label: readText(form, 'label'), active: readChecked(form, 'active') };
      if (code) await api('PATCH', `/api/pause-codes/${code.id}`, body);
      else await api('POST', '/api/pause-codes', body);
      toast('common.saved');
      ctx.reload();
    },
  });
}

/** Pause codes: the reasons agents pick when they go not ready. */
async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const codes = await api<PauseCode[]>('GET', '/api/pause-codes');
  const status = h('p', { class: 'error', role: 'alert' });
  const table = dataTable<PauseCode>([
    { key: 'pauseCodes.code', cell: (c) => h('code', {}, c.code) },
    { key: 'pauseCodes.label', cell: (c) => c.label },
    { key: 'pauseCodes.active', cell: (c) => label(c.active ? 'common.yes' : 'common.no', 'span', { class: c.active ? 'badge ok' : 'badge muted' }) },
    {
      key: 'admin.actions', class: 'actions', cell: () => [
        label('common.edit', 'button', { type: 'button', class: 'secondary small', 'data-action': 'edit' }),
        label('pauseCodes.delete', 'button', { type: 'button', class: 'danger small', 'data-action': 'delete' }),
      ],
    },
  ], codes, 'pauseCodes.none', (c) => ({ 'data-code': c.code }));
  table.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const code = codes.find((c) => c.code === button?.closest('tr')?.dataset.code);
    if (!button || !code) return;
    if (button.dataset.action === 'edit') editCode(ctx, code);
    else api('DELETE', `/api/pause-codes/${code.id}`).then(() => { toast('common.saved'); ctx.reload(); }).catch((err: unknown) => showError(status, err));
  });
  const add = label('pauseCodes.new', 'button', { type: 'button', id: 'pause-code-new' });
  add.addEventListener('click', () => editCode(ctx, null));
  root.append(
    h('div', { class: 'view-head' }, label('pauseCodes.title', 'h1'), h('span', { class: 'grow' }), add),
    label('pauseCodes.hint', 'p', { class: 'muted' }),
    status,
    h('section', { class: 'panel', id: 'pause-codes' }, table),
  );
}

export const pauseCodesSection: Section = { path: 'pause-codes', nav: 'pauseCodes.title', render };
