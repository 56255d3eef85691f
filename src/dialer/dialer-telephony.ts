import type { CallRecord } from '../domain/call-record';
import type { AgentLine, FlowDefinition, FlowInput, FlowNotice, LegName } from '../domain/flows/flow-types';
import type { LegId } from '../domain/telephony-ids';

/** What a call is about; goes with every notice. `ref` names the call in channel ids and Stasis args. */
export interface CallMeta {
  ref: string;
  attemptId?: number;
  campaignId?: number;
  contactId?: number;
  agentId?: number;
  phoneNumber?: string;
}

export interface CallHandle {
  readonly id: string;
  readonly meta: CallMeta;
  readonly finished: Promise<CallRecord>;
  legId(name: LegName): LegId | undefined;
  input(i: FlowInput): void;
}

/** A flow's notice as the engine receives it (the runner adds ids, legs and the time). */
export interface CallNotice {
  flowId: string;
  flow: string;
  meta: CallMeta;
  notice: FlowNotice;
  legs: Partial<Record<LegName, LegId>>;
  line?: AgentLine;
  at: Date;
}

export interface OrphanChannels {
  channels: { leg: LegId; role: string; ref: string; state: string }[];
  bridges: { bridge: string; ref: string; channelCount: number }[];
}

export type TelephonyState = 'connecting' | 'ready' | 'degraded' | 'draining';

/**
 * The telephony the engine needs, declared here and filled by the composition root from src/telephony/
 * (flow runner, line dispatcher, port). Notices and finished call records are pushed into the engine.
 */
export interface DialerTelephony {
  readonly status: TelephonyState;
  onStatus(listener: (s: TelephonyState) => void): () => void;
  /** After each (re)connect, before `ready`: our channels and bridges that no running flow knows. */
  onOrphans(listener: (r: OrphanChannels) => void): () => void;
  start<S>(flow: FlowDefinition<S>, meta: CallMeta): CallHandle;
  hangup(leg: LegId): Promise<unknown>;
  destroyBridge(bridge: string): Promise<unknown>;
  offerLine(line: AgentLine): void;
  removeLine(lineId: string): void;
}
