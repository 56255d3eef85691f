import type { AmdStatus, LegSignals } from '../domain/call-outcome-rules';
import type { TelephonyStatus } from '../domain/flows/call-handle';
import type { CallerId } from '../domain/flows/flow-types';
import type { BridgeId, LegId, PlaybackId } from '../domain/telephony-ids';

/**
 * What the dialer asks of the telephone system, in intents rather than REST calls. Ids are made
 * by the caller (newLegId, newBridgeId, ...) and registered before anything is sent, because
 * Asterisk may report on a channel before it answers the request that created it.
 *
 * Commands never throw for an expected race (the far end hung up a moment ago): they resolve to
 * a CommandResult, and the leg's `ended` event tells the rest.
 */
export type { TelephonyStatus };

export type LegRole = 'agent' | 'customer' | 'line' | 'inbound';

export type CommandResult = { ok: true } | { ok: false; code: string; message: string };

export interface DialRequest {
  leg: LegId;
  role: LegRole;
  /** Attempt id, agent id or line id: goes into the Stasis args (`customer,<ref>`) and the channel id. */
  ref: string;
  target: { kind: 'customer'; number: string } | { kind: 'agent'; extension: string };
  /** Run the dialplan's AMD context after answer; the result comes as an `amd` event. */
  amd: boolean;
  callerId?: CallerId;
  /** Default 15 s (the regulators' minimum for customers). */
  ringTimeoutSeconds?: number;
  /** Extra channel variables (e.g. CAMPAIGN_ID); DIALER_* names are reserved. */
  variables?: Record<string, string>;
}

/** What happens to a leg, in the order Asterisk reports it; `ended` comes exactly once. */
export type LegEvent =
  | { kind: 'ringing' }
  | { kind: 'answered' }
  | { kind: 'amd'; status: AmdStatus; cause: string }
  | { kind: 'dtmf'; digit: string }
  | { kind: 'ended'; signals: LegSignals };

export interface InboundCall {
  leg: LegId;
  /** callbackRequest: pressed 1 in dialer-inbound-callback; agents: a DID of dialer-inbound, for the agents. */
  kind: 'callbackRequest' | 'agents';
  /** The caller's number as the dialplan passed it (or the channel's caller ID); empty when withheld. */
  number: string;
  /** agents: the dialled number (DID). */
  did?: string;
}

/** Channels and bridges carrying our id prefix that no running flow knows (e.g. after a crash). */
export interface OrphanReport {
  channels: { leg: LegId; role: string; ref: string; state: string }[];
  bridges: { bridge: BridgeId; ref: string; channelCount: number }[];
}

export type Unsubscribe = () => void;

export interface TelephonyPort {
  readonly status: TelephonyStatus;
  onStatus(listener: (status: TelephonyStatus) => void): Unsubscribe;

  newLegId(role: LegRole, ref: string): LegId;
  newBridgeId(ref: string): BridgeId;
  newPlaybackId(ref: string): PlaybackId;
  newRecordingName(ref: string): string;

  /** Listen to a leg (before dialling it, or any leg we know, such as an agent line). */
  watchLeg(leg: LegId, listener: (e: LegEvent) => void): Unsubscribe;
  /** Refused (ended with requestFailed) unless the status is ready: an originate into an app with no socket is answered, then dropped. */
  dial(req: DialRequest): Promise<CommandResult>;
  hangup(leg: LegId): Promise<CommandResult>;

  createBridge(bridge: BridgeId, type: 'mixing' | 'holding'): Promise<CommandResult>;
  addToBridge(bridge: BridgeId, leg: LegId): Promise<CommandResult>;
  destroyBridge(bridge: BridgeId): Promise<CommandResult>;
  /** Music on hold to a bridge; it stops by itself when the bridge empties. */
  startMoh(bridge: BridgeId, mohClass: string): Promise<CommandResult>;

  /** `onFinished` fires once, with failed = true if the media could not be played. */
  play(leg: LegId, playback: PlaybackId, media: readonly string[], onFinished: (failed: boolean) => void): Promise<CommandResult>;
  stopPlayback(playback: PlaybackId): Promise<CommandResult>;
  /** Records the mixed audio of a bridge into Asterisk's recording spool as <name>.wav. */
  startRecording(bridge: BridgeId, name: string): Promise<CommandResult>;
  stopRecording(name: string): Promise<CommandResult>;

  /** Calls that entered our application from the dialplan (the inbound callback context). */
  onInbound(listener: (call: InboundCall) => void): Unsubscribe;
  /** After each (re)connect: what Asterisk holds under our prefix that nobody here knows. */
  onOrphans(listener: (report: OrphanReport) => void): Unsubscribe;

  /** No new calls; live ones go on. */
  drain(): void;
  /** How many legs and watchers are tracked (0 when idle: nothing leaks). */
  stats(): { legs: number; watchers: number; playbacks: number };
}
