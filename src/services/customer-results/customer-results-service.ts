import { canSeeCampaignPerformance } from '../../domain/agent-performance/agent-performance-access';
import { localDayStart, nextDateKey } from '../../domain/agent-performance/local-day-span';
import type { CallOutcome } from '../../domain/call-outcome';
import type { ContactStatus } from '../../domain/contact-status';
import { answerText, latestAnswers, type AnswerColumn, type CustomerResult, type CustomerSort } from '../../domain/customer-results/customer-result';
import type { Disposition } from '../../domain/disposition';
import type { Actor } from '../../domain/roles';
import { DialerError, forbidden, notFound } from '../../errors';
import type { ReportCampaignRow } from '../../store/agent-performance/agent-performance-repository';
import type {
  AttemptRow, CustomerCursor, CustomerFilter, CustomerOrder, CustomerResultsRepository, CustomerRow, HistoryCallRow,
} from '../../store/customer-results/customer-results-repository';

export interface CustomerQuery {
  campaignId: number;
  status?: ContactStatus;
  disposition?: Disposition;
  agentId?: number;
  /** Local days (YYYY-MM-DD) of the campaign's time zone, both included: the last call was dialled in them. */
  from?: string;
  to?: string;
  sort: CustomerSort;
  order: 'asc' | 'desc';
}

export interface CustomerPage {
  campaignId: number;
  campaignName: string;
  columns: AnswerColumn[];
  /** Contacts per status under the other filters (the status filter left out). */
  byStatus: Partial<Record<ContactStatus, number>>;
  items: CustomerResult[];
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
}

/** A checked export: what it reads, fixed (and permission-checked) before the download commits to 200. */
export interface CustomerPlan { filter: CustomerFilter; order: CustomerOrder; columns: AnswerColumn[]; campaignName: string }

export interface HistoryAttempt extends AttemptRow {
  answers: Array<{ questionId: number; question: string | null; value: string }>;
}
export interface HistoryCall extends HistoryCallRow { hasRecording: boolean }

export interface CustomerHistory {
  customer: CustomerResult;
  campaignId: number;
  campaignName: string;
  columns: AnswerColumn[];
  attempts: HistoryAttempt[];
  calls: HistoryCall[];
}

export const CUSTOMER_COUNT_CAP = 10_000;
const EXPORT_PAGE = 1000;

export interface CampaignSource { campaigns(): ReportCampaignRow[] }

/** The customer results report (issue 14 item 2), with the permission rules of every report (item 5). */
export class CustomerResultsService {
  constructor(private readonly repo: CustomerResultsRepository, private readonly campaignSource: CampaignSource) {}

  page(actor: Actor, q: CustomerQuery, limit: number, offset: number): CustomerPage {
    const plan = this.plan(actor, q);
    const { items, total, totalExact } = this.repo.page(plan.filter, plan.order, limit, offset, CUSTOMER_COUNT_CAP);
    return {
      campaignId: q.campaignId, campaignName: plan.campaignName, columns: plan.columns, byStatus: this.repo.statusCounts(plan.filter),
      items: this.complete(q.campaignId, plan.columns, items), total, totalExact, limit, offset,
    };
  }

  /** Checks the query (permissions, range) and fixes what the export reads. */
  plan(actor: Actor, q: CustomerQuery): CustomerPlan {
    const c = this.visibleCampaign(actor, q.campaignId);
    let lastCall: CustomerFilter['lastCall'];
    if (q.from !== undefined || q.to !== undefined) {
      const from = q.from ?? '1970-01-01';
      const to = q.to ?? '9999-12-30';
      if (to < from) throw new DialerError('E_VALIDATION', 'to must not be before from', 'to');
      lastCall = { startIso: localDayStart(from, c.timezone).toISOString(), endIso: localDayStart(nextDateKey(to), c.timezone).toISOString() };
    }
    return {
      filter: { campaignId: c.id, status: q.status, disposition: q.disposition, agentId: q.agentId, lastCall },
      order: { sort: q.sort, order: q.order }, columns: this.repo.questions(c.id), campaignName: c.name,
    };
  }

  /** The rows of a checked export, a thousand at a time, in the report's order (keyset, so batch N costs what batch 1 does). */
  async *exportBatches(plan: CustomerPlan): AsyncGenerator<CustomerResult[]> {
    let cursor: CustomerCursor | null = null;
    for (;;) {
      const { rows, next } = this.repo.after(plan.filter, plan.order, cursor, EXPORT_PAGE);
      if (rows.length > 0) yield this.complete(plan.filter.campaignId, plan.columns, rows);
      if (!next) return;
      cursor = next;
    }
  }

  /** Every attempt and call of one entry of a campaign the user may see. */
  history(actor: Actor, entryId: number): CustomerHistory {
    const e = this.repo.entry(entryId);
    if (!e) throw notFound('campaign list entry', entryId);
    const c = this.visibleCampaign(actor, e.campaignId);
    const columns = this.repo.questions(c.id);
    const text = new Map(columns.map((x) => [x.questionId, x.text]));
    const { attempts, answers } = this.repo.attempts(c.id, entryId);
    const byAttempt = new Map<number, HistoryAttempt['answers']>();
    for (const a of answers) {
      const value = answerText(a.value);
      if (value !== '') byAttempt.set(a.attemptId, [...(byAttempt.get(a.attemptId) ?? []), { questionId: a.questionId, question: text.get(a.questionId) ?? null, value }]);
    }
    return {
      customer: this.complete(c.id, columns, [e])[0]!, campaignId: c.id, campaignName: c.name, columns,
      attempts: attempts.map((a) => ({ ...a, answers: byAttempt.get(a.id) ?? [] })),
      calls: this.repo.calls(c.id, entryId).map((r) => ({ ...r, hasRecording: r.recordingName !== null })),
    };
  }

  /** The campaign, when the user may see its reports: 404 when there is none, 403 for an admin's foreign campaign. */
  private visibleCampaign(actor: Actor, campaignId: number): ReportCampaignRow {
    const c = this.campaignSource.campaigns().find((x) => x.id === campaignId);
    if (!c) throw notFound('campaign', campaignId);
    if (!canSeeCampaignPerformance(actor, c)) throw forbidden('you may not see the reports of this campaign');
    return c;
  }

  /** Rows with their phones and latest answers. */
  private complete(campaignId: number, columns: AnswerColumn[], rows: CustomerRow[]): CustomerResult[] {
    const phones = this.repo.phones([...new Set(rows.map((r) => r.contactId))]);
    const answers = columns.length === 0 ? new Map<number, Record<string, string>>()
      : latestAnswers(this.repo.answers(campaignId, rows.map((r) => r.entryId)), new Set(columns.map((c) => c.questionId)));
    return rows.map(({ nameKey: _key, ...r }) => ({
      ...r, lastOutcome: r.lastOutcome as CallOutcome | null, phones: phones.get(r.contactId) ?? [r.phone], answers: answers.get(r.entryId) ?? {},
    }));
  }
}
