import type { CampaignEntry } from '../domain/campaign-list';
import type { ImportCell } from '../domain/import-mapping';
import type { Actor, UserId } from '../domain/roles';
import { DialerError } from '../errors';
import { csvLine } from '../spreadsheet/csv-line';
import type { CampaignListRepository } from '../store/campaign-list-repository';
import type { ContactRepository } from '../store/contact-repository';
import type { UserRepository } from '../store/user-repository';
import type { CampaignListService } from './campaign-list-service';
import { XLSX_EXPORT_MAX_ROWS, yieldToEvents, type TextSink } from './contact-export-service';
import { writeXlsxOffThread } from './write-xlsx-off-thread';
import { CSV_BOM, XLSX_TYPE, type DownloadFile } from './import-templates';

export const CAMPAIGN_LIST_COLUMNS = [
  'Name', 'Phone', 'Status', 'Attempts', 'Next call at', 'Callback at', 'Last outcome', 'Last disposition', 'Agent', 'Added at',
  'Email', 'Tags', 'Contact ID', 'Entry ID',
];
const PAGE = 1000;

/** A campaign's list with statuses, attempts and dispositions, as CSV (streamed) or .xlsx. */
export class CampaignListExportService {
  constructor(
    private readonly lists: CampaignListService,
    private readonly entries: CampaignListRepository,
    private readonly contacts: ContactRepository,
    private readonly users: UserRepository,
  ) {}

  /** Throws what the export would (permission, unknown campaign) before a streamed answer commits to 200. */
  check(actor: Actor, campaignId: number): void {
    this.lists.list(actor, { campaignId }, { limit: 1, offset: 0 });
  }

  async writeCsv(actor: Actor, campaignId: number, sink: TextSink): Promise<number> {
    this.check(actor, campaignId);
    const agents = this.agentNames();
    await sink.write(CSV_BOM + csvLine(CAMPAIGN_LIST_COLUMNS));
    let count = 0;
    for (let after = 0; ;) {
      const page = this.entries.pageAfter(campaignId, after, PAGE);
      if (page.length === 0) return count;
      await sink.write(this.rows(page, agents).map(csvLine).join(''));
      count += page.length;
      after = page[page.length - 1]!.id;
    }
  }

  async xlsx(actor: Actor, campaignId: number): Promise<DownloadFile> {
    this.check(actor, campaignId);
    const agents = this.agentNames();
    const rows: ImportCell[][] = [CAMPAIGN_LIST_COLUMNS];
    for (let after = 0; ;) {
      const page = this.entries.pageAfter(campaignId, after, PAGE);
      if (page.length === 0) break;
      if (rows.length - 1 + page.length > XLSX_EXPORT_MAX_ROWS) {
        throw new DialerError('E_EXPORT_TOO_LARGE', `the list has more than ${XLSX_EXPORT_MAX_ROWS} entries: export it as CSV`);
      }
      rows.push(...this.rows(page, agents));
      after = page[page.length - 1]!.id;
      await yieldToEvents();
    }
    return { fileName: `campaign-${campaignId}-list.xlsx`, contentType: XLSX_TYPE, body: await writeXlsxOffThread([{ name: 'List', rows }]) };
  }

  private rows(page: CampaignEntry[], agents: ReadonlyMap<UserId, string>): ImportCell[][] {
    const contacts = new Map(this.contacts.getMany(page.map((e) => e.contactId)).map((c) => [c.id, c]));
    return page.map((e) => {
      const c = contacts.get(e.contactId);
      return [
        e.name, e.phone, e.status, e.attempts, e.nextCallAt, e.callbackAt, e.lastOutcome, e.lastDisposition,
        e.agentId === null ? '' : (agents.get(e.agentId) ?? ''), e.addedAt, c?.email ?? null, c?.tags.join(', ') ?? '', e.contactId, e.id,
      ];
    });
  }

  private agentNames(): Map<UserId, string> {
    return new Map(this.users.list().map((u) => [u.id, u.username]));
  }
}
