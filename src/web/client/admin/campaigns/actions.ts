import { api } from '../../api.js';
import { h } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { openDialog } from '../dialog.js';
import { clearError, showError } from '../error.js';
import { field, readText, textArea } from '../form.js';
import { label } from '../label.js';
import type { Me } from '../router.js';
import type { Campaign, UserAction } from '../types.js';

const ACTION_LABELS: Record<UserAction, MessageKey> = {
  submit: 'action.submit', approve: 'action.approve', reject: 'action.reject', activate: 'action.activate',
  pause: 'action.pause', resume: 'action.resume', end: 'action.end',
};
const ACTION_HINTS: Record<UserAction, MessageKey> = {
  submit: 'action.submitHint', approve: 'action.approveHint', reject: 'action.rejectHint', activate: 'action.activateHint',
  pause: 'action.pauseHint', resume: 'action.resumeHint', end: 'action.endHint',
};
/** Pause and resume are one click (they may be urgent); the others ask first, with a note for the audit trail. */
const ONE_CLICK: readonly UserAction[] = ['pause', 'resume'];

function run(c: Campaign, action: UserAction, note?: string): Promise<Campaign> {
  return api<Campaign>('POST', `/api/campaigns/${c.id}/${action}`, note ? { note } : undefined);
}

/**
 * The lifecycle buttons this user may press now, as the server listed them. A refusal (403/409) still
 * shows the server's reason (another user may have acted meanwhile).
 */
export function campaignActions(c: Campaign, me: Me, onDone: (c: Campaign) => void): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert', id: 'action-error' });
  const buttons = c.allowedActions.map((action) => {
    const button = label(ACTION_LABELS[action], 'button', {
      type: 'button', 'data-action': action, class: action === 'reject' || action === 'end' ? 'danger' : action === 'pause' ? 'secondary' : '',
    });
    button.addEventListener('click', () => {
      clearError(error);
      if (ONE_CLICK.includes(action)) {
        button.disabled = true;
        run(c, action).then(onDone).catch((err: unknown) => { button.disabled = false; showError(error, err); });
        return;
      }
      openDialog({
        title: ACTION_LABELS[action], subject: c.name, submit: ACTION_LABELS[action], danger: action === 'reject' || action === 'end',
        body: [label(ACTION_HINTS[action], 'p'), field(action === 'reject' ? 'action.rejectNote' : 'action.note',
          textArea('note', '', { rows: 3, maxlength: 2000, required: action === 'reject' }))],
        onSubmit: async (form) => onDone(await run(c, action, readText(form, 'note').trim() || undefined)),
      });
    });
    return button;
  });
  if (buttons.length === 0) return h('div', { class: 'actions-bar' }, label('action.none', 'span', { class: 'hint' }), error);
  return h('div', { class: 'actions-bar' }, ...buttons, error);
}
