import { h } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { label } from '../label.js';
import type { ImportJob } from '../types.js';

const COUNTS: { key: keyof ImportJob['counts']; label: MessageKey; tone: string }[] = [
  { key: 'imported', label: 'import.count.imported', tone: 'ok' },
  { key: 'updated', label: 'import.count.updated', tone: 'info' },
  { key: 'duplicate', label: 'import.count.duplicate', tone: 'warn' },
  { key: 'rejected', label: 'import.count.rejected', tone: 'bad' },
  { key: 'blockedHits', label: 'import.count.blockedHits', tone: 'warn' },
  { key: 'listed', label: 'import.count.listed', tone: 'info' },
];

/** The counts of an import as cards; `data-count` names each. "Added to the campaign" only when the import fed one. */
export function importCounts(job: ImportJob): HTMLElement {
  const shown = COUNTS.filter((c) => c.key !== 'listed' || (job.options?.campaignId ?? null) !== null);
  return h('div', { class: 'stat-cards' }, ...shown.map((c) =>
    h('div', { class: `stat ${c.tone}`, 'data-count': c.key }, h('strong', {}, job.counts[c.key]), label(c.label))));
}
