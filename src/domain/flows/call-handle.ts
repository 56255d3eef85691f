import type { CallRecord } from '../call-record';
import type { LegId } from '../telephony-ids';
import type { AgentLine, FlowInput, FlowNotice, LegName } from './flow-types';

/**
 * What the engine and the flow runner say to each other about a running call: one vocabulary for both
 * sides (the engine declares its ports with these, telephony implements them).
 */

/** Calls are placed only when `ready`. */
export type TelephonyStatus = 'connecting' | 'ready' | 'degraded' | 'draining';

/** Who and what a call is about; goes with every notice. */
export interface CallMeta {
  /** Goes into ids and Stasis args: the attempt id, or the agent/line id for an agent line. */
  ref: string;
  attemptId?: number;
  campaignId?: number;
  contactId?: number;
  agentId?: number;
  phoneNumber?: string;
  /** Channel variables set on every leg the flow dials (e.g. CAMPAIGN_ID for the dialplan or CDRs). */
  variables?: Record<string, string>;
}

/** What the engine holds of a running call. */
export interface CallHandle {
  readonly id: string;
  readonly meta: CallMeta;
  /** Resolves with the call record when the flow has ended and released everything. */
  readonly finished: Promise<CallRecord>;
  legId(name: LegName): LegId | undefined;
  /** Cancel, or any other input the flow understands. */
  input(i: FlowInput): void;
}

/** A flow's notice as the engine receives it (the runner adds ids, legs and the time). */
export interface CallNotice {
  flowId: string;
  flow: string;
  meta: CallMeta;
  notice: FlowNotice;
  legs: Partial<Record<LegName, LegId>>;
  /**
   * With lineReady: the line to offer to the dispatcher when the agent is ready. On a customer
   * flow once it has a line (connected, agentReleased): the line it uses, to offer again after
   * the agent's wrap-up.
   */
  line?: AgentLine;
  at: Date;
}
