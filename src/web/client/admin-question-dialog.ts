import { api } from './api.js';
import { h } from './dom.js';
import type { MessageKey } from './i18n.js';
import { openDialog } from './admin-dialog.js';
import { field, readText, selectInput, textArea } from './admin-form.js';
import { label, withTitle } from './admin-label.js';
import type { QuestionKind, Script, ScriptQuestion } from './admin-types.js';

export const QUESTION_KIND_LABELS: Record<QuestionKind, MessageKey> = {
  free_text: 'scripts.kind.free_text', single_choice: 'scripts.kind.single_choice', multiple_choice: 'scripts.kind.multiple_choice',
};

/** The answers of a choice question: one input each, named options.N so a server error on options.2 marks that one. */
function optionsEditor(initial: string[]): HTMLElement {
  const list = h('ol', { class: 'options-editor' });
  const renumber = () => list.querySelectorAll<HTMLInputElement>('input').forEach((input, i) => { input.name = `options.${i}`; });
  const addRow = (value: string) => {
    const input = h('input', { type: 'text', maxlength: 200, 'data-option': '' });
    input.value = value;
    const remove = withTitle(h('button', { type: 'button', class: 'secondary small' }, '×'), 'scripts.removeOption');
    const row = h('li', {}, input, remove);
    remove.addEventListener('click', () => { row.remove(); renumber(); });
    input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      addRow('');
    });
    list.append(row);
    renumber();
    return input;
  };
  for (const o of initial.length ? initial : ['', '']) addRow(o);
  const add = label('scripts.addOption', 'button', { type: 'button', class: 'secondary small' });
  add.addEventListener('click', () => addRow('').focus());
  return h('div', { class: 'field options-field' }, label('scripts.options'), list, add);
}

/** Adds a question at the end, or changes one; resolves with the script as the server now has it. */
export function openQuestionDialog(script: Script, question: ScriptQuestion | undefined, onSaved: (s: Script) => void): void {
  const kind = selectInput('kind', (Object.keys(QUESTION_KIND_LABELS) as QuestionKind[]).map((k) => ({ value: k, key: QUESTION_KIND_LABELS[k] })), question?.kind ?? 'free_text');
  const options = optionsEditor(question?.options ?? []);
  const showOptions = () => { options.hidden = kind.value === 'free_text'; };
  kind.addEventListener('change', showOptions);
  showOptions();
  openDialog({
    title: question ? 'scripts.editQuestion' : 'scripts.addQuestion', subject: script.name, submit: question ? 'common.save' : 'common.add',
    body: [field('scripts.questionKind', kind), field('scripts.questionText', textArea('text', question?.text, { required: true, maxlength: 1000, rows: 3 })), options],
    onSubmit: async (form) => {
      const k = readText(form, 'kind') as QuestionKind;
      const body = {
        kind: k, text: readText(form, 'text').trim(),
        options: k === 'free_text' ? [] : [...form.querySelectorAll<HTMLInputElement>('input[data-option]')].map((i) => i.value.trim()).filter((v) => v !== ''),
      };
      const saved = question
        ? await api<Script>('PATCH', `/api/scripts/${script.id}/questions/${question.id}`, body)
        : await api<Script>('POST', `/api/scripts/${script.id}/questions`, body);
      onSaved(saved);
    },
  });
}
