import type { CallOutcome } from './call-outcome';
import type { EndReason } from './flows/flow-types';

/** One call as it happened: written once when the flow ends. */
export interface CallRecord {
  flow: string;
  attemptId: number | null;
  campaignId: number | null;
  contactId: number | null;
  agentId: number | null;
  phoneNumber: string | null;
  dialAt: Date | null;
  answerAt: Date | null;
  bridgeAt: Date | null;
  endAt: Date;
  /** First real Q.850 cause of the customer leg (0 = unknown). */
  hangupCause: number | null;
  dialStatus: string | null;
  amdStatus: string | null;
  outcome: CallOutcome | null;
  endReason: EndReason;
  recordingName: string | null;
  answers: { questionId: string; answer: string | null }[];
}
