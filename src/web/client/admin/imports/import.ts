import { api } from '../../api.js';
import { h } from '../../dom.js';
import { when } from '../campaigns/labels.js';
import { clearError, showError } from '../error.js';
import { field, selectInput } from '../form.js';
import { KIND_LABELS, statusBadge } from './labels.js';
import { label } from '../label.js';
import { hashQuery, type AdminContext, type Section } from '../router.js';
import { dataTable } from '../table.js';
import type { ImportJob, ImportKind } from '../types.js';
import { uploadFile } from '../upload.js';

const ACCEPT = '.xlsx,.xls,.csv,text/csv,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Links to the server's template for the chosen kind (.xlsx with instructions, or .csv). */
function templateLinks(): { element: HTMLElement; show(kind: string): void } {
  const xlsx = label('import.templateXlsx', 'a', { download: '', id: 'template-xlsx' });
  const csv = label('import.templateCsv', 'a', { download: '', id: 'template-csv' });
  const show = (kind: string) => {
    xlsx.href = `/api/import-templates/${kind}.xlsx`;
    csv.href = `/api/import-templates/${kind}.csv`;
  };
  return { element: h('p', { class: 'hint templates' }, label('import.templates'), ' ', xlsx, ' · ', csv), show };
}

/** Step 1: choose what the file holds and send it; the server answers with its sheets and a preview. */
function uploadForm(ctx: AdminContext): HTMLFormElement {
  const kind = selectInput('kind', (Object.keys(KIND_LABELS) as ImportKind[]).map((k) => ({ value: k, key: KIND_LABELS[k] })), 'contacts');
  const file = h('input', { type: 'file', name: 'file', accept: ACCEPT, required: true, id: 'import-file' });
  const progress = h('progress', { max: 1, value: 0, hidden: true, class: 'upload-progress' });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = label('import.upload', 'button', { type: 'submit', id: 'import-upload' });
  const links = templateLinks();
  links.show(kind.value);
  kind.addEventListener('change', () => links.show(kind.value));
  const form = h('form', { class: 'panel', id: 'import-form' },
    label('import.step1', 'h2'),
    h('div', { class: 'grid-2' }, field('import.kind', kind), field('import.file', file, 'import.fileHint')),
    links.element, progress, error, h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    // Coming from a campaign's list, the next step offers that campaign.
    const campaign = hashQuery().get('campaign');
    clearError(error);
    submit.disabled = true;
    progress.hidden = false;
    const url = `/api/imports?kind=${encodeURIComponent(kind.value)}&filename=${encodeURIComponent(chosen.name.slice(0, 255))}`;
    uploadFile<{ job: ImportJob }>(url, chosen, (f) => { progress.value = f; })
      .then(({ job }) => ctx.navigate(`#/import/${job.id}${campaign ? `?campaign=${encodeURIComponent(campaign)}` : ''}`))
      .catch((err: unknown) => { showError(error, err, form); submit.disabled = false; progress.hidden = true; });
  });
  return form;
}

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const { imports } = await api<{ imports: ImportJob[] }>('GET', '/api/imports');
  const recent = dataTable<ImportJob>([
    { key: 'import.fileName', cell: (j) => h('a', { href: `#/import/${j.id}` }, j.fileName) },
    { key: 'import.kind', cell: (j) => label(KIND_LABELS[j.kind]) },
    { key: 'import.status', cell: (j) => statusBadge(j.status) },
    { key: 'import.rows', cell: (j) => (j.rowsTotal === null ? '—' : `${j.rowsDone} / ${j.rowsTotal}`) },
    { key: 'import.count.imported', cell: (j) => j.counts.imported + j.counts.updated },
    { key: 'import.count.notWritten', cell: (j) => j.counts.rejected + j.counts.duplicate },
    { key: 'import.when', cell: (j) => when(j.createdAt), class: 'nowrap' },
  ], imports, 'import.none', (j) => ({ 'data-import': String(j.id) }));
  root.append(
    h('div', { class: 'view-head' }, label('import.title', 'h1')),
    uploadForm(ctx),
    h('section', { class: 'panel' }, label('import.recent', 'h2'), recent),
  );
}

export const importSection: Section = { path: 'import', nav: 'import.title', render };
