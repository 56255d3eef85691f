import { api } from '../../api.js';
import type { MessageKey } from '../../i18n.js';
import { openDialog } from '../dialog.js';
import { field, readText, selectInput, textArea } from '../form.js';
import { listEditor, readList } from '../list-editor.js';
import type { QuestionKind, Script, ScriptQuestion } from '../types.js';

export const QUESTION_KIND_LABELS: Record<QuestionKind, MessageKey> = {
  free_text: 'scripts.kind.free_text', single_choice: 'scripts.kind.single_choice', multiple_choice: 'scripts.kind.multiple_choice',
};

/** Adds a question at the end, or changes one; resolves with the script as the server now has it. */
export function openQuestionDialog(script: Script, question: ScriptQuestion | undefined, onSaved: (s: Script) => void): void {
  const kind = selectInput('kind', (Object.keys(QUESTION_KIND_LABELS) as QuestionKind[]).map((k) => ({ value: k, key: QUESTION_KIND_LABELS[k] })), question?.kind ?? 'free_text');
  const options = listEditor('options', question?.options ?? [], {
    title: 'scripts.options', add: 'scripts.addOption', remove: 'scripts.removeOption', max: 50, maxlength: 200, blankRows: 2,
  });
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
        options: k === 'free_text' ? [] : readList(form, 'options'),
      };
      const saved = question
        ? await api<Script>('PATCH', `/api/scripts/${script.id}/questions/${question.id}`, body)
        : await api<Script>('POST', `/api/scripts/${script.id}/questions`, body);
      onSaved(saved);
    },
  });
}
