import { h } from '../../dom.js';
import { field, numberInput, readNumber, readText, selectInput, textInput } from '../form.js';
import { label, withTitle } from '../label.js';
import type { IvrConfig, IvrDigit, IvrStep } from '../types.js';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'];

/** Control names follow the server's field paths (ivr.steps.2.sound) so a refusal marks the right input. */
function stepRow(step: IvrStep, i: number): HTMLElement {
  const p = `ivr.steps.${i}.`;
  const kind = selectInput(`${p}kind`, [{ value: 'prompt', key: 'ivr.kind.prompt' }, { value: 'question', key: 'ivr.kind.question' }], step.kind);
  const questionOnly = h('div', { class: 'grid-3' },
    field('ivr.validDigits', textInput(`${p}validDigits`, (step.validDigits ?? []).join(' '), { maxlength: 40, placeholder: '1 2 3' })),
    field('ivr.timeoutSeconds', numberInput(`${p}timeoutSeconds`, step.timeoutSeconds, { min: 1, max: 60 })),
    field('ivr.retries', numberInput(`${p}retries`, step.retries, { min: 0, max: 5 })),
    field('ivr.invalidSound', textInput(`${p}invalidSound`, step.invalidSound, { maxlength: 200 })));
  const show = () => { questionOnly.hidden = kind.value !== 'question'; };
  kind.addEventListener('change', show);
  show();
  const remove = withTitle(h('button', { type: 'button', class: 'secondary small', 'data-ivr-remove': '' }, '×'), 'ivr.removeStep');
  return h('li', { class: 'ivr-step', 'data-step': '' },
    h('div', { class: 'grid-3' },
      field('ivr.stepId', textInput(`${p}id`, step.id, { maxlength: 40, required: true, pattern: '[a-z0-9_\\-]{1,40}' })),
      field('ivr.stepKind', kind),
      field('ivr.sound', textInput(`${p}sound`, step.sound, { maxlength: 200, required: true, placeholder: 'custom/welcome' }))),
    questionOnly, remove);
}

/** The steps an IVR campaign plays, the key that reaches an agent, and the goodbye sound. */
export function ivrEditor(ivr: IvrConfig | null): HTMLElement {
  const steps = h('ol', { class: 'ivr-steps' });
  const renumber = () => {
    steps.querySelectorAll<HTMLElement>('li[data-step]').forEach((li, i) => {
      li.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name^="ivr.steps."]').forEach((el) => {
        el.name = el.name.replace(/^ivr\.steps\.\d+\./, `ivr.steps.${i}.`);
      });
    });
  };
  const add = (step: IvrStep) => {
    const row = stepRow(step, steps.children.length);
    row.querySelector('[data-ivr-remove]')?.addEventListener('click', () => { row.remove(); renumber(); });
    steps.append(row);
  };
  for (const s of ivr?.steps ?? [{ id: 'welcome', kind: 'prompt', sound: '' } satisfies IvrStep]) add(s);
  const addButton = label('ivr.addStep', 'button', { type: 'button', class: 'secondary small' });
  addButton.addEventListener('click', () => add({ id: `step${steps.children.length + 1}`, kind: 'question', sound: '' }));
  return h('div', { class: 'ivr-editor' }, steps, addButton,
    h('div', { class: 'grid-3' },
      field('ivr.transferDigit', selectInput('ivr.agentTransfer.digit', [{ value: '', key: 'ivr.noTransfer' }, ...DIGITS.map((d) => ({ value: d, text: d }))], ivr?.agentTransfer?.digit ?? '')),
      field('ivr.transferSound', textInput('ivr.agentTransfer.sound', ivr?.agentTransfer?.sound, { maxlength: 200 })),
      field('ivr.goodbyeSound', textInput('ivr.goodbyeSound', ivr?.goodbyeSound, { maxlength: 200 }))));
}

const optionalText = (form: HTMLFormElement, name: string): string | undefined => readText(form, name).trim() || undefined;
const optionalNumber = (form: HTMLFormElement, name: string): number | undefined => readNumber(form, name) ?? undefined;

export function readIvr(form: HTMLFormElement): IvrConfig {
  const count = form.querySelectorAll('.ivr-steps li[data-step]').length;
  const steps: IvrStep[] = [];
  for (let i = 0; i < count; i++) {
    const p = `ivr.steps.${i}.`;
    const kind = readText(form, `${p}kind`) === 'question' ? 'question' : 'prompt';
    const step: IvrStep = { id: readText(form, `${p}id`).trim(), kind, sound: readText(form, `${p}sound`).trim() };
    if (kind === 'question') {
      // What was typed goes as typed: the server names the field when a character is not a keypad digit.
      step.validDigits = [...readText(form, `${p}validDigits`).replace(/[\s,;]/g, '')] as IvrDigit[];
      step.timeoutSeconds = optionalNumber(form, `${p}timeoutSeconds`);
      step.retries = optionalNumber(form, `${p}retries`);
      step.invalidSound = optionalText(form, `${p}invalidSound`);
    }
    steps.push(step);
  }
  const digit = readText(form, 'ivr.agentTransfer.digit') as IvrDigit | '';
  const transferSound = optionalText(form, 'ivr.agentTransfer.sound');
  // Unset optional fields stay undefined: JSON.stringify leaves them out of the request.
  return { steps, agentTransfer: digit ? { digit, sound: transferSound } : null, goodbyeSound: optionalText(form, 'ivr.goodbyeSound') };
}
