import type { Logger } from 'winston';
import type { Config } from '../../config';
import type { Clock } from '../../domain/clock';
import type { Contact } from '../../domain/contact';
import { checkCallingHours } from '../../domain/dialer/calling-hours';
import { isValidTimeZone, localTimeAt } from '../../domain/dialer/local-time';
import { nationalDialString, normalizePhone } from '../../domain/phone-number';
import type { Actor } from '../../domain/roles';
import type { ClickToCallDesk, ClickToCallView } from '../../dialer/click-to-call/click-to-call-desk';
import { DialerError, forbidden } from '../../errors';
import type { ContactCall, ContactCallHistory } from '../../store/calls/contact-call-history';
import type { ContactNote, ContactNoteRepository } from '../../store/calls/contact-note-repository';
import type { UserRepository } from '../../store/user-repository';
import type { ContactService } from '../contact-service';

export interface ClickToCallInput {
  contactId?: number;
  phone: string;
}

/**
 * Click-to-call as the API asks for it: the number read and checked (one of the contact's phones, or typed in),
 * the contact's do-not-contact flag and calling hours (the contact's time zone, else clickToCall.timezone), the
 * agent's ON/OFF switch; the desk then checks the campaign state and the DNC list/blacklist and dials. Closing
 * stores the agent's note on the contact and on the call record.
 */
export class ClickToCallService {
  constructor(
    private readonly contacts: ContactService,
    private readonly notes: ContactNoteRepository,
    private readonly history: ContactCallHistory,
    private readonly users: UserRepository,
    private readonly config: Pick<Config, 'clickToCall' | 'phone'>,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(actor: Actor, desk: ClickToCallDesk, input: ClickToCallInput): ClickToCallView {
    if (actor.role !== 'agent') throw forbidden('only agents place calls');
    const region = this.config.phone.defaultRegion;
    const read = normalizePhone(input.phone, region);
    if (!read.ok) throw new DialerError('E_VALIDATION', read.reason, 'phone');
    const number = read.phone.e164;
    let contact: Contact | null = null;
    if (input.contactId !== undefined) {
      contact = this.contacts.get(actor, input.contactId);
      if (!contact.phones.some((p) => p.e164 === number)) throw new DialerError('E_VALIDATION', 'the number is not one of the contact\'s phones', 'phone');
      if (contact.doNotContact) throw new DialerError('E_CONTACT_DNC', `the contact is marked do not contact${contact.doNotContactReason ? ` (${contact.doNotContactReason})` : ''}: not dialled`, 'contactId');
    }
    this.checkHours(contact?.timezone ?? null);
    const receiving = this.users.get(actor.id)?.leadReceiving ?? false;
    const c = this.config.clickToCall;
    return desk.start({
      agentId: actor.id, receiving, contactId: contact?.id ?? null, contactName: contact?.name ?? null, number,
      dial: c.dialNational ? nationalDialString(number, region) : number,
    });
  }

  private checkHours(contactZone: string | null): void {
    const c = this.config.clickToCall;
    const zone = contactZone && isValidTimeZone(contactZone) ? contactZone : c.timezone;
    const hours = { start: c.callingStart, end: c.callingEnd, weekdays: c.weekdays.split(',').map(Number) };
    const local = localTimeAt(this.clock.now(), zone);
    if (checkCallingHours(hours, local) === 'inside') return;
    const hhmm = `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0')}:${String(local.minuteOfDay % 60).padStart(2, '0')}`;
    throw new DialerError('E_CONFLICT', `outside calling hours: customers may be called ${hours.start}–${hours.end} on days ${c.weekdays}, it is ${hhmm} (day ${local.weekday}) in ${zone}`);
  }

  /** Saves the note (on the contact with agent and call; on the call record only without a contact) and closes the call. */
  close(actor: Actor, desk: Pick<ClickToCallDesk, 'close' | 'closed'>, note: string): { noteId: number | null; callRecordId: number } {
    const { contactId, callRecordId } = desk.close(actor.id);
    const body = note.trim();
    const noteId = body === '' ? null : this.notes.saveCallNote({ contactId, agentId: actor.id, callRecordId, body, at: this.clock.now() });
    desk.closed(actor.id);
    this.log.info('click-to-call closed', { agentId: actor.id, contactId, callRecordId, noted: body !== '' });
    return { noteId, callRecordId };
  }

  notesOf(actor: Actor, contactId: number): ContactNote[] {
    this.contacts.get(actor, contactId);
    return this.notes.forContact(contactId);
  }

  /** The contact's call history: every call record (campaign calls and click-to-calls) with agent, times, cause and note. */
  callsOf(actor: Actor, contactId: number): ContactCall[] {
    this.contacts.get(actor, contactId);
    return this.history.forContact(contactId);
  }
}
