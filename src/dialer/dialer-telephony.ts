import type { CallHandle, CallMeta, TelephonyStatus } from '../domain/flows/call-handle';
import type { AgentLine, FlowDefinition } from '../domain/flows/flow-types';
import type { LegId } from '../domain/telephony-ids';

export type { CallHandle, CallMeta, CallNotice, TelephonyStatus } from '../domain/flows/call-handle';

export interface OrphanChannels {
  channels: { leg: LegId; role: string; ref: string; state: string }[];
  bridges: { bridge: string; ref: string; channelCount: number }[];
}

/**
 * The telephony the engine needs, declared here and filled by the composition root from src/telephony/
 * (flow runner, line dispatcher, port). Notices and finished call records are pushed into the engine.
 */
export interface DialerTelephony {
  readonly status: TelephonyStatus;
  onStatus(listener: (s: TelephonyStatus) => void): () => void;
  /** After each (re)connect, before `ready`: our channels and bridges that no running flow knows. */
  onOrphans(listener: (r: OrphanChannels) => void): () => void;
  start<S>(flow: FlowDefinition<S>, meta: CallMeta): CallHandle;
  hangup(leg: LegId): Promise<unknown>;
  destroyBridge(bridge: string): Promise<unknown>;
  offerLine(line: AgentLine): void;
  removeLine(lineId: string): void;
  /** Whether an offered line is still free; false once the dispatcher handed it to a customer (connect under way). */
  isLineFree(lineId: string): boolean;
}
