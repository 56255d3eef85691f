import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { tf } from '../page-format.js';
import type { AgentApp, AgentArea, Change, ShownCustomer } from './app.js';
import type { Contact, CustomerContact, CustomValue } from './types.js';

type TextField = 'name' | 'email' | 'address' | 'birthday';
const TEXT_FIELDS: readonly [TextField, MessageKey, number][] = [
  ['name', 'agent.field.name', 200], ['email', 'agent.field.email', 254], ['address', 'agent.field.address', 500], ['birthday', 'agent.field.birthday', 30],
];
const MAX_PHONES = 3;
const RETRIES = 3;

/**
 * The right area: the details of the customer shown (from the contact), editable while the engine's access
 * rule allows, and in manual mode the choice of the number to call.
 */
export class AgentCustomerArea implements AgentArea {
  readonly root: HTMLElement;
  private readonly title = h('h2', {});
  private readonly numbers = h('div', { class: 'numbers', id: 'number-choice', hidden: true });
  private readonly body = h('div', { class: 'customer-body' });
  private key = '';
  private numbersKey = '';

  constructor(private readonly app: AgentApp) {
    this.root = h('aside', { class: 'panel agent-right', id: 'area-customer' }, h('div', { class: 'area-head' }, this.title), this.numbers, this.body);
    this.title.textContent = t('agent.customer');
    document.addEventListener('languagechange', () => {
      this.title.textContent = t('agent.customer');
      this.key = '';
      this.numbersKey = '';
      this.update(app, new Set(['selection']));
    });
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (!changes.has('selection') && !changes.has('customers') && !changes.has('view') && !changes.has('campaign')) return;
    this.renderNumbers(app);
    const shown = app.shown();
    const key = `${shown?.attemptId ?? '-'}:${shown?.access ?? '-'}`;
    if (key === this.key) return;
    this.key = key;
    void this.render(shown, key);
  }

  /** Manual mode: which of the customer's numbers the next call dials (the engine's list, in its order). */
  private renderNumbers(app: AgentApp): void {
    const v = app.view;
    const phones = v.allowed.chooseNumber && v.customer ? v.customer.phones : [];
    const key = `${v.customer?.attemptId}:${phones.join(',')}`;
    if (key === this.numbersKey) return;
    this.numbersKey = key;
    this.numbers.hidden = phones.length === 0;
    replaceChildren(this.numbers, h('div', { class: 'k' }, t('agent.chooseNumber')),
      ...phones.map((p, i) => h('label', { class: 'option' },
        h('input', { type: 'radio', name: 'call-number', value: i, checked: i === app.phoneIndex, onchange: () => { app.phoneIndex = i; } }),
        h('span', { class: 'phone' }, p))));
  }

  private async render(shown: ShownCustomer | null, key: string, tries = 0): Promise<void> {
    if (!shown) {
      replaceChildren(this.body, h('p', { class: 'muted', id: 'no-customer' }, t('agent.noCustomerInHand')));
      return;
    }
    const found = await api<CustomerContact>('GET', `/api/agent/attempts/${shown.attemptId}/contact`).catch(() => null);
    if (key !== this.key) return;
    if (!found) {
      // What the engine gave is shown meanwhile; the details are asked for again (the hand-over may still be settling).
      replaceChildren(this.body, h('p', { class: 'customer-name', id: 'customer-name' }, shown.name),
        h('ul', { class: 'phones' }, ...shown.phones.map((p) => h('li', { class: 'phone' }, p))));
      if (tries < RETRIES) window.setTimeout(() => { if (key === this.key) void this.render(shown, key, tries + 1); }, 1000 * (tries + 1));
      return;
    }
    this.renderForm(shown, found.contact, found.editable);
  }

  private renderForm(shown: ShownCustomer, c: Contact, editable: boolean): void {
    const form = contactInputs(c, editable);
    const key = this.key;
    const status = h('span', { class: 'save-status', id: 'customer-save-status', role: 'status' });
    const attempts = shown.current ? this.app.view.customer?.attempts : undefined;
    const save = async (ev: Event) => {
      ev.preventDefault();
      const patch = form.patch();
      if (Object.keys(patch).length === 0) return;
      try {
        const res = await api<CustomerContact>('PATCH', `/api/agent/attempts/${shown.attemptId}/contact`, patch);
        if (key !== this.key) return;
        this.renderForm(shown, res.contact, res.editable);
        const done = document.getElementById('customer-save-status');
        if (done) done.textContent = t('agent.detailsSaved');
      } catch (err) {
        this.app.alerts.error(err);
      }
    };
    const kv = (label: MessageKey, value: string) => h('div', { class: 'kv' }, h('span', { class: 'k' }, t(label)), h('span', { class: 'v' }, value));
    replaceChildren(this.body,
      h('p', { class: 'customer-name', id: 'customer-name' }, c.name || c.phones[0]?.e164 || '—'),
      h('form', { class: 'customer-form', id: 'customer-form', onsubmit: (e: Event) => { void save(e); } },
        ...form.elements,
        c.tags.length > 0 && kv('agent.field.tags', c.tags.join(', ')),
        c.stage && kv('agent.field.stage', c.stage),
        attempts !== undefined && kv('agent.field.attempts', String(attempts)),
        editable && h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'btn-save-customer', class: 'secondary' }, t('agent.saveDetails')), status)),
      !shown.current && shown.access === 'manual' && this.callAgain(shown));
  }

  /** An earlier customer in manual access (quota reached or list exhausted): the agent may call them again. */
  private callAgain(shown: ShownCustomer): HTMLElement {
    return h('div', { class: 'call-again', id: 'call-again' },
      h('div', { class: 'k' }, t('agent.callAgain')),
      ...shown.phones.map((phone, i) => h('button', {
        type: 'button', class: 'ok', id: `btn-call-again-${i}`, onclick: () => { void this.app.callEarlier(shown.leadId, i); },
      }, tf('agent.callNumber', { phone }))));
  }
}

/** The contact's editable fields as inputs, and the patch of what the agent changed in them. */
function contactInputs(c: Contact, editable: boolean): { elements: HTMLElement[]; patch: () => Record<string, unknown> } {
  const disabled = !editable;
  const inputs = new Map<TextField, HTMLInputElement>();
  const fields = TEXT_FIELDS.map(([f, label, max]) => {
    const input = h('input', { id: `customer-${f}`, name: f, maxlength: max, disabled, type: f === 'email' ? 'email' : 'text' });
    input.value = c[f] ?? '';
    inputs.set(f, input);
    return h('label', {}, h('span', {}, t(label)), input);
  });
  const phoneInputs = Array.from({ length: Math.min(MAX_PHONES, c.phones.length + (editable ? 1 : 0)) }, (_, i) => {
    const input = h('input', { id: `customer-phone-${i}`, maxlength: 40, disabled, inputmode: 'tel', class: 'phone' });
    input.value = c.phones[i]?.e164 ?? '';
    return input;
  });
  const text = (v: CustomValue) => (v === null ? '' : String(v));
  const custom = Object.entries(c.customFields).map(([k, v]) => {
    const input = h('input', { 'data-field': k, maxlength: 2000, disabled });
    input.value = text(v);
    return { k, v, input, el: h('label', {}, h('span', {}, k), input) };
  });
  const patch = () => {
    const p: Record<string, unknown> = {};
    for (const [f, input] of inputs) if (input.value.trim() !== (c[f] ?? '')) p[f] = input.value.trim() || null;
    const phones = phoneInputs.map((i) => i.value.trim()).filter(Boolean);
    if (phones.join(',') !== c.phones.map((x) => x.e164).join(',')) p.phones = phones;
    // Custom fields are replaced whole: unchanged ones keep their stored type.
    if (custom.some((x) => x.input.value !== text(x.v))) {
      p.customFields = Object.fromEntries(custom.map((x): [string, CustomValue] => [x.k, x.input.value !== text(x.v) ? x.input.value : x.v]));
    }
    return p;
  };
  const elements = [fields[0]!, h('div', { class: 'field' }, h('span', { class: 'k' }, t('agent.field.phones')), ...phoneInputs), ...fields.slice(1), ...custom.map((x) => x.el)];
  return { elements, patch };
}
