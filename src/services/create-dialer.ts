import type { Logger } from 'winston';
import type { Config } from '../config';
import type { Campaign } from '../domain/campaign';
import type { Clock } from '../domain/clock';
import { createSeededRandom, type RandomSource } from '../domain/dialer/seeded-random';
import type { BlockList, LeadStore, Notifier, Timers } from '../dialer/dialer-ports';
import type { DialerTelephony } from '../dialer/dialer-telephony';
import { DialerEngine } from '../dialer/dialer-engine';
import { DEFAULT_DIALER_SETTINGS, type DialerSettings } from '../dialer/engine-deps';
import { LeadRepository } from '../store/lead-repository';
import { inboundDirectoryOf } from './inbound/inbound-directory';
import { normalizePhone } from '../domain/phone-number';
import type { Telephony } from '../telephony/create-telephony';
import type { Services } from './create-services';

/** The engine's view of the telephony built by createTelephony: the runner, the dispatcher and the port. */
export function dialerTelephonyOf(t: Pick<Telephony, 'port' | 'runner' | 'dispatcher'>): DialerTelephony {
  return {
    get status() { return t.port.status; },
    onStatus: (l) => t.port.onStatus(l),
    onOrphans: (l) => t.port.onOrphans(l),
    start: (flow, meta) => t.runner.start(flow, meta),
    hangup: (leg) => t.port.hangup(leg),
    destroyBridge: (bridge) => t.port.destroyBridge(bridge as Parameters<Telephony['port']['destroyBridge']>[0]),
    offerLine: (line) => t.dispatcher.offerLine(line),
    removeLine: (lineId) => t.dispatcher.removeLine(lineId),
    isLineFree: (lineId) => t.dispatcher.freeLines.some((l) => l.lineId === lineId),
  };
}

/** The DNC list and the blacklist (blocked_numbers), as the engine reads them at dial time. */
export function blockListOf(s: Services): BlockList {
  return { check: (e164) => { const r = s.crm.repos.blocks.check(e164); return r.blocked ? r.list : null; } };
}

/** A notifier that drops everything (no WebSocket hub, e.g. tools and some tests). */
export const silentNotifier: Notifier = { toUser: () => undefined, toTopic: () => undefined, isWatched: () => false };

export function dialerSettingsFrom(config: Pick<Config, 'telephony' | 'engine' | 'pacing'> & Partial<Pick<Config, 'clickToCall'>>): DialerSettings {
  const t = config.telephony;
  const d = config.engine;
  const media = (s: string) => s.split(',').map((m) => m.trim()).filter(Boolean);
  return {
    ...DEFAULT_DIALER_SETTINGS,
    ringTimeoutSeconds: t.ringTimeoutSeconds, agentRingTimeoutSeconds: t.agentRingTimeoutSeconds, holdMaxSeconds: t.holdMaxSeconds,
    mohClass: t.mohClass, safeHarborMedia: media(d.safeHarborMedia), ivrMaxLines: d.ivrMaxLines, ivrInvalidMedia: media(d.ivrInvalidMedia),
    pacingIntervalMs: d.pacingIntervalMs, idleRetryMs: d.idleRetrySeconds * 1000, recoveryTimeoutMs: d.recoveryTimeoutSeconds * 1000,
    agentAwayMs: d.agentAwaySeconds * 1000, hopperSize: d.hopperSize, hopperRefreshMs: d.hopperRefreshSeconds * 1000,
    rollingWindowMinutes: config.pacing.rollingWindowMinutes,
    clickToCallCallerId: config.clickToCall?.callerId || undefined,
  };
}

export interface CreateDialerOptions {
  services: Services;
  telephony: DialerTelephony;
  /** Default: the campaign lists in the database. */
  leads?: LeadStore;
  notifier: Notifier;
  clock: Clock;
  timers: Timers;
  log: Logger;
  blocks?: BlockList;
  random?: RandomSource;
  settings?: Partial<DialerSettings>;
}

/** Builds the engine over the process's services and stores (the composition root and tests both use it). */
export function createDialer(o: CreateDialerOptions): DialerEngine {
  const { services: s } = o;
  const active = (): Campaign[] => (['running', 'paused'] as const)
    .flatMap((state) => s.repos.campaigns.list({ state, limit: 10_000, offset: 0, sort: 'id', order: 'asc' }).items);
  return new DialerEngine({
    clock: o.clock, timers: o.timers, log: o.log,
    random: o.random ?? createSeededRandom(Date.now() % 2 ** 32),
    settings: { ...dialerSettingsFrom(s.config), ...o.settings },
    telephony: o.telephony,
    leads: o.leads ?? new LeadRepository(s.db),
    attempts: s.repos.attempts,
    sessions: s.repos.agentSessions,
    records: s.repos.callRecords,
    blocks: o.blocks ?? blockListOf(s),
    callbacks: s.repos.callbackRequests,
    campaigns: {
      get: (id) => s.repos.campaigns.get(id),
      active,
      isAgentAssigned: (campaignId, agentId) => s.repos.campaigns.isAgentAssigned(campaignId, agentId),
      onChange: (l) => s.campaigns.onScheduleChange(l),
    },
    agents: { get: (id) => s.repos.users.get(id) },
    scripts: { get: (id) => s.repos.scripts.get(id) },
    notifier: o.notifier,
    inbound: inboundDirectoryOf(s.db, s.crm.repos.contacts, s.config.phone.defaultRegion, () => o.clock.now()),
    normalizePhone: (raw) => {
      const r = normalizePhone(raw, s.config.phone.defaultRegion);
      return r.ok ? r.phone.e164 : raw;
    },
  });
}
