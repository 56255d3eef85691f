import { api } from '../../api.js';
import { h } from '../../dom.js';
import { importCounts } from './counts.js';
import { label } from '../label.js';
import { dataTable } from '../table.js';
import type { ImportJob, ImportRejection, Paged } from '../types.js';

const SHOWN_REJECTIONS = 20;

/** Step 4: what was written, what was not and why, with the rejected rows as a spreadsheet. */
export async function resultStep(job: ImportJob): Promise<HTMLElement> {
  const notWritten = job.counts.rejected + job.counts.duplicate;
  const rejections = notWritten > 0
    ? (await api<Paged<ImportRejection>>('GET', `/api/imports/${job.id}/rejections?limit=${SHOWN_REJECTIONS}&offset=0`)).items
    : [];
  const next = job.kind === 'contacts' ? label('import.seeContacts', 'a', { href: '#/contacts', class: 'button secondary' })
    : label('import.seeList', 'a', { href: `#/block-lists?list=${job.kind}`, class: 'button secondary' });
  return h('section', { class: 'panel', id: 'import-result' },
    label('import.step4', 'h2'),
    job.status === 'failed' ? h('p', { class: 'notice bad' }, label('import.failed'), ': ', job.error ?? '') : null,
    h('p', {}, label('import.rowsRead'), ' ', h('strong', { id: 'import-rows' }, job.rowsDone)),
    importCounts(job),
    notWritten > 0 ? h('div', { class: 'rejections' },
      h('p', {}, label('import.rejectedRows', 'a', { href: `/api/imports/${job.id}/rejected.xlsx`, download: '', id: 'rejected-download', class: 'button' })),
      dataTable<ImportRejection>([
        { key: 'import.row', cell: (r) => r.row },
        { key: 'import.rejection', cell: (r) => label(r.kind === 'duplicate' ? 'import.count.duplicate' : 'import.count.rejected', 'span', { class: `badge ${r.kind === 'duplicate' ? 'warn' : 'bad'}` }) },
        { key: 'import.reason', cell: (r) => r.reason },
        { key: 'import.cells', cell: (r) => h('span', { class: 'cells' }, r.cells.map((c) => (c === null ? '' : String(c))).join(' | ')) },
      ], rejections, 'import.none', (r) => ({ 'data-row': String(r.row) })),
      notWritten > rejections.length ? label('import.moreInFile', 'p', { class: 'hint' }) : null) : null,
    h('div', { class: 'form-actions' }, label('import.another', 'a', { href: '#/import', class: 'button' }), next));
}
