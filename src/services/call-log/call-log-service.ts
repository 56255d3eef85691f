import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { canSeeCampaignPerformance } from '../../domain/agent-performance/agent-performance-access';
import { dateKeysBetween, localDayStart, nextDateKey } from '../../domain/agent-performance/local-day-span';
import type { CallOutcome } from '../../domain/call-outcome';
import { canSeeCall } from '../../domain/call-log/call-log-access';
import { callLogEntry, type CallLogEntry } from '../../domain/call-log/call-log-entry';
import { answerRateByHour, causeCounts, offsetSegments, talkHistogram, type CallStats } from '../../domain/call-log/call-stats';
import type { Actor } from '../../domain/roles';
import { DialerError, forbidden, notFound } from '../../errors';
import type { ReportCampaignRow } from '../../store/agent-performance/agent-performance-repository';
import type { CallLogCursor, CallLogFilter, CallLogRepository, CallLogWindow, HourShift } from '../../store/call-log/call-log-repository';

export interface CallLogQuery {
  /** Local days (YYYY-MM-DD), both included: each call's campaign's time zone, UTC for calls of no campaign. */
  from: string;
  to: string;
  campaignId?: number;
  agentId?: number;
  outcome?: CallOutcome;
  cause?: number;
  /** Part of the dialled number, as typed (spaces, a leading 0 or +84 allowed). */
  number?: string;
}

export interface CallLogPage {
  items: CallLogEntry[];
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
}

/** A checked export: the filter it reads, built (and permission-checked) before the download commits to 200. */
export interface CallLogPlan { filter: CallLogFilter }

export interface RecordingFile { path: string; fileName: string }

export const MAX_CALL_LOG_DAYS = 366;
/** The log counts matching calls up to this many; the stats count them all. */
export const CALL_LOG_COUNT_CAP = 10_000;
const EXPORT_PAGE = 1000;
/** Asterisk's own recording names (ARI refuses others): no path separators, so never a way out of the directory. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export interface CampaignSource { campaigns(): ReportCampaignRow[] }

/** The call log and call statistics (issue 14 item 4) with the permission rules of every report (item 5). */
export class CallLogService {
  constructor(private readonly repo: CallLogRepository, private readonly campaignSource: CampaignSource, private readonly recordingDir: string) {}

  page(actor: Actor, q: CallLogQuery, limit: number, offset: number): CallLogPage {
    const { items, total, totalExact } = this.repo.page(this.filter(actor, q).filter, limit, offset, CALL_LOG_COUNT_CAP);
    return { items: items.map(callLogEntry), total, totalExact, limit, offset };
  }

  stats(actor: Actor, q: CallLogQuery): CallStats {
    const { filter, shifts } = this.filter(actor, q);
    const groups = this.repo.outcomeGroups(filter);
    const sum = (k: 'calls' | 'dialled' | 'answered' | 'bridged' | 'talkMs') => groups.reduce((s, g) => s + g[k], 0);
    const outcomes: Record<string, number> = {};
    const causes = new Map<number | null, number>();
    const buckets = new Map<number, number>();
    for (const g of groups) {
      const o = g.outcome ?? 'none';
      outcomes[o] = (outcomes[o] ?? 0) + g.calls;
      causes.set(g.cause, (causes.get(g.cause) ?? 0) + g.calls);
      if (g.talkBucket !== null) buckets.set(g.talkBucket, (buckets.get(g.talkBucket) ?? 0) + g.calls);
    }
    const [dialled, answered, bridged, talkMs] = [sum('dialled'), sum('answered'), sum('bridged'), sum('talkMs')];
    return {
      calls: sum('calls'), dialled, answered, bridged, answerRate: dialled > 0 ? answered / dialled : null,
      talkMs, avgTalkMs: bridged > 0 ? Math.round(talkMs / bridged) : null, outcomes,
      byHour: answerRateByHour(this.repo.dialGroups(filter, shifts())),
      talkHistogram: talkHistogram(buckets),
      causes: causeCounts([...causes.entries()].map(([cause, calls]) => ({ cause, calls }))),
    };
  }

  /** Checks the query (permissions, range) and fixes what the export reads. */
  planExport(actor: Actor, q: CallLogQuery): CallLogPlan {
    return { filter: this.filter(actor, q).filter };
  }

  /** The calls of a checked export, a thousand at a time, newest first (keyset, so page N costs what page 1 does). */
  async *exportBatches(plan: CallLogPlan): AsyncGenerator<CallLogEntry[]> {
    let cursor: CallLogCursor | null = null;
    for (;;) {
      const rows = this.repo.after(plan.filter, cursor, EXPORT_PAGE);
      if (rows.length === 0) return;
      yield rows.map(callLogEntry);
      const last = rows[rows.length - 1]!;
      cursor = { endAt: last.endAt, id: last.id };
    }
  }

  /** The recording of a call the user may see: its file in Asterisk's recording directory, named by the call record only. */
  async recording(actor: Actor, id: number): Promise<RecordingFile> {
    const call = this.repo.get(id);
    if (!call) throw notFound('call', id);
    const campaign = call.campaignId === null ? undefined : this.campaignSource.campaigns().find((c) => c.id === call.campaignId);
    if (!canSeeCall(actor, call, campaign)) throw forbidden('you may not see this call');
    if (!call.recordingName) throw new DialerError('E_NOT_FOUND', `call ${id} was not recorded`);
    if (!SAFE_NAME.test(call.recordingName)) throw new DialerError('E_RECORDING_GONE', `the recording of call ${id} has a name the dialer does not serve`);
    const file = path.join(path.resolve(this.recordingDir), `${call.recordingName}.wav`);
    try {
      await access(file, constants.R_OK);
    } catch {
      throw new DialerError('E_RECORDING_GONE', `the recording of call ${id} (${call.recordingName}.wav) is not in the recording directory: it may have been moved or deleted`);
    }
    return { path: file, fileName: `call-${id}-${call.recordingName}.wav` };
  }

  /**
   * The filter of a query for this user. The range is read per time zone: each campaign's calls from local
   * midnight of `from` to local midnight after `to` in that campaign's zone, calls of no campaign in UTC.
   */
  private filter(actor: Actor, q: CallLogQuery): { filter: CallLogFilter; shifts: () => HourShift[] } {
    if (q.to < q.from) throw new DialerError('E_VALIDATION', 'to must not be before from', 'to');
    if (dateKeysBetween(q.from, q.to).length > MAX_CALL_LOG_DAYS) throw new DialerError('E_VALIDATION', `a report covers at most ${MAX_CALL_LOG_DAYS} days`, 'to');
    if (actor.role === 'agent' && q.agentId !== undefined && q.agentId !== actor.id) {
      throw new DialerError('E_FORBIDDEN', 'an agent sees only their own calls', 'agentId');
    }
    const all = this.campaignSource.campaigns();
    const byId = new Map(all.map((c) => [c.id, c]));
    let scope: ReportCampaignRow[];
    let noCampaign: boolean;
    if (q.campaignId !== undefined) {
      const c = byId.get(q.campaignId);
      if (!c) throw notFound('campaign', q.campaignId);
      if (actor.role === 'admin' && !canSeeCampaignPerformance(actor, c)) throw forbidden('you may not see the reports of this campaign');
      scope = [c];
      noCampaign = false;
    } else {
      scope = actor.role === 'admin' ? all.filter((c) => canSeeCampaignPerformance(actor, c)) : all;
      noCampaign = actor.role !== 'admin';
    }
    const endKey = nextDateKey(q.to);
    const byTz = new Map<string, number[]>();
    for (const c of scope) byTz.set(c.timezone, [...(byTz.get(c.timezone) ?? []), c.id]);
    const windows: CallLogWindow[] = [...byTz.entries()].map(([tz, ids]) => ({
      campaignIds: ids, startIso: localDayStart(q.from, tz).toISOString(), endIso: localDayStart(endKey, tz).toISOString(),
    }));
    if (noCampaign) windows.push({ campaignIds: 'none', startIso: `${q.from}T00:00:00.000Z`, endIso: `${endKey}T00:00:00.000Z` });
    const DAY = 86_400_000;
    const shifts = (): HourShift[] => [
      ...[...byTz.entries()].map(([tz, ids]) => ({
        campaignIds: ids, segments: offsetSegments(tz, localDayStart(q.from, tz).getTime() - DAY, localDayStart(endKey, tz).getTime()),
      })),
      ...(noCampaign ? [{ campaignIds: 'none' as const, segments: [{ fromMs: null, toMs: null, offsetMinutes: 0 }] }] : []),
    ];
    const digits = q.number === undefined ? undefined : q.number.replace(/\D/g, '').replace(/^0+/, '');
    return {
      filter: {
        windows, agentId: actor.role === 'agent' ? actor.id : q.agentId, outcome: q.outcome, cause: q.cause,
        digits: digits === '' ? undefined : digits,
      },
      shifts,
    };
  }
}
