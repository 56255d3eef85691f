import type { MessageKey } from '../../i18n.js';
import { label } from '../label.js';
import { DIALING_MODES, type CampaignState, type ContactStatus, type DialingMode } from '../types.js';

/** How campaign states and dialing modes are named and coloured on the admin pages. */
export const STATE_LABELS: Record<CampaignState, MessageKey> = {
  draft: 'campaign.state.draft', pending_approval: 'campaign.state.pending_approval', approved: 'campaign.state.approved',
  rejected: 'campaign.state.rejected', scheduled: 'campaign.state.scheduled', running: 'campaign.state.running',
  paused: 'campaign.state.paused', ended: 'campaign.state.ended',
};
const STATE_TONES: Record<CampaignState, string> = {
  draft: 'muted', pending_approval: 'warn', approved: 'info', rejected: 'bad', scheduled: 'info', running: 'ok', paused: 'warn', ended: 'muted',
};
export const MODE_LABELS: Record<DialingMode, MessageKey> = {
  manual: 'campaign.mode.manual', preview: 'campaign.mode.preview', progressive: 'campaign.mode.progressive',
  predictive: 'campaign.mode.predictive', ivr: 'campaign.mode.ivr', callback: 'campaign.mode.callback',
};

export const stateBadge = (s: CampaignState): HTMLElement => label(STATE_LABELS[s], 'span', { class: `badge ${STATE_TONES[s]}`, 'data-state': s });
export const modeChoices = () => DIALING_MODES.map((m) => ({ value: m, key: MODE_LABELS[m] }));

/** A date-time in the reader's locale, or a dash. */
export const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : '—');

export const ENTRY_STATUS_LABELS: Record<ContactStatus, MessageKey> = {
  not_started: 'status.not_started', in_progress: 'status.in_progress', failed_will_retry: 'status.failed_will_retry',
  callback_scheduled: 'status.callback_scheduled', success: 'status.success', retries_exhausted: 'status.retries_exhausted',
  do_not_call_again: 'status.do_not_call_again', call_error: 'status.call_error', paused: 'status.paused', blocked: 'status.blocked', dnc: 'status.dnc',
};
const ENTRY_TONES: Record<ContactStatus, string> = {
  not_started: 'muted', in_progress: 'info', failed_will_retry: 'warn', callback_scheduled: 'info', success: 'ok', retries_exhausted: 'muted',
  do_not_call_again: 'bad', call_error: 'bad', paused: 'warn', blocked: 'bad', dnc: 'bad',
};

export const entryStatusBadge = (s: ContactStatus): HTMLElement => label(ENTRY_STATUS_LABELS[s], 'span', { class: `badge ${ENTRY_TONES[s]}`, 'data-status': s });
