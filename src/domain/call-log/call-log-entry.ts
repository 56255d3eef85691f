import type { CallOutcome } from '../call-outcome';
import type { Disposition } from '../disposition';
import type { EndReason } from '../flows/flow-types';
import { q850CauseName } from './q850-cause-names';

/** One call as the store reads it for the log: the call record with its attempt, contact, agent and campaign. */
export interface CallLogFacts {
  id: number;
  flow: string;
  campaignId: number | null;
  campaignName: string | null;
  contactId: number | null;
  contactName: string | null;
  agentId: number | null;
  agentName: string | null;
  phoneNumber: string | null;
  /** When the attempt was claimed (the dialer started on it); null for calls of no attempt. */
  claimedAt: string | null;
  dialAt: string | null;
  answerAt: string | null;
  bridgeAt: string | null;
  endAt: string;
  hangupCause: number | null;
  dialStatus: string | null;
  amdStatus: string | null;
  outcome: CallOutcome | null;
  endReason: EndReason;
  disposition: Disposition | null;
  recordingName: string | null;
}

export type HungUpBy = 'customer' | 'agent' | 'dialer' | 'telephony';
export type CallDirection = 'outbound' | 'inbound';

export interface CallLogEntry extends Omit<CallLogFacts, 'claimedAt' | 'recordingName'> {
  direction: CallDirection;
  /** The call began: the attempt's claim, else the dial, else its end. */
  startAt: string;
  /** Dial to answer (or to the end, unanswered): how long the customer's phone rang. */
  ringMs: number | null;
  /** Answer to bridge: how long an answered customer waited for an agent (to the end, when none came). */
  holdMs: number | null;
  /** Bridge to end. */
  talkMs: number | null;
  hangupCauseName: string | null;
  hungUpBy: HungUpBy;
  hasRecording: boolean;
}

/** Flows that are calls a customer made to us; every campaign flow dials out. */
const INBOUND_FLOWS = new Set(['callback-request', 'inbound']);

const between = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : null;

/** Who ended the call, read from why the flow ended. */
export function hungUpBy(reason: EndReason): HungUpBy {
  switch (reason) {
    case 'customer_hangup': case 'queue_hangup': return 'customer';
    case 'agent_hangup': return 'agent';
    case 'telephony_error': return 'telephony';
    default: return 'dialer';
  }
}

/** The log's view of a call: direction, the times in between and who hung up. */
export function callLogEntry(f: CallLogFacts): CallLogEntry {
  const { claimedAt, recordingName, ...rest } = f;
  const hold = f.answerAt && f.flow !== 'ivr' ? between(f.answerAt, f.bridgeAt ?? (f.outcome === 'abandoned' ? f.endAt : null)) : null;
  return {
    ...rest,
    direction: INBOUND_FLOWS.has(f.flow) ? 'inbound' : 'outbound',
    startAt: claimedAt ?? f.dialAt ?? f.endAt,
    ringMs: f.dialAt ? between(f.dialAt, f.answerAt ?? f.endAt) : null,
    holdMs: hold,
    talkMs: between(f.bridgeAt, f.endAt),
    hangupCauseName: f.hangupCause === null ? null : q850CauseName(f.hangupCause),
    hungUpBy: hungUpBy(f.endReason),
    hasRecording: recordingName !== null,
  };
}
