import type { CallOutcome } from '../call-outcome';
import type { ContactStatus } from '../contact-status';
import type { DialingMode } from '../dialing-mode';
import type { Disposition } from '../disposition';
import type { UserId } from '../roles';
import type { LeadId } from './lead-snapshot';

/**
 * One try at one contact: `claimed` when the contact was taken for it, `dialing` once the one conditional
 * change to dialing was won (before the originate, so an attempt dials at most once, even across a crash),
 * `ended` when its call is over or it was given back undialled.
 */
export const ATTEMPT_STATES = ['claimed', 'dialing', 'ended'] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

/** Why an attempt ended besides its call's own end reason. */
export type AttemptEndNote = 'not_dialed' | 'skipped' | 'blocked' | 'recovered';

export interface DialAttempt {
  id: number;
  campaignId: number;
  leadId: LeadId;
  contactId: number | null;
  agentId: UserId | null;
  mode: DialingMode;
  state: AttemptState;
  phoneNumber: string | null;
  claimedAt: Date;
  dialingAt: Date | null;
  answeredAt: Date | null;
  connectedAt: Date | null;
  endedAt: Date | null;
  outcome: CallOutcome | null;
  endReason: string | null;
  disposition: Disposition | null;
  callbackAt: Date | null;
  disposedAt: Date | null;
  remindedAt: Date | null;
  resultStatus: ContactStatus | null;
}

/** A script answer: free text, one option, or several. */
export type ScriptAnswerValue = string | string[];

export interface ScriptAnswer {
  questionId: number;
  value: ScriptAnswerValue;
}
