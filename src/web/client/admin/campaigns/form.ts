import { h } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { modeChoices } from './labels.js';
import { checkbox, field, fieldset, numberInput, readChecked, readCheckedValues, readNumber, readOptional, readText, selectInput, textInput } from '../form.js';
import { ivrEditor, readIvr } from './ivr-editor.js';
import { label } from '../label.js';
import { memberPicker, pickedIds } from '../member-picker.js';
import type { Campaign, CampaignSettings, DialingMode, Group, Script, User } from '../types.js';

export interface CampaignRefs { scripts: Script[]; users: User[]; groups: Group[] }

const DAY_LABELS: MessageKey[] = ['day.1', 'day.2', 'day.3', 'day.4', 'day.5', 'day.6', 'day.7'];

/** ISO instant ⇄ the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const fromLocalInput = (value: string): string | null => (value ? new Date(value).toISOString() : null);

function timeZoneInput(value: string): HTMLElement {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return h('div', {}, textInput('timezone', value, { list: 'time-zones', required: true, maxlength: 64 }),
    h('datalist', { id: 'time-zones' }, ...zones.map((z) => h('option', { value: z }))));
}

/**
 * Shows a block only while a control has one of some values (preview seconds only in preview mode, …).
 * Its controls are disabled while hidden, so an empty required field there does not block the form.
 */
function showWhen(control: HTMLSelectElement, block: HTMLElement, values: string[]): void {
  const update = () => {
    block.hidden = !values.includes(control.value);
    block.querySelectorAll<HTMLInputElement>('input, select, textarea, button').forEach((el) => { el.disabled = block.hidden; });
  };
  control.addEventListener('change', update);
  update();
}

/** From–until on the listed weekdays; "until midnight" stands for the end time 24:00, which a time input cannot hold. */
function callingHours(c: Campaign): HTMLElement {
  const midnight = c.callingHours.end === '24:00';
  const end = textInput('callingHours.end', midnight ? '' : c.callingHours.end, { type: 'time', required: true, disabled: midnight });
  const untilMidnight = checkbox('untilMidnight', midnight, 'hours.untilMidnight');
  const box = untilMidnight.querySelector('input')!;
  box.addEventListener('change', () => { end.disabled = box.checked; });
  return fieldset('campaign.callingHours', h('div', { class: 'grid-3' },
    field('hours.start', textInput('callingHours.start', c.callingHours.start, { type: 'time', required: true })),
    h('div', {}, field('hours.end', end), untilMidnight),
    field('hours.timeZone', timeZoneInput(c.timezone), 'hours.timeZoneHint')),
  h('div', { class: 'days' }, ...DAY_LABELS.map((key, i) => checkbox('callingHours.weekdays', c.callingHours.weekdays.includes(i + 1), key, String(i + 1)))));
}

function people(c: Campaign, refs: CampaignRefs): HTMLElement {
  const name = (u: User) => `${u.displayName} (${u.username})`;
  return fieldset('campaign.people',
    h('div', { class: 'grid-3' },
      h('div', { class: 'field' }, label('campaign.managers'), memberPicker('managerIds', refs.users.filter((u) => u.role !== 'agent').map((u) => ({ id: u.id, text: name(u) })), c.managerIds)),
      h('div', { class: 'field' }, label('campaign.agents'), memberPicker('agentIds', refs.users.filter((u) => u.role === 'agent').map((u) => ({ id: u.id, text: name(u) })), c.agentIds)),
      h('div', { class: 'field' }, label('campaign.groups'), memberPicker('agentGroupIds', refs.groups.map((g) => ({ id: g.id, text: g.name })), c.agentGroupIds))));
}

/** Every setting of a campaign, grouped; controls are named after the server's field paths. */
export function campaignForm(c: Campaign, refs: CampaignRefs): HTMLFormElement {
  const mode = selectInput('dialingMode', modeChoices(), c.dialingMode);
  const scripts = selectInput('scriptId', [{ value: '', key: 'campaign.noScript' }, ...refs.scripts.map((s) => ({ value: String(s.id), text: s.name }))], c.scriptId === null ? '' : String(c.scriptId));
  const preview = field('campaign.previewSeconds', numberInput('previewSeconds', c.previewSeconds, { min: 3, max: 600 }), 'campaign.previewSecondsHint');
  const quotaKind = selectInput('quota.kind', [{ value: 'none', key: 'quota.none' }, { value: 'per_day', key: 'quota.per_day' }, { value: 'per_campaign', key: 'quota.per_campaign' }], c.quota.kind);
  const quotaMin = field('quota.min', numberInput('quota.min', c.quota.min, { min: 0, max: 100000 }));
  const quotaMax = field('quota.max', numberInput('quota.max', c.quota.max, { min: 1, max: 100000 }));
  const machineAction = selectInput('machineAction', [{ value: 'hangup', key: 'machine.hangup' }, { value: 'message', key: 'machine.message' }], c.machineAction);
  const machineMessage = field('campaign.machineMessage', textInput('machineMessage', c.machineMessage, { maxlength: 200, placeholder: 'custom/leave-message' }));
  const predictive = fieldset('campaign.pacing', h('div', { class: 'grid-3' },
    field('campaign.abandonRateTarget', numberInput('abandonRateTarget', Math.round(c.abandonRateTarget * 10000) / 100, { min: 0, max: 20, step: 0.1 }), 'campaign.abandonRateHint'),
    field('campaign.maxLinesPerAgent', numberInput('maxLinesPerAgent', c.maxLinesPerAgent, { min: 1, max: 10, required: true })),
    field('campaign.abandonLockoutHours', numberInput('abandonLockoutHours', c.abandonLockoutHours, { min: 0, max: 720, required: true }))));
  const ivr = fieldset('campaign.ivr', ivrEditor(c.ivr));
  const form = h('form', { class: 'campaign-form', id: 'campaign-form' },
    fieldset('campaign.general', h('div', { class: 'grid-3' },
      field('campaign.name', textInput('name', c.name, { required: true, maxlength: 120 })),
      field('campaign.dialingMode', mode),
      field('campaign.script', scripts),
      field('campaign.callerId', textInput('callerId', c.callerId, { maxlength: 21, pattern: '\\+?[0-9]{2,20}', placeholder: '+84…' })),
      field('campaign.startAt', h('input', { type: 'datetime-local', name: 'startAt', value: toLocalInput(c.startAt) }), 'campaign.localTime'),
      field('campaign.endAt', h('input', { type: 'datetime-local', name: 'endAt', value: toLocalInput(c.endAt) }), 'campaign.localTime')),
      h('div', { class: 'checks' }, checkbox('recordCalls', c.recordCalls, 'campaign.recordCalls'), checkbox('stickyAgent', c.stickyAgent, 'campaign.stickyAgent'))),
    fieldset('campaign.attempts', h('div', { class: 'grid-3' },
      field('campaign.maxAttempts', numberInput('maxAttempts', c.maxAttempts, { min: 1, max: 20, required: true })),
      field('campaign.retryMinutes', numberInput('retryMinutes', c.retryMinutes, { min: 1, max: 43200, required: true })),
      field('campaign.noRecallDays', numberInput('noRecallDays', c.noRecallDays, { min: 0, max: 3650, required: true })),
      field('campaign.wrapUpSeconds', numberInput('wrapUpSeconds', c.wrapUpSeconds, { min: 0, max: 3600, required: true })),
      preview)),
    predictive,
    callingHours(c),
    fieldset('campaign.quota', h('div', { class: 'grid-3' }, field('quota.kind', quotaKind), quotaMin, quotaMax)),
    fieldset('campaign.machine', h('div', { class: 'grid-2' }, field('campaign.machineAction', machineAction), machineMessage)),
    people(c, refs),
    ivr);
  showWhen(mode, preview, ['preview']);
  showWhen(mode, predictive, ['predictive']);
  showWhen(mode, ivr, ['ivr']);
  showWhen(quotaKind, quotaMin, ['per_day', 'per_campaign']);
  showWhen(quotaKind, quotaMax, ['per_day', 'per_campaign']);
  showWhen(machineAction, machineMessage, ['message']);
  return form;
}

/** The complete settings as the form holds them; settings hidden for this mode are sent as unset. */
export function readCampaignForm(form: HTMLFormElement): CampaignSettings {
  const mode = readText(form, 'dialingMode') as DialingMode;
  const quotaKind = readText(form, 'quota.kind') as CampaignSettings['quota']['kind'];
  const machineAction = readText(form, 'machineAction') === 'message' ? 'message' : 'hangup';
  const num = (name: string) => readNumber(form, name) ?? 0;
  const scriptId = readText(form, 'scriptId');
  return {
    name: readText(form, 'name').trim(), dialingMode: mode, scriptId: scriptId ? Number(scriptId) : null,
    startAt: fromLocalInput(readText(form, 'startAt')), endAt: fromLocalInput(readText(form, 'endAt')),
    callerId: readOptional(form, 'callerId'),
    maxAttempts: num('maxAttempts'), retryMinutes: num('retryMinutes'), noRecallDays: num('noRecallDays'), wrapUpSeconds: num('wrapUpSeconds'),
    previewSeconds: mode === 'preview' ? readNumber(form, 'previewSeconds') : null,
    quota: quotaKind === 'none' ? { kind: 'none', min: null, max: null } : { kind: quotaKind, min: readNumber(form, 'quota.min'), max: readNumber(form, 'quota.max') },
    stickyAgent: readChecked(form, 'stickyAgent'), recordCalls: readChecked(form, 'recordCalls'),
    // Shown as a percentage; rounded so 3 % is sent as 0.03, not 0.030000000000000002.
    abandonRateTarget: Math.round(num('abandonRateTarget') * 100) / 10000,
    maxLinesPerAgent: num('maxLinesPerAgent'), abandonLockoutHours: num('abandonLockoutHours'),
    callingHours: {
      start: readText(form, 'callingHours.start'), end: readChecked(form, 'untilMidnight') ? '24:00' : readText(form, 'callingHours.end'),
      weekdays: readCheckedValues(form, 'callingHours.weekdays').map(Number),
    },
    timezone: readText(form, 'timezone').trim(),
    machineAction, machineMessage: machineAction === 'message' ? readOptional(form, 'machineMessage') : null,
    managerIds: pickedIds(form, 'managerIds'), agentIds: pickedIds(form, 'agentIds'), agentGroupIds: pickedIds(form, 'agentGroupIds'),
    ivr: mode === 'ivr' ? readIvr(form) : null,
  };
}
