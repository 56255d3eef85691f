import { h } from '../dom.js';
import { label, withTitle } from './label.js';

/** "21–40 of 132" with previous/next; onPage gets the new offset. `approximate`: the server stopped counting at total. */
export function pager(total: number, limit: number, offset: number, onPage: (offset: number) => void, approximate = false): HTMLElement {
  const prev = withTitle(h('button', { type: 'button', class: 'secondary small', 'data-page': 'prev', disabled: offset === 0 }, '‹'), 'pager.previous');
  const next = withTitle(h('button', { type: 'button', class: 'secondary small', 'data-page': 'next', disabled: offset + limit >= total }, '›'), 'pager.next');
  prev.addEventListener('click', () => onPage(Math.max(0, offset - limit)));
  next.addEventListener('click', () => onPage(offset + limit));
  const first = total === 0 ? 0 : offset + 1;
  return h('div', { class: 'pager' }, prev, h('span', { class: 'range' }, `${first}–${Math.min(total, offset + limit)}`), label('pager.of'), h('span', { class: 'total' }, approximate ? `≥ ${total}` : total), next);
}
