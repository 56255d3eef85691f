import type { InboundDirectory } from './inbound/inbound-desk';
import type { Logger } from 'winston';
import type { Clock } from '../domain/clock';
import type { RandomSource } from '../domain/dialer/seeded-random';
import type {
  AgentDirectory, AgentSessionStore, AttemptStore, BlockList, CallbackRequestQueue, CallRecordStore, CampaignSource, LeadStore,
  Notifier, ScriptSource, Timers,
} from './dialer-ports';
import type { DialerTelephony } from './dialer-telephony';

/** Engine settings that come from the configuration (see `dialer.*` and `telephony.*` in src/config.ts). */
export interface DialerSettings {
  ringTimeoutSeconds: number;
  agentRingTimeoutSeconds: number;
  holdMaxSeconds: number;
  mohClass: string;
  safeHarborMedia: string[];
  ivrMaxLines: number;
  ivrInvalidMedia: string[];
  /** Predictive: how often the pacer looks again when no event asked it to. */
  pacingIntervalMs: number;
  /** How long a ready agent with nothing to call waits before the list is read again (at most). */
  idleRetryMs: number;
  /** After a restart, how long dialling attempts wait for telephony before they are settled without it. */
  recoveryTimeoutMs: number;
  /** Predictive: the rolling window the abandon rate is held over (besides the whole campaign). */
  rollingWindowMinutes: number;
  /** An agent whose page stayed disconnected this long leaves their campaign (once off the phone). */
  agentAwayMs: number;
  /** Leads a campaign's hopper reads ahead of the call path; 0 reads the list on every claim. */
  hopperSize: number;
  /** Hopper contents older than this are read again before a pick. */
  hopperRefreshMs: number;
  /** Caller ID of click-to-calls (clickToCall.callerId); unset: the trunk's default. */
  clickToCallCallerId?: string;
}

export const DEFAULT_DIALER_SETTINGS: DialerSettings = {
  ringTimeoutSeconds: 15, agentRingTimeoutSeconds: 20, holdMaxSeconds: 2, mohClass: 'default',
  safeHarborMedia: ['sound:dialer-safe-harbor'], ivrMaxLines: 10, ivrInvalidMedia: ['sound:dialer-invalid-choice'],
  pacingIntervalMs: 1000, idleRetryMs: 30_000, recoveryTimeoutMs: 30_000, rollingWindowMinutes: 60, agentAwayMs: 90_000,
  hopperSize: 200, hopperRefreshMs: 10_000,
};

export interface EngineDeps {
  clock: Clock;
  timers: Timers;
  random: RandomSource;
  log: Logger;
  settings: DialerSettings;
  telephony: DialerTelephony;
  leads: LeadStore;
  attempts: AttemptStore;
  sessions: AgentSessionStore;
  records: CallRecordStore;
  blocks: BlockList;
  callbacks: CallbackRequestQueue;
  campaigns: CampaignSource;
  agents: AgentDirectory;
  scripts: ScriptSource;
  notifier: Notifier;
  /** A caller's number as the lists store numbers (E.164 where it can be read); identity if unset. */
  normalizePhone?: (raw: string) => string;
  /** Inbound calls to the agents: who is ON, and contacts by number; without it nobody takes inbound calls. */
  inbound?: InboundDirectory;
}
