import type { CallOutcome } from '../domain/call-outcome';
import type { CallRecord } from '../domain/call-record';
import type { Campaign } from '../domain/campaign';
import type { ContactStatus } from '../domain/contact-status';
import type { AgentState, AgentStateChange } from '../domain/dialer/agent-session-state';
import type { DialAttempt, ScriptAnswer } from '../domain/dialer/dial-attempt';
import type { Lead } from '../domain/dialer/lead';
import type { LeadId, LeadSnapshot } from '../domain/dialer/lead-snapshot';
import type { Disposition } from '../domain/disposition';
import type { UserId } from '../domain/roles';
import type { Script } from '../domain/script';
import type { DialingMode } from '../domain/dialing-mode';

/**
 * The ports the engine declares and the composition root fills: stores (src/store/ implements them),
 * telephony (src/telephony/ behind a thin adapter), time and the push channel to the pages.
 */
export type { Timers } from '../domain/clock';

export interface LeadQuery {
  campaignId: number;
  now: Date;
  /** At most this many; due callbacks first, then the rest starting at fraction `start` of the list (wrapping). */
  limit: number;
  start: number;
}

export interface NewLead {
  campaignId: number;
  contactId: number | null;
  name: string;
  phones: string[];
  status?: ContactStatus;
  callbackAt?: Date | null;
  timezone?: string | null;
  ownerAgentId?: UserId | null;
}

/** A campaign's list: one row per contact, with the fields the dialer rules read and write. */
export interface LeadStore {
  get(id: LeadId): Lead | undefined;
  /** The SQL prefilter: a callable status and due (next call time passed or unset); isEligible decides the rest. */
  candidates(q: LeadQuery): Lead[];
  /** The earliest future next call time among leads waiting for a call, to sleep until. */
  nextDueAt(campaignId: number, now: Date): Date | null;
  /** One conditional UPDATE from the lead's current status (and attempts) to in_progress; true when this caller won. */
  claim(lead: Lead, now: Date): boolean;
  /** Writes a rule's result if the lead is still in `expected`; false when something else changed it first. */
  save(id: LeadId, expected: ContactStatus, next: LeadSnapshot, now: Date): boolean;
  inProgress(): Lead[];
  statusCounts(campaignId: number): Partial<Record<ContactStatus, number>>;
  add(lead: NewLead, now: Date): Lead;
}

/** The DNC list and the blacklist, read at dial time. */
export interface BlockList {
  check(e164: string): 'dnc' | 'blacklist' | null;
}

export interface AttemptStore {
  create(a: { campaignId: number; leadId: number; contactId: number | null; agentId: UserId | null; mode: DialingMode; at: Date }): DialAttempt;
  get(id: number): DialAttempt | undefined;
  markDialing(id: number, phoneNumber: string, at: Date): boolean;
  markAnswered(id: number, at: Date): void;
  markConnected(id: number, agentId: UserId | null, at: Date): void;
  end(id: number, outcome: CallOutcome | null, endReason: string, at: Date): boolean;
  setResult(id: number, status: ContactStatus): void;
  dispose(id: number, disposition: Disposition, callbackAt: Date | null, status: ContactStatus, at: Date): boolean;
  open(): DialAttempt[];
  latestForLead(leadId: number): DialAttempt | undefined;
  handedOver(agentId: UserId, campaignId: number, since: Date): DialAttempt[];
  quotaCount(agentId: UserId, campaignId: number, from: Date | null, to: Date | null): number;
  saveAnswers(attemptId: number, answers: readonly ScriptAnswer[], at: Date): void;
  answers(attemptId: number): ScriptAnswer[];
  abandonCounts(campaignId: number): { answered: number; abandoned: number };
  agentStats(campaignId: number): { agentId: UserId; calls: number; talkMs: number; dispositions: Partial<Record<Disposition, number>> }[];
  dueReminders(now: Date): DialAttempt[];
  nextReminderAt(): Date | null;
  markReminded(id: number, at: Date): boolean;
  /** Callbacks this agent set that are due and not yet called back, reminded or not. */
  dueCallbacksOf(agentId: UserId, now: Date): DialAttempt[];
}

export interface StoredSession {
  agentId: UserId;
  campaignId: number;
  joinedAt: Date;
  state: AgentState;
  since: Date;
}

export interface AgentSessionStore {
  record(campaignId: number, change: AgentStateChange | null, session: Omit<StoredSession, 'campaignId'>): void;
  sessions(): StoredSession[];
}

export interface CallRecordStore {
  insert(record: CallRecord): number;
  forAttempt(attemptId: number): (CallRecord & { id: number })[];
}

/** Inbound callback requests waiting for a callback campaign, first in, first out. */
export interface CallbackRequestQueue {
  add(phoneNumber: string, at: Date, campaignId?: number | null): number;
  takeOldest(at: Date): { id: number; phoneNumber: string; requestedAt: Date } | undefined;
}

export interface CampaignSource {
  get(id: number): Campaign | undefined;
  /** Campaigns the engine should work or wind down: running and paused. */
  active(): Campaign[];
  isAgentAssigned(campaignId: number, agentId: UserId): boolean;
  onChange(listener: () => void): () => void;
}

export interface AgentDirectory {
  get(id: UserId): { id: UserId; displayName: string; extension: string | null; role: string } | undefined;
}

export interface ScriptSource {
  get(id: number): Script | undefined;
}

/** The push channel to the pages (the WebSocket hub). `key` lets a slow socket keep only the latest. */
export interface Notifier {
  toUser(userId: UserId, message: { type: string; key?: string; [field: string]: unknown }): void;
  toTopic(topic: string, message: { type: string; key?: string; [field: string]: unknown }): void;
  /** Whether anyone follows the topic now (nothing is built for a topic nobody watches). */
  isWatched(topic: string): boolean;
}
