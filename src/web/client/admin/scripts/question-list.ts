import { h } from '../../dom.js';
import { label, withTitle } from '../label.js';
import { QUESTION_KIND_LABELS } from './question-dialog.js';
import type { ScriptQuestion } from '../types.js';

export interface QuestionListHandlers {
  /** The complete new order of question ids. */
  reorder(ids: number[], focus?: { id: number; button: 'up' | 'down' }): void;
  edit(q: ScriptQuestion): void;
  remove(q: ScriptQuestion): void;
}

/** Moves one id before or after another; the order every other id keeps is unchanged. */
export function moveId(ids: number[], moving: number, target: number, after: boolean): number[] {
  const rest = ids.filter((id) => id !== moving);
  const at = rest.indexOf(target);
  if (at < 0 || moving === target) return ids;
  rest.splice(after ? at + 1 : at, 0, moving);
  return rest;
}

function card(q: ScriptQuestion, index: number, count: number, editable: boolean, on: QuestionListHandlers, ids: number[]): HTMLLIElement {
  const up = withTitle(h('button', { type: 'button', class: 'secondary small', 'data-move': 'up', disabled: index === 0 }, '↑'), 'scripts.moveUp');
  const down = withTitle(h('button', { type: 'button', class: 'secondary small', 'data-move': 'down', disabled: index === count - 1 }, '↓'), 'scripts.moveDown');
  up.addEventListener('click', () => on.reorder(moveId(ids, q.id, ids[index - 1]!, false), { id: q.id, button: index - 1 === 0 ? 'down' : 'up' }));
  down.addEventListener('click', () => on.reorder(moveId(ids, q.id, ids[index + 1]!, true), { id: q.id, button: index + 1 === count - 1 ? 'up' : 'down' }));
  const edit = label('common.edit', 'button', { type: 'button', class: 'secondary small' });
  edit.addEventListener('click', () => on.edit(q));
  const remove = label('common.delete', 'button', { type: 'button', class: 'secondary small' });
  remove.addEventListener('click', () => on.remove(q));
  return h('li', { class: 'question', 'data-question': String(q.id), draggable: editable ? 'true' : undefined },
    editable ? withTitle(h('span', { class: 'handle' }, '⋮⋮'), 'scripts.dragHint') : null,
    h('span', { class: 'number' }, index + 1),
    h('div', { class: 'question-body' },
      label(QUESTION_KIND_LABELS[q.kind], 'span', { class: 'badge info' }),
      h('p', { class: 'question-text' }, q.text),
      q.options.length ? h('ul', { class: 'chips' }, ...q.options.map((o) => h('li', {}, o))) : null),
    editable ? h('div', { class: 'question-tools' }, up, down, edit, remove) : null);
}

/** Wires HTML5 drag and drop on the list: dropping on the upper half of a card puts the question before it. */
function enableDrag(list: HTMLOListElement, ids: number[], on: QuestionListHandlers): void {
  let dragging: number | undefined;
  const clearMarks = () => list.querySelectorAll('.drop-before, .drop-after, .dragging').forEach((el) => el.classList.remove('drop-before', 'drop-after', 'dragging'));
  const target = (ev: DragEvent) => {
    const li = (ev.target as HTMLElement).closest<HTMLLIElement>('li.question');
    if (!li) return undefined;
    const box = li.getBoundingClientRect();
    return { li, id: Number(li.dataset.question), after: ev.clientY > box.top + box.height / 2 };
  };
  list.addEventListener('dragstart', (ev) => {
    const li = (ev.target as HTMLElement).closest<HTMLLIElement>('li.question');
    if (!li || !ev.dataTransfer) return;
    dragging = Number(li.dataset.question);
    ev.dataTransfer.effectAllowed = 'move';
    ev.dataTransfer.setData('text/plain', String(dragging));
    li.classList.add('dragging');
  });
  list.addEventListener('dragover', (ev) => {
    const t = target(ev);
    if (dragging === undefined || !t) return;
    ev.preventDefault();
    list.querySelectorAll('.drop-before, .drop-after').forEach((el) => el.classList.remove('drop-before', 'drop-after'));
    if (t.id !== dragging) t.li.classList.add(t.after ? 'drop-after' : 'drop-before');
  });
  list.addEventListener('drop', (ev) => {
    const t = target(ev);
    ev.preventDefault();
    const moving = dragging;
    dragging = undefined;
    clearMarks();
    if (moving === undefined || !t || t.id === moving) return;
    on.reorder(moveId(ids, moving, t.id, t.after));
  });
  list.addEventListener('dragend', () => { dragging = undefined; clearMarks(); });
}

export function questionList(questions: ScriptQuestion[], editable: boolean, on: QuestionListHandlers): HTMLElement {
  if (questions.length === 0) return label('scripts.noQuestions', 'p', { class: 'empty' });
  const ids = questions.map((q) => q.id);
  const list = h('ol', { class: 'questions', id: 'questions' }, ...questions.map((q, i) => card(q, i, questions.length, editable, on, ids)));
  if (editable) enableDrag(list, ids, on);
  return list;
}
