import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import { importCounts } from './counts.js';
import { label } from '../label.js';
import type { ImportJob } from '../types.js';

const POLL_MS = 400;

/**
 * Step 3: rows done of rows total, with the counts so far. Polls while the page shows it and calls
 * onEnd once the job is done or failed.
 */
export function progressStep(first: ImportJob, onEnd: () => void): HTMLElement {
  const bar = h('progress', { id: 'import-progress' });
  const text = h('span', { class: 'progress-text' });
  const counts = h('div', {});
  const panel = h('section', { class: 'panel' }, label('import.step3', 'h2'), h('div', { class: 'progress-line' }, bar, text), counts);
  const show = (job: ImportJob) => {
    if (job.rowsTotal !== null && job.rowsTotal > 0) {
      bar.max = job.rowsTotal;
      bar.value = job.rowsDone;
      text.textContent = `${job.rowsDone} / ${job.rowsTotal}`;
    } else {
      bar.removeAttribute('value');
      text.textContent = String(job.rowsDone);
    }
    replaceChildren(counts, importCounts(job));
  };
  const poll = () => {
    if (!panel.isConnected) return;
    api<ImportJob>('GET', `/api/imports/${first.id}`)
      .then((job) => {
        show(job);
        if (job.status === 'running') setTimeout(poll, POLL_MS);
        else onEnd();
      })
      .catch(() => setTimeout(poll, POLL_MS * 5));
  };
  show(first);
  setTimeout(poll, POLL_MS);
  return panel;
}
