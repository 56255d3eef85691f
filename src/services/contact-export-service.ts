import type { Contact } from '../domain/contact';
import { canManageContactLists } from '../domain/contact-permissions';
import type { ImportCell } from '../domain/import-mapping';
import type { Actor, UserId } from '../domain/roles';
import { DialerError, forbidden } from '../errors';
import { csvLine } from '../spreadsheet/csv-line';
import type { ContactRepository } from '../store/contact-repository';
import type { ContactSearch } from '../store/contact-search';
import type { UserRepository } from '../store/user-repository';
import type { ContactQuery, ContactService } from './contact-service';
import { CONTACT_COLUMNS, CSV_BOM, XLSX_TYPE, type DownloadFile } from './import-templates';
import { writeXlsxOffThread } from './write-xlsx-off-thread';

/** SheetJS builds a workbook in memory: past this many rows, export CSV (streamed) instead. */
export const XLSX_EXPORT_MAX_ROWS = 100_000;
const PAGE = 1000;

export const CONTACT_EXPORT_COLUMNS = [...CONTACT_COLUMNS, 'ID', 'Do not contact', 'Do not contact reason', 'Created at', 'Custom fields'];

/** Lets waiting I/O (call events, requests) run between two pages of a long export. */
export const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A sink that may ask the writer to wait (HTTP backpressure). */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

/** Contact exports in the import template's columns, so an export can be imported back. */
export class ContactExportService {
  constructor(
    private readonly contactService: ContactService,
    private readonly contacts: ContactRepository,
    private readonly search: ContactSearch,
    private readonly users: UserRepository,
  ) {}

  /** Streams every matching contact as CSV, a page of 1,000 at a time; returns the number of rows. */
  async writeCsv(actor: Actor, query: ContactQuery, sink: TextSink): Promise<number> {
    const filter = this.allowed(actor, query);
    const agentNames = this.agentNames();
    await sink.write(CSV_BOM + csvLine(CONTACT_EXPORT_COLUMNS));
    let after = 0;
    let count = 0;
    for (;;) {
      const ids = this.search.idsAfter(filter, after, PAGE);
      if (ids.length === 0) return count;
      await sink.write(this.contacts.getMany(ids).map((c) => csvLine(exportRow(c, agentNames))).join(''));
      count += ids.length;
      after = ids[ids.length - 1]!;
    }
  }

  /** Up to XLSX_EXPORT_MAX_ROWS contacts as .xlsx: read a page at a time (letting calls through between pages), built off-thread. */
  async xlsx(actor: Actor, query: ContactQuery): Promise<DownloadFile> {
    const filter = this.allowed(actor, query);
    const agentNames = this.agentNames();
    const rows: ImportCell[][] = [CONTACT_EXPORT_COLUMNS];
    for (let after = 0; ;) {
      const ids = this.search.idsAfter(filter, after, PAGE);
      if (ids.length === 0) break;
      if (rows.length - 1 + ids.length > XLSX_EXPORT_MAX_ROWS) {
        throw new DialerError('E_EXPORT_TOO_LARGE', `more than ${XLSX_EXPORT_MAX_ROWS} contacts match: export them as CSV or narrow the filter`);
      }
      for (const c of this.contacts.getMany(ids)) rows.push(exportRow(c, agentNames));
      after = ids[ids.length - 1]!;
      await yieldToEvents();
    }
    return { fileName: 'contacts.xlsx', contentType: XLSX_TYPE, body: await writeXlsxOffThread([{ name: 'Contacts', rows }]) };
  }

  /** Throws what an export would (permission, bad filter) before a streamed answer commits to 200. */
  checkAllowed(actor: Actor, query: ContactQuery): void {
    this.allowed(actor, query);
  }

  private allowed(actor: Actor, query: ContactQuery) {
    if (!canManageContactLists(actor)) throw forbidden('only owners and admins export contacts');
    return this.contactService.resolveFilter(actor, query);
  }

  private agentNames(): Map<UserId, string> {
    return new Map(this.users.list().map((u) => [u.id, u.username]));
  }
}

function exportRow(c: Contact, agents: ReadonlyMap<UserId, string>): ImportCell[] {
  const custom = Object.keys(c.customFields).length ? JSON.stringify(c.customFields) : '';
  return [
    c.name, c.phones[0]?.e164 ?? '', c.phones[1]?.e164 ?? '', c.phones[2]?.e164 ?? '', c.email, c.address, c.birthday, c.tags.join(', '),
    c.stage, c.source, c.timezone, c.ownerId === null ? '' : (agents.get(c.ownerId) ?? ''), c.id, c.doNotContact ? 'yes' : '',
    c.doNotContactReason, c.createdAt, custom,
  ];
}
