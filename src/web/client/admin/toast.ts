import { byId, h } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { label } from './label.js';

/** A short confirmation in the corner ("Saved"), gone after a few seconds; a newer one replaces it. */
export function toast(key: MessageKey, kind: 'ok' | 'bad' = 'ok'): void {
  const box = byId('toasts');
  const item = h('div', { class: `toast ${kind}`, role: 'status' }, label(key));
  box.replaceChildren(item);
  setTimeout(() => item.remove(), 3500);
}
