import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { AgentApp, AgentArea, Change, ShownCustomer } from './app.js';
import type { AgentScript, AnswerValue, ScriptAnswer, ScriptQuestion } from './types.js';
import { Autosave, type SaveStatus } from '../autosave.js';

const STATUS_KEYS = { saving: 'agent.autosave.saving', saved: 'agent.autosave.saved', failed: 'agent.autosave.failed' } as const;

/**
 * The middle area: the script's guidance and its questions for the customer shown, answers autosaved
 * (debounced PUT) as the agent types, and saved at once before the page moves on to another customer.
 */
export class AgentScriptArea implements AgentArea {
  readonly root: HTMLElement;
  private readonly body = h('div', { class: 'script-body' });
  private readonly status = h('span', { class: 'autosave', id: 'autosave-status', role: 'status' });
  private readonly title = h('h2', {});
  private readonly autosave: Autosave<number, ScriptAnswer[]>;
  private key = '';
  private statusKey: SaveStatus = 'idle';
  private readers: (() => ScriptAnswer | null)[] = [];

  constructor(private readonly app: AgentApp) {
    this.autosave = new Autosave(
      (attemptId, answers) => api('PUT', `/api/agent/attempts/${attemptId}/answers`, { answers }).then(() => undefined),
      (s) => this.showStatus(s),
    );
    app.beforeMoveOn = () => this.autosave.flush();
    this.root = h('section', { class: 'panel agent-middle', id: 'area-script' }, h('div', { class: 'area-head' }, this.title, this.status), this.body);
    this.title.textContent = t('agent.script');
    document.addEventListener('languagechange', () => {
      this.title.textContent = t('agent.script');
      this.showStatus(this.statusKey);
      this.key = '';
      this.update(app, new Set(['campaign']));
    });
  }

  private showStatus(s: SaveStatus): void {
    this.statusKey = s;
    this.status.textContent = s === 'idle' ? '' : t(STATUS_KEYS[s]);
    this.status.className = `autosave autosave-${s}`;
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (!changes.has('campaign') && !changes.has('selection') && !changes.has('customers') && !changes.has('view')) return;
    const shown = app.shown();
    const script = app.script;
    const key = `${app.campaignId}:${script === undefined ? 'loading' : script?.id ?? 'none'}:${shown?.attemptId ?? '-'}:${shown?.access ?? '-'}`;
    if (key === this.key) return;
    this.key = key;
    void this.render(script, shown, key);
  }

  private async render(script: AgentScript | null | undefined, shown: ShownCustomer | null, key: string): Promise<void> {
    if (script === undefined) {
      replaceChildren(this.body, h('p', { class: 'muted' }, t('common.loading')));
      return;
    }
    if (script === null) {
      replaceChildren(this.body, h('p', { class: 'muted', id: 'no-script' }, t('agent.noScript')));
      return;
    }
    let saved: ScriptAnswer[] = [];
    if (shown) {
      await this.autosave.flush();
      saved = await api<ScriptAnswer[]>('GET', `/api/agent/attempts/${shown.attemptId}/answers`).catch(() => []);
      if (key !== this.key) return;
    }
    const readOnly = !shown || shown.access === 'read_only' || shown.access === 'none';
    const values = new Map(saved.map((a) => [a.questionId, a.value]));
    this.readers = [];
    const onChange = () => { if (shown && !readOnly) this.autosave.set(shown.attemptId, this.collect()); };
    replaceChildren(this.body,
      script.guidance && h('div', { class: 'guidance', id: 'script-guidance' }, script.guidance),
      !shown && h('p', { class: 'muted' }, t('agent.noCustomerInHand')),
      shown && shown.access === 'read_only' && h('p', { class: 'note', id: 'script-read-only' }, t('agent.readOnly')),
      h('form', { class: 'questions', id: 'script-questions', onsubmit: (e: Event) => e.preventDefault() },
        ...[...script.questions].sort((a, b) => a.position - b.position)
          .map((q) => this.question(q, values.get(q.id), readOnly, onChange))));
  }

  private collect(): ScriptAnswer[] {
    return this.readers.map((read) => read()).filter((a): a is ScriptAnswer => a !== null);
  }

  private question(q: ScriptQuestion, value: AnswerValue | undefined, disabled: boolean, onChange: () => void): HTMLElement {
    const name = `q-${q.id}`;
    const legend = h('legend', {}, q.text);
    if (q.kind === 'free_text') {
      const area = h('textarea', { name, id: name, rows: 3, maxlength: 2000, disabled, oninput: onChange, onblur: () => { void this.autosave.flush(); } });
      area.value = typeof value === 'string' ? value : '';
      this.readers.push(() => ({ questionId: q.id, value: area.value }));
      return h('fieldset', { class: 'question free-text', 'data-question': q.id }, legend, area);
    }
    const multiple = q.kind === 'multiple_choice';
    const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []);
    const inputs = q.options.map((o) => h('input', { type: multiple ? 'checkbox' : 'radio', name, value: o, checked: chosen.has(o), disabled, onchange: onChange }));
    this.readers.push(() => {
      const picked = inputs.filter((i) => i.checked).map((i) => i.value);
      return { questionId: q.id, value: multiple ? picked : picked[0] ?? '' };
    });
    return h('fieldset', { class: `question ${multiple ? 'multiple' : 'single'}`, 'data-question': q.id }, legend,
      ...inputs.map((input, i) => h('label', { class: 'option' }, input, h('span', {}, q.options[i] ?? ''))));
  }
}
