import { ApiError } from '../api.js';
import { replaceChildren } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { label } from './label.js';

const STATUS_LABELS: Record<number, MessageKey> = {
  400: 'error.invalid', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict', 413: 'error.tooLarge',
  415: 'error.unsupported', 422: 'error.unprocessable',
};

/**
 * Shows why a request failed: a translated kind plus the server's own reason (it names the rule or the
 * field), and marks the offending control of the form when the server names one.
 */
export function showError(target: HTMLElement, err: unknown, form?: HTMLFormElement): void {
  form?.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  if (!(err instanceof ApiError)) {
    replaceChildren(target, label('common.error'));
    return;
  }
  replaceChildren(target, label(STATUS_LABELS[err.status] ?? 'common.error'), ': ', err.message);
  if (form && err.field) {
    const control = findControl(form, err.field);
    control?.setAttribute('aria-invalid', 'true');
    control?.focus();
  }
}

/** `callingHours.start` or `options.2` → the deepest control whose name is a prefix of the field path. */
function findControl(form: HTMLFormElement, field: string): HTMLElement | undefined {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = form.querySelector<HTMLElement>(`[name="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (el) return el;
  }
  return undefined;
}

export function clearError(target: HTMLElement): void {
  target.replaceChildren();
}
