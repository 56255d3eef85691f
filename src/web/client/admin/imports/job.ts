import { api } from '../../api.js';
import { h } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { KIND_LABELS, statusBadge } from './labels.js';
import { mappingStep } from './mapping.js';
import { progressStep } from './progress.js';
import { resultStep } from './result.js';
import { label } from '../label.js';
import type { AdminContext, Section } from '../router.js';
import type { Campaign, ImportJob, Paged, SheetPreview } from '../types.js';

const STEPS: MessageKey[] = ['import.stepUpload', 'import.stepMapping', 'import.stepProgress', 'import.stepResult'];
const STEP_OF: Record<ImportJob['status'], number> = { uploaded: 1, running: 2, done: 3, failed: 3 };

/** Upload → sheet and columns → progress → result, with the current step marked. */
function stepper(current: number): HTMLElement {
  return h('ol', { class: 'stepper' }, ...STEPS.map((key, i) =>
    h('li', { class: i < current ? 'done' : i === current ? 'current' : '', ...(i === current ? { 'aria-current': 'step' } : {}) }, label(key))));
}

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** One import: which step it is at follows from its status, so a reload lands on the same step. */
async function render(root: HTMLElement, params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const job = await api<ImportJob>('GET', `/api/imports/${Number(params.id)}`);
  const head = h('div', { class: 'view-head' }, label('import.title', 'a', { href: '#/import', class: 'back' }), h('span', { class: 'sub' }, '/'),
    h('h1', { class: 'file-name' }, job.fileName), label(KIND_LABELS[job.kind], 'span', { class: 'badge' }), statusBadge(job.status),
    h('span', { class: 'sub' }, `${job.format.toUpperCase()} · ${size(job.fileBytes)}`));
  let body: HTMLElement;
  if (job.status === 'uploaded') {
    const [preview, campaigns] = await Promise.all([
      api<SheetPreview>('POST', `/api/imports/${job.id}/preview`, {}),
      job.kind === 'contacts' && ctx.has('campaigns/:id/list') ? api<Paged<Campaign>>('GET', '/api/campaigns?limit=200&sort=id&order=desc') : undefined,
    ]);
    body = mappingStep(job, preview, ctx, campaigns?.items.filter((c) => c.state !== 'ended'));
  }
  else if (job.status === 'running') body = progressStep(job, () => ctx.reload());
  else body = await resultStep(job);
  root.append(head, stepper(STEP_OF[job.status]), body);
}

export const importJobSection: Section = { path: 'import/:id', navPath: 'import', render };
