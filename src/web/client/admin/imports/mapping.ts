import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import { confirmDialog } from '../dialog.js';
import { clearError, showError } from '../error.js';
import { field, readText, selectInput, textInput, type Choice } from '../form.js';
import { BLOCK_FIELDS, CONTACT_FIELDS, FIELD_LABELS } from './labels.js';
import { label } from '../label.js';
import { hashQuery, type AdminContext } from '../router.js';
import type { Campaign, ImportJob, SheetPreview } from '../types.js';

const CUSTOM = '__custom';
const shown = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The preview with a field chooser over each column; choosing a field frees it from any other column. */
function mappingTable(job: ImportJob, preview: SheetPreview): HTMLElement {
  const fields = job.kind === 'contacts' ? CONTACT_FIELDS : BLOCK_FIELDS;
  const choices: Choice[] = [{ value: '', key: 'import.ignore' }, ...fields.map((f) => ({ value: f, key: FIELD_LABELS[f]! }))];
  if (job.kind === 'contacts') choices.push({ value: CUSTOM, key: 'import.customField' });
  const byHeader = new Map(Object.entries(preview.suggestedMapping).map(([f, header]) => [header, f]));
  const selects = preview.headers.map((header, i) => {
    const select = selectInput(`col.${i}`, choices, byHeader.get(header) ?? '', { 'data-column': header });
    const custom = textInput(`custom.${i}`, header, { maxlength: 100, class: 'custom-name' });
    const showCustom = () => { custom.hidden = select.value !== CUSTOM; };
    select.addEventListener('change', () => {
      showCustom();
      if (select.value === '' || select.value === CUSTOM) return;
      for (const other of selects) if (other.select !== select && other.select.value === select.value) other.select.value = '';
    });
    showCustom();
    return { select, custom };
  });
  return h('div', { class: 'table-wrap mapping' }, h('table', { class: 'mapping-table' },
    h('thead', {},
      h('tr', {}, h('th', { class: 'rownum' }, '#'), ...preview.headers.map((hd) => h('th', {}, hd))),
      h('tr', { class: 'choosers' }, h('th', {}), ...selects.map((s) => h('th', {}, s.select, s.custom)))),
    h('tbody', {}, ...preview.rows.map((r) => h('tr', {}, h('td', { class: 'rownum' }, r.row), ...preview.headers.map((_, i) => h('td', {}, shown(r.cells[i]))))))));
}

function optionsFields(job: ImportJob, campaigns: Campaign[] | undefined): HTMLElement {
  if (job.kind !== 'contacts') {
    return h('div', { class: 'grid-2' },
      field('import.defaultReason', textInput('reason', '', { maxlength: 500 }), 'import.defaultReasonHint'),
      field('import.source', textInput('source', '', { maxlength: 100 })));
  }
  return h('div', { class: 'grid-3' },
    field('import.onExisting', selectInput('onExisting', [{ value: 'skip', key: 'import.onExisting.skip' }, { value: 'update', key: 'import.onExisting.update' }], 'skip')),
    field('import.tags', textInput('tags', '', { maxlength: 1000 }), 'contacts.tagsHint'),
    field('import.source', textInput('source', '', { maxlength: 100 }), 'import.sourceHint'),
    campaigns ? field('import.campaign', selectInput('campaignId', [{ value: '', key: 'import.noCampaign' }, ...campaigns.map((c) => ({ value: String(c.id), text: c.name }))],
      hashQuery().get('campaign') ?? '')) : null);
}

function readStart(form: HTMLFormElement, job: ImportJob, preview: SheetPreview): Record<string, unknown> {
  const mapping: Record<string, number> = {};
  const customFields: Record<string, number> = {};
  preview.headers.forEach((_, i) => {
    const v = readText(form, `col.${i}`);
    if (v === CUSTOM) { const name = readText(form, `custom.${i}`).trim(); if (name) customFields[name] = i; } else if (v) mapping[v] = i;
  });
  const body: Record<string, unknown> = { sheet: preview.sheet, mapping };
  const source = readText(form, 'source').trim();
  if (source) body.source = source;
  if (job.kind === 'contacts') {
    body.customFields = customFields;
    body.onExisting = readText(form, 'onExisting');
    body.tags = readText(form, 'tags').split(',').map((t) => t.trim()).filter((t) => t !== '');
    const campaignId = readText(form, 'campaignId');
    if (campaignId) body.campaignId = Number(campaignId);
  } else {
    const reason = readText(form, 'reason').trim();
    if (reason) body.reason = reason;
  }
  return body;
}

/** Step 2: the sheet, what each column holds (checked against the first rows), and the row policy. */
export function mappingStep(job: ImportJob, first: SheetPreview, ctx: AdminContext, campaigns?: Campaign[]): HTMLFormElement {
  let preview = first;
  const tableBox = h('div', {}, mappingTable(job, preview));
  const error = h('p', { class: 'error', role: 'alert' });
  const sheet = selectInput('sheet', preview.sheets.map((s) => ({ value: s, text: s })), preview.sheet, { id: 'import-sheet' });
  sheet.addEventListener('change', () => {
    clearError(error);
    api<SheetPreview>('POST', `/api/imports/${job.id}/preview`, { sheet: sheet.value })
      .then((p) => { preview = p; replaceChildren(tableBox, mappingTable(job, p)); })
      .catch((err: unknown) => { showError(error, err); sheet.value = preview.sheet; });
  });
  const start = label('import.start', 'button', { type: 'submit', id: 'import-start' });
  const discard = label('import.discard', 'button', { type: 'button', class: 'secondary' });
  discard.addEventListener('click', () => confirmDialog('import.discardConfirm', job.fileName, 'import.discard', async () => {
    await api('DELETE', `/api/imports/${job.id}`);
    ctx.navigate('#/import');
  }));
  const form = h('form', { class: 'panel', id: 'import-mapping' },
    label('import.step2', 'h2'),
    preview.sheets.length > 1 ? field('import.sheet', sheet) : null,
    label('import.mappingHint', 'p', { class: 'hint' }),
    tableBox,
    label('import.options', 'h2'),
    optionsFields(job, campaigns),
    error,
    h('div', { class: 'form-actions' }, start, discard));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearError(error);
    start.disabled = true;
    api<ImportJob>('POST', `/api/imports/${job.id}/start`, readStart(form, job, preview))
      .then(() => ctx.reload())
      .catch((err: unknown) => { start.disabled = false; showError(error, err, form); });
  });
  return form;
}
