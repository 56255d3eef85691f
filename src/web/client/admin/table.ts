import { h, type Child } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { label } from './label.js';

export interface Column<T> {
  key: MessageKey;
  cell: (row: T) => Child | Child[];
  class?: string;
}

/** A table of data rows (cells are text or built elements); scrolls sideways on a narrow screen. */
export function dataTable<T>(columns: Column<T>[], rows: T[], empty: MessageKey, rowAttrs?: (row: T) => Record<string, string>): HTMLElement {
  if (rows.length === 0) return label(empty, 'p', { class: 'empty' });
  const head = h('tr', {}, ...columns.map((c) => label(c.key, 'th', c.class ? { class: c.class } : {})));
  const body = rows.map((row) => h('tr', rowAttrs?.(row) ?? {}, ...columns.map((c) => {
    const content = c.cell(row);
    return h('td', c.class ? { class: c.class } : {}, ...(Array.isArray(content) ? content : [content]));
  })));
  return h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, head), h('tbody', {}, ...body)));
}
