import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';

/**
 * A translated label that follows the language switch: translatePage() rewrites every element
 * carrying data-i18n, so forms keep what was typed when the language changes.
 */
export function label<K extends keyof HTMLElementTagNameMap = 'span'>(key: MessageKey, tag?: K, props: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  return h((tag ?? 'span') as K, { ...props, 'data-i18n': key }, t(key));
}

/** Sets a translated tooltip and accessible name (for icon-only buttons); retranslated by translateTitles. */
export function withTitle<E extends HTMLElement>(el: E, key: MessageKey): E {
  el.dataset.i18nTitle = key;
  el.title = t(key);
  el.setAttribute('aria-label', t(key));
  return el;
}

export function translateTitles(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    const key = el.dataset.i18nTitle as MessageKey;
    el.title = t(key);
    el.setAttribute('aria-label', t(key));
  });
}

/** A translated placeholder (translatePage() rewrites data-i18n-placeholder on a language switch). */
export function withPlaceholder<E extends HTMLInputElement | HTMLTextAreaElement>(el: E, key: MessageKey): E {
  el.dataset.i18nPlaceholder = key;
  el.placeholder = t(key);
  return el;
}
