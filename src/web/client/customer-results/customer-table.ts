import type { CustomerResultsPage } from '../api-types.js';
import { h, type Child } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatInstant } from '../page-format.js';

type Row = CustomerResultsPage['items'][number];
export type SortKey = 'id' | 'name' | 'status' | 'attempts' | 'lastCallAt';

export const coded = (prefix: string, code: string | null): string => (code === null ? '—' : t(`${prefix}.${code}` as MessageKey));
export const when = (iso: string | null): string => (iso ? formatInstant(iso) : '—');

interface Column { key: MessageKey; sort?: SortKey; cell: (r: Row) => Child }

const COLUMNS: Column[] = [
  { key: 'cust.col.name', sort: 'name', cell: (r) => r.name },
  { key: 'cust.col.phones', cell: (r) => r.phones.join(', ') },
  { key: 'cust.col.status', sort: 'status', cell: (r) => coded('status', r.status) },
  { key: 'cust.col.attempts', sort: 'attempts', cell: (r) => String(r.attempts) },
  { key: 'cust.col.lastCall', sort: 'lastCallAt', cell: (r) => when(r.lastCallAt) },
  { key: 'cust.col.outcome', cell: (r) => coded('agent.outcome', r.lastOutcome) },
  { key: 'cust.col.disposition', cell: (r) => coded('agent.disposition', r.lastDisposition) },
  { key: 'cust.col.callback', cell: (r) => when(r.callbackAt) },
  { key: 'cust.col.agent', cell: (r) => r.agentName ?? '—' },
];

/**
 * The page of contacts as a table: the fixed columns, then one per script question named by its text. The sortable
 * titles are buttons (onSort gets the column); a row is a button too (onOpen gets its entry). Every value goes in as text.
 */
export function customerTable(page: CustomerResultsPage, sort: { sort: SortKey; order: 'asc' | 'desc' },
  onSort: (key: SortKey) => void, onOpen: (row: Row) => void): HTMLElement {
  if (page.items.length === 0) return h('p', { class: 'empty', id: 'cust-empty' }, t('cust.none'));
  const head = h('tr', {}, ...COLUMNS.map((c) => {
    if (!c.sort) return h('th', {}, t(c.key));
    const active = sort.sort === c.sort;
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': c.sort }, t(c.key), active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : '');
    button.addEventListener('click', () => onSort(c.sort!));
    return h('th', { 'aria-sort': active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none' }, button);
  }), ...page.columns.map((q) => h('th', { class: 'answer', 'data-question': q.questionId }, q.text)));
  const rows = page.items.map((r) => {
    const tr = h('tr', { 'data-entry': r.entryId, tabindex: 0, class: 'opens' },
      ...COLUMNS.map((c) => h('td', {}, c.cell(r))),
      ...page.columns.map((q) => h('td', { class: 'answer' }, r.answers[String(q.questionId)] ?? '')));
    tr.addEventListener('click', () => onOpen(r));
    tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onOpen(r); });
    return tr;
  });
  return h('div', { class: 'table-wrap cust-table' }, h('table', { id: 'cust-table' }, h('thead', {}, head), h('tbody', {}, ...rows)));
}
