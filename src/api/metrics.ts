import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { TelephonyStatus } from '../telephony/telephony-port';
import type { CallRecordRepository } from '../store/call-record-repository';
import type { LiveSnapshot } from '../dialer/live-snapshot';

const TELEPHONY_STATES: readonly TelephonyStatus[] = ['connecting', 'ready', 'degraded', 'draining'];

export interface MetricsDeps {
  /** The registry of this app (never prom-client's global default one). */
  registry: Registry;
  callRecords: Pick<CallRecordRepository, 'countsByCampaignOutcome'>;
  /** The current telephony status; absent when the process runs no telephony. */
  telephonyStatus?: () => TelephonyStatus;
  /** The live snapshots of the running and paused campaigns (the engine's); absent without an engine. */
  live?: () => Pick<LiveSnapshot, 'campaignId' | 'agentsByState' | 'calls' | 'abandon' | 'dialLevel'>[];
}

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
  new Gauge({
    name: 'dialer_abandon_rate', help: 'Abandoned calls over abandoned plus answered calls, per campaign, over all its call records',
    labelNames: ['campaign'], registers,
    collect() {
      this.reset();
      const byCampaign = new Map<string, { answered: number; abandoned: number }>();
      for (const r of deps.callRecords.countsByCampaignOutcome()) {
        if (r.campaignId === null || (r.outcome !== 'answered' && r.outcome !== 'abandoned')) continue;
        const key = String(r.campaignId);
        const c = byCampaign.get(key) ?? { answered: 0, abandoned: 0 };
        c[r.outcome] += r.count;
        byCampaign.set(key, c);
      }
      for (const [campaign, c] of byCampaign) this.set({ campaign }, c.abandoned / (c.abandoned + c.answered));
    },
  });

  // Live state of the engine, read at scrape time from the same snapshot the supervisor dashboard shows.
  // One reading serves the four gauges of a scrape (cached 500 ms), so the order prom-client collects them in does not matter.
  let cached: { at: number; value: ReturnType<NonNullable<MetricsDeps['live']>> } | undefined;
  const liveNow = () => {
    const at = Date.now();
    if (!cached || at - cached.at > 500) cached = { at, value: deps.live?.() ?? [] };
    return cached.value;
  };
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
