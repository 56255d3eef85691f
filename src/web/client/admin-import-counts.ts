import { h } from './dom.js';
import type { MessageKey } from './i18n.js';
import { label } from './admin-label.js';
import type { ImportJob } from './admin-types.js';

const COUNTS: { key: keyof ImportJob['counts']; label: MessageKey; tone: string }[] = [
  { key: 'imported', label: 'import.count.imported', tone: 'ok' },
  { key: 'updated', label: 'import.count.updated', tone: 'info' },
  { key: 'duplicate', label: 'import.count.duplicate', tone: 'warn' },
  { key: 'rejected', label: 'import.count.rejected', tone: 'bad' },
  { key: 'blockedHits', label: 'import.count.blockedHits', tone: 'warn' },
];

/** The counts of an import as cards; `data-count` names each for tests and styles. */
export function importCounts(job: ImportJob): HTMLElement {
  return h('div', { class: 'stat-cards' }, ...COUNTS.map((c) =>
    h('div', { class: `stat ${c.tone}`, 'data-count': c.key }, h('strong', {}, job.counts[c.key]), label(c.label))));
}
