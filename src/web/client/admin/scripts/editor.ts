import { api } from '../../api.js';
import { append, h, replaceChildren } from '../../dom.js';
import { confirmDialog } from '../dialog.js';
import { clearError, showError } from '../error.js';
import { field, readText, selectInput, textArea, textInput } from '../form.js';
import { label } from '../label.js';
import { memberPicker, pickedIds } from '../member-picker.js';
import { openQuestionDialog } from './question-dialog.js';
import { questionList } from './question-list.js';
import type { AdminContext, Section } from '../router.js';
import { sharingChoices } from './scripts.js';
import { toast } from '../toast.js';
import type { Script, User } from '../types.js';

function settingsForm(script: Script, admins: User[], editable: boolean, onSaved: (s: Script) => void): HTMLFormElement {
  const sharing = selectInput('sharing', sharingChoices(), script.sharing);
  const chosen = h('div', { class: 'field' }, label('scripts.sharedWith'),
    memberPicker('sharedWith', admins.map((a) => ({ id: a.id, text: `${a.displayName} (${a.username})` })), script.sharedWith));
  const showChosen = () => { chosen.hidden = sharing.value !== 'chosen_admins'; };
  sharing.addEventListener('change', showChosen);
  showChosen();
  const error = h('p', { class: 'error', role: 'alert' });
  const save = label('common.save', 'button', { type: 'submit', id: 'script-save' });
  const form = h('form', { class: 'panel', id: 'script-form' },
    h('div', { class: 'grid-2' }, field('scripts.name', textInput('name', script.name, { required: true, maxlength: 120 })), field('scripts.sharing', sharing)),
    chosen,
    field('scripts.guidance', textArea('guidance', script.guidance, { rows: 8, maxlength: 20000 }), 'scripts.guidanceHint'),
    error,
    editable ? h('div', { class: 'form-actions' }, save) : null);
  if (!editable) form.querySelectorAll('input, select, textarea').forEach((el) => { (el as HTMLInputElement).disabled = true; });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearError(error);
    const body = {
      name: readText(form, 'name').trim(), sharing: readText(form, 'sharing'), guidance: readText(form, 'guidance'),
      sharedWith: readText(form, 'sharing') === 'chosen_admins' ? pickedIds(form, 'sharedWith') : [],
    };
    save.disabled = true;
    api<Script>('PATCH', `/api/scripts/${script.id}`, body)
      .then((s) => { toast('common.saved'); onSaved(s); })
      .catch((err: unknown) => showError(error, err, form))
      .finally(() => { save.disabled = false; });
  });
  return form;
}

async function render(root: HTMLElement, params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const id = Number(params.id);
  const [script, { users }] = await Promise.all([api<Script>('GET', `/api/scripts/${id}`), api<{ users: User[] }>('GET', '/api/users')]);
  // Only the creator or an owner may change a script; the server also refuses while an approved campaign uses it.
  const editable = ctx.me.role === 'owner' || script.createdBy === ctx.me.id;
  const admins = users.filter((u) => u.role === 'admin' && u.id !== script.createdBy);
  const title = h('h1', {}, script.name);
  const questionsBox = h('div', {});
  const questionError = h('p', { class: 'error', role: 'alert' });

  const showQuestions = (s: Script, focus?: { id: number; button: 'up' | 'down' }) => {
    replaceChildren(questionsBox, questionList(s.questions, editable, {
      reorder: (ids, f) => {
        clearError(questionError);
        api<Script>('PUT', `/api/scripts/${s.id}/question-order`, { questionIds: ids })
          .then((next) => showQuestions(next, f))
          .catch((err: unknown) => { showError(questionError, err); showQuestions(s); });
      },
      edit: (q) => openQuestionDialog(s, q, (next) => { toast('common.saved'); showQuestions(next); }),
      remove: (q) => confirmDialog('scripts.deleteQuestion', q.text, 'common.delete', async () => {
        showQuestions(await api<Script>('DELETE', `/api/scripts/${s.id}/questions/${q.id}`));
      }),
    }));
    if (focus) questionsBox.querySelector<HTMLButtonElement>(`li[data-question="${focus.id}"] button[data-move=${focus.button}]`)?.focus();
    addQuestion.onclick = () => openQuestionDialog(s, undefined, (next) => { toast('common.saved'); showQuestions(next); });
  };
  const addQuestion = label('scripts.addQuestion', 'button', { type: 'button', id: 'question-add' });
  const remove = label('scripts.delete', 'button', { type: 'button', class: 'secondary' });
  remove.addEventListener('click', () => confirmDialog('scripts.deleteConfirm', script.name, 'common.delete', async () => {
    await api('DELETE', `/api/scripts/${script.id}`);
    ctx.navigate('#/scripts');
  }));

  append(root, [
    h('div', { class: 'view-head' }, label('scripts.title', 'a', { href: '#/scripts', class: 'back' }), h('span', { class: 'sub' }, '/'), title,
      h('span', { class: 'grow' }), editable ? remove : null),
    editable ? null : label('scripts.readOnly', 'p', { class: 'notice' }),
    settingsForm(script, admins, editable, (s) => { title.textContent = s.name; }),
    h('section', { class: 'panel' },
      h('div', { class: 'view-head' }, label('scripts.questions', 'h2'), h('span', { class: 'grow' }), editable ? addQuestion : null),
      editable ? label('scripts.dragHint', 'p', { class: 'hint' }) : null,
      questionError, questionsBox),
  ]);
  showQuestions(script);
}

export const scriptEditorSection: Section = { path: 'scripts/:id', navPath: 'scripts', render };
