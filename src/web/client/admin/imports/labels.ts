import type { MessageKey } from '../../i18n.js';
import { label } from '../label.js';
import type { ImportJob, ImportKind } from '../types.js';

/** Names of import kinds, statuses and target fields on the import pages. */
export const KIND_LABELS: Record<ImportKind, MessageKey> = { contacts: 'import.kind.contacts', dnc: 'import.kind.dnc', blacklist: 'import.kind.blacklist' };

const STATUS_LABELS: Record<ImportJob['status'], MessageKey> = {
  uploaded: 'import.status.uploaded', running: 'import.status.running', done: 'import.status.done', failed: 'import.status.failed',
};
const STATUS_TONES: Record<ImportJob['status'], string> = { uploaded: 'info', running: 'warn', done: 'ok', failed: 'bad' };

export const statusBadge = (s: ImportJob['status']): HTMLElement => label(STATUS_LABELS[s], 'span', { class: `badge ${STATUS_TONES[s]}`, 'data-status': s });

export const CONTACT_FIELDS = ['name', 'phone', 'phone2', 'phone3', 'email', 'address', 'birthday', 'tags', 'stage', 'source', 'timezone', 'agent'] as const;
export const BLOCK_FIELDS = ['phone', 'reason'] as const;

export const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'importField.name', phone: 'importField.phone', phone2: 'importField.phone2', phone3: 'importField.phone3', email: 'importField.email',
  address: 'importField.address', birthday: 'importField.birthday', tags: 'importField.tags', stage: 'importField.stage',
  source: 'importField.source', timezone: 'importField.timezone', agent: 'importField.agent', reason: 'importField.reason',
};
