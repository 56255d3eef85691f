import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { startOfLocalDay } from '../domain/dialer/local-time';
import type { TelephonyStatus } from '../telephony/telephony-port';
import type { CallRecordRepository } from '../store/call-record-repository';
import type { MetricsQueries } from '../store/metrics/metrics-queries';
import type { LiveSnapshot } from '../dialer/live-snapshot';

const IMPORT_RESULTS = ['imported', 'updated', 'duplicate', 'rejected'] as const;
type ImportResult = typeof IMPORT_RESULTS[number];
const TELEPHONY_STATES: readonly TelephonyStatus[] = ['connecting', 'ready', 'degraded', 'draining'];

export interface MetricsDeps {
  /** The registry of this app (never prom-client's global default one). */
  registry: Registry;
  callRecords: Pick<CallRecordRepository, 'countsByCampaignOutcome'>;
  /** The current telephony status; absent when the process runs no telephony. */
  telephonyStatus?: () => TelephonyStatus;
  /** The live snapshots of the running and paused campaigns (the engine's); absent without an engine. */
  live?: () => Pick<LiveSnapshot, 'campaignId' | 'agentsByState' | 'calls' | 'abandon' | 'dialLevel'>[];
  /** Store reads for the histogram, abandon windows, due leads and import rows; absent: those metrics stay empty. */
  queries?: Pick<MetricsQueries, 'maxCallRecordId' | 'callRecordsAfter' | 'outcomesSince' | 'dueLeads' | 'importRows'>;
  /** A campaign's time zone (its "shift" is its local day); UTC when unknown. */
  campaignTimezone?: (campaignId: number) => string | undefined;
  now?: () => Date;
}

/** Answer→bridge buckets in seconds: agent-first connects take tens of ms, customers held for an agent take seconds. */
export const ANSWER_TO_BRIDGE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];
const DAY_MS = 86_400_000;
const CATCH_UP_ROWS = 5000;

export interface DialerMetrics {
  readonly registry: Registry;
  /** Feed every telephony status change here: a return to `ready` after having been ready counts as a reconnect. */
  telephonyStatusChanged(status: TelephonyStatus): void;
}

/**
 * The Prometheus metrics of one app, all named dialer_*. Labels stay bounded: campaign ids and
 * fixed enumerations only, never a phone number or a user. Values that the store or the live
 * state already hold are read at scrape time (collect), so the engine is not instrumented.
 */
export function createMetrics(deps: MetricsDeps): DialerMetrics {
  const registers = [deps.registry];
  collectDefaultMetrics({ register: deps.registry, prefix: 'dialer_' });

  // Live state of the engine, read at scrape time from the same snapshot the supervisor dashboard shows.
  // One reading serves all the live gauges of a scrape (cached 500 ms), so the order prom-client collects them in does not matter.
  let cached: { at: number; value: ReturnType<NonNullable<MetricsDeps['live']>> } | undefined;
  const liveNow = () => {
    const at = Date.now();
    if (!cached || at - cached.at > 500) cached = { at, value: deps.live?.() ?? [] };
    return cached.value;
  };

  new Gauge({
    name: 'dialer_ari_connection_state', help: 'Telephony (ARI) connection state: 1 for the current state, 0 for the others',
    labelNames: ['state'], registers,
    collect() {
      const current = deps.telephonyStatus?.();
      for (const state of TELEPHONY_STATES) this.set({ state }, state === current ? 1 : 0);
    },
  });
  const reconnects = new Counter({
    name: 'dialer_ari_reconnects_total', help: 'Times telephony came back to ready after having been ready before', registers,
  });
  let wasReady = false;
  let readyNow = false;

  // A counter set from the store's totals at each scrape: the call_records table is the one truth,
  // so the value survives restarts and matches the records exactly (it only grows, as call records are never deleted).
  new Counter({
    name: 'dialer_calls_total', help: 'Finished calls by campaign and outcome, from the call records (campaign "none": calls of no campaign; outcome "none": no outcome)',
    labelNames: ['campaign', 'outcome'], registers,
    collect() {
      this.reset();
      for (const r of deps.callRecords.countsByCampaignOutcome()) {
        this.inc({ campaign: r.campaignId === null ? 'none' : String(r.campaignId), outcome: r.outcome ?? 'none' }, r.count);
      }
    },
  });
  const now = deps.now ?? (() => new Date());
  const rate = (abandoned: number, answered: number) => abandoned / (abandoned + answered);
  new Gauge({
    name: 'dialer_abandon_rate',
    help: 'Abandoned calls over abandoned plus answered calls, per campaign, from its call records: window "all" (every record), '
      + '"shift" (since midnight today in the campaign\'s time zone) and "30d" (the last 30 days, rolling; running and paused campaigns only)',
    labelNames: ['campaign', 'window'], registers,
    collect() {
      this.reset();
      for (const s of liveNow()) {
        const campaign = String(s.campaignId);
        const at = now();
        const windows = [
          ['shift', startOfLocalDay(at, deps.campaignTimezone?.(s.campaignId) ?? 'UTC')],
          ['30d', new Date(at.getTime() - 30 * DAY_MS)],
        ] as const;
        for (const [window, since] of windows) {
          const counts = deps.queries?.outcomesSince(s.campaignId, since);
          if (!counts) continue;
          const abandoned = counts.get('abandoned') ?? 0;
          const answered = counts.get('answered') ?? 0;
          if (abandoned + answered > 0) this.set({ campaign, window }, rate(abandoned, answered));
        }
      }
      const byCampaign = new Map<string, { answered: number; abandoned: number }>();
      for (const r of deps.callRecords.countsByCampaignOutcome()) {
        if (r.campaignId === null || (r.outcome !== 'answered' && r.outcome !== 'abandoned')) continue;
        const key = String(r.campaignId);
        const c = byCampaign.get(key) ?? { answered: 0, abandoned: 0 };
        c[r.outcome] += r.count;
        byCampaign.set(key, c);
      }
      for (const [campaign, c] of byCampaign) this.set({ campaign, window: 'all' }, rate(c.abandoned, c.answered));
    },
  });

  // Call records written since this process started, read at each scrape after the last one seen: a
  // histogram is a set of counters, and Prometheus handles their reset when the process restarts.
  let lastRecordId = deps.queries?.maxCallRecordId() ?? 0;
  new Histogram({
    name: 'dialer_answer_to_bridge_seconds',
    help: 'From the customer answering to being connected to an agent, per campaign and call flow, for calls finished since the process started '
      + '(agent-first flows: the connect itself; customer-first: also the wait on hold for a free agent)',
    labelNames: ['campaign', 'flow'], buckets: ANSWER_TO_BRIDGE_BUCKETS, registers,
    collect() {
      for (;;) {
        const rows = deps.queries?.callRecordsAfter(lastRecordId, CATCH_UP_ROWS) ?? [];
        for (const r of rows) {
          lastRecordId = r.id;
          if (r.answerAt === null || r.bridgeAt === null) continue;
          const seconds = Math.max(0, Date.parse(r.bridgeAt) - Date.parse(r.answerAt)) / 1000;
          this.observe({ campaign: r.campaignId === null ? 'none' : String(r.campaignId), flow: r.flow }, seconds);
        }
        if (rows.length < CATCH_UP_ROWS) break;
      }
    },
  });

  // Per job, the rows already counted: a deleted job's rows stay counted, so the counter never goes down.
  const importCounted = new Map<number, Record<ImportResult, number>>();
  new Counter({
    name: 'dialer_import_rows_total', help: 'Rows handled by imports, by kind (contacts, dnc, blacklist) and result; rate() gives rows per second',
    labelNames: ['kind', 'result'], registers,
    collect() {
      for (const job of deps.queries?.importRows() ?? []) {
        const seen = importCounted.get(job.jobId) ?? { imported: 0, updated: 0, duplicate: 0, rejected: 0 };
        for (const result of IMPORT_RESULTS) {
          const delta = job[result] - seen[result];
          if (delta > 0) { this.inc({ kind: job.kind, result }, delta); seen[result] = job[result]; }
        }
        importCounted.set(job.jobId, seen);
      }
    },
  });

  new Gauge({
    name: 'dialer_calls_in_progress', help: 'Calls of a running or paused campaign now: ringing (not answered), waiting (answered, no agent yet), talking (with an agent)',
    labelNames: ['campaign', 'phase'], registers,
    collect() {
      this.reset();
      for (const s of liveNow()) {
        for (const phase of ['ringing', 'waiting', 'talking'] as const) this.set({ campaign: String(s.campaignId), phase }, s.calls[phase]);
      }
    },
  });
  new Gauge({
    name: 'dialer_agents', help: 'Agents joined to a running or paused campaign, by state',
    labelNames: ['campaign', 'state'], registers,
    collect() {
      this.reset();
      for (const s of liveNow()) for (const [state, n] of Object.entries(s.agentsByState)) this.set({ campaign: String(s.campaignId), state }, n);
    },
  });
  new Gauge({
    name: 'dialer_pacing_abandon_rate', help: 'Predictive pacer\'s abandon rate per campaign: window "campaign" (whole campaign), "rolling" (pacing.rollingWindowMinutes), "target" (the campaign\'s ceiling)',
    labelNames: ['campaign', 'window'], registers,
    collect() {
      this.reset();
      for (const s of liveNow()) {
        const campaign = String(s.campaignId);
        this.set({ campaign, window: 'campaign' }, s.abandon.campaignRate);
        this.set({ campaign, window: 'rolling' }, s.abandon.rollingRate);
        this.set({ campaign, window: 'target' }, s.abandon.target);
      }
    },
  });
  new Gauge({
    name: 'dialer_due_leads',
    help: 'Running and paused campaigns: list entries in a callable status whose next call time has come, what lead selection picks from '
      + '(calling hours, the block lists and callback times may still hold some back)',
    labelNames: ['campaign'], registers,
    collect() {
      this.reset();
      if (!deps.queries) return;
      for (const s of liveNow()) this.set({ campaign: String(s.campaignId) }, deps.queries.dueLeads(s.campaignId, now()));
    },
  });
  new Gauge({
    name: 'dialer_dial_level', help: 'Predictive campaigns: lines in use per logged-in agent after the pacer\'s last decision',
    labelNames: ['campaign'], registers,
    collect() {
      this.reset();
      for (const s of liveNow()) if (s.dialLevel !== null) this.set({ campaign: String(s.campaignId) }, s.dialLevel);
    },
  });

  return {
    registry: deps.registry,
    telephonyStatusChanged(status) {
      const ready = status === 'ready';
      if (ready && !readyNow && wasReady) reconnects.inc();
      if (ready) wasReady = true;
      readyNow = ready;
    },
  };
}
