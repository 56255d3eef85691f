import { api } from '../../api.js';
import { h } from '../../dom.js';
import { customFieldsEditor, readCustomFields } from './custom-fields.js';
import { openDialog } from '../dialog.js';
import { checkbox, field, fieldset, readChecked, readOptional, readText, selectInput, textInput } from '../form.js';
import { listEditor, readList } from '../list-editor.js';
import type { Contact, User } from '../types.js';

const tagsOf = (text: string): string[] => text.split(',').map((t) => t.trim()).filter((t) => t !== '');

function contactFields(c: Contact | undefined): HTMLElement[] {
  return [
    h('div', { class: 'grid-2' },
      field('contacts.name', textInput('name', c?.name, { maxlength: 200 })),
      field('contacts.email', textInput('email', c?.email, { type: 'email', maxlength: 254 }))),
    listEditor('phones', c?.phones.map((p) => p.e164) ?? [], {
      title: 'contacts.phones', add: 'contacts.addPhone', remove: 'contacts.removePhone', max: 5, maxlength: 40, inputType: 'tel',
    }),
    field('contacts.address', textInput('address', c?.address, { maxlength: 500 })),
    h('div', { class: 'grid-2' },
      field('contacts.birthday', textInput('birthday', c?.birthday, { maxlength: 30, placeholder: 'YYYY-MM-DD' })),
      field('contacts.tags', textInput('tags', c?.tags.join(', '), { maxlength: 1000 }), 'contacts.tagsHint'),
      field('contacts.stage', textInput('stage', c?.stage, { maxlength: 100 })),
      field('contacts.source', textInput('source', c?.source, { maxlength: 100 })),
      field('contacts.timezone', textInput('timezone', c?.timezone, { maxlength: 64, placeholder: 'Asia/Ho_Chi_Minh' }))),
    customFieldsEditor(c?.customFields ?? {}),
    checkbox('allowSharedPhones', false, 'contacts.allowShared'),
  ];
}

function readContact(form: HTMLFormElement, before: Contact | undefined): Record<string, unknown> {
  return {
    name: readOptional(form, 'name'), phones: readList(form, 'phones'), email: readOptional(form, 'email'),
    address: readOptional(form, 'address'), birthday: readOptional(form, 'birthday'), tags: tagsOf(readText(form, 'tags')),
    stage: readOptional(form, 'stage'), source: readOptional(form, 'source'), timezone: readOptional(form, 'timezone'),
    customFields: readCustomFields(form, before?.customFields ?? {}), allowSharedPhones: readChecked(form, 'allowSharedPhones'),
  };
}

/** Who holds the lead, and "do not contact": separate API calls, made only when they changed. */
function leadFields(c: Contact, agents: User[]): HTMLElement {
  const reason = field('contacts.dncReason', textInput('dncReason', c.doNotContactReason, { maxlength: 500 }));
  const dnc = checkbox('doNotContact', c.doNotContact, 'contacts.doNotContact');
  const box = dnc.querySelector('input')!;
  const show = () => { reason.hidden = !box.checked; };
  box.addEventListener('change', show);
  show();
  return fieldset('contacts.leadAndDnc',
    field('contacts.agent', selectInput('ownerId', [{ value: '', key: 'contacts.pool' }, ...agents.map((a) => ({ value: String(a.id), text: a.displayName }))],
      c.ownerId === null ? '' : String(c.ownerId))),
    dnc, reason);
}

async function saveLeadFields(form: HTMLFormElement, c: Contact): Promise<void> {
  const owner = readText(form, 'ownerId');
  if (owner !== (c.ownerId === null ? '' : String(c.ownerId))) {
    await (owner ? api('POST', `/api/contacts/${c.id}/assign`, { agentId: Number(owner) }) : api('POST', `/api/contacts/${c.id}/unassign`));
  }
  const dnc = readChecked(form, 'doNotContact');
  if (dnc && (!c.doNotContact || readText(form, 'dncReason').trim() !== (c.doNotContactReason ?? ''))) {
    await api('PUT', `/api/contacts/${c.id}/do-not-contact`, { reason: readText(form, 'dncReason').trim() });
  } else if (!dnc && c.doNotContact) {
    await api('DELETE', `/api/contacts/${c.id}/do-not-contact`);
  }
}

/** Creates a contact, or edits one with its lead owner and "do not contact" mark. */
export function openContactDialog(contact: Contact | undefined, agents: User[], onSaved: () => void): void {
  openDialog({
    title: contact ? 'contacts.edit' : 'contacts.new', subject: contact?.name, submit: contact ? 'common.save' : 'common.add',
    body: contact ? [...contactFields(contact), leadFields(contact, agents)] : contactFields(undefined),
    onSubmit: async (form) => {
      const body = readContact(form, contact);
      if (contact) {
        await api('PATCH', `/api/contacts/${contact.id}`, body);
        await saveLeadFields(form, contact);
      } else {
        await api('POST', '/api/contacts', body);
      }
      onSaved();
    },
  });
}
