import type { CallPlan } from './party-behaviour';
import type { SimTimer } from './sim-scheduler';

/** Channel states as Asterisk names them (Channel.state in channels.json). */
export type ChannelState = 'Down' | 'Rsrved' | 'OffHook' | 'Dialing' | 'Ring' | 'Ringing' | 'Up' | 'Busy';

export interface CallerId {
  readonly name: string;
  readonly number: string;
}

export interface DialplanLocation {
  readonly context: string;
  readonly exten: string;
  readonly priority: number;
  readonly appName: string;
  readonly appData: string;
}

/** Where an app receives its events. The WebSocket layer implements it. */
export interface AppSocket {
  send(text: string): void;
  /** Closes without a close frame: the client sees 1006. */
  drop(): void;
}

/** A Stasis application: registered by a WebSocket, kept while it has subscriptions. */
export interface StasisApp {
  readonly name: string;
  /** The JSON tail every event for this app ends with: `,"asterisk_id":…,"application":…}`. */
  readonly suffix: string;
  socket: AppSocket | null;
  readonly channelIds: Set<string>;
  readonly bridgeIds: Set<string>;
}

/** A channel's membership in a Stasis app. */
export interface StasisMembership {
  readonly app: StasisApp;
  readonly args: readonly string[];
  /** Entered with Stasis() from the dialplan (the dialer-out pattern) rather than by originate/create. */
  readonly fromDialplan: boolean;
  /** The subscription that came with Stasis() and is dropped at StasisEnd (dialplan entry only). */
  readonly implicitSubscription: boolean;
  /** Where the channel was in the dialplan before Stasis; it goes back there at StasisEnd. */
  readonly previous: DialplanLocation;
}

export type PlaybackState = 'queued' | 'playing' | 'continuing' | 'done' | 'failed';

/** Something playbacks and recordings can target: a channel or a bridge. */
export interface MediaTarget {
  readonly uri: string;
  readonly playbacks: SimPlayback[];
  readonly recordings: Set<SimRecording>;
  /** Apps that receive this target's playback and recording events. */
  audience(): readonly StasisApp[];
}

export interface SimPlayback {
  readonly id: string;
  readonly media: readonly string[];
  index: number;
  readonly language: string;
  readonly target: MediaTarget;
  state: PlaybackState;
  /** DELETE while queued: it never starts, and finishes as done when its turn comes. */
  stopped: boolean;
  timer: SimTimer | null;
}

export type RecordingState = 'queued' | 'recording' | 'done' | 'failed';

export interface SimRecording {
  readonly name: string;
  readonly format: string;
  readonly target: MediaTarget;
  state: RecordingState;
  startedAt: number;
  timer: SimTimer | null;
  /** The Recorder channel a bridge recording adds (it shows in BRIDGEPEER). */
  recorderName: string | null;
}

export interface StoredRecording {
  readonly name: string;
  readonly format: string;
  readonly durationMs: number;
}

/** What happens once the far end answers an originated call. */
export type AfterAnswer =
  | { readonly kind: 'app'; readonly app: string; readonly args: readonly string[]; readonly rawArgs: string }
  | { readonly kind: 'dialplan'; readonly context: string; readonly exten: string; readonly priority: number }
  | { readonly kind: 'stasis' };

export type CallPhase = 'created' | 'dialing' | 'answered' | 'failed' | 'ended';

export interface SimChannel {
  readonly id: string;
  readonly name: string;
  readonly tech: 'Local' | 'PJSIP';
  /** 1 or 2 for the halves of a Local channel, 0 for a PJSIP channel. */
  readonly half: 0 | 1 | 2;
  state: ChannelState;
  readonly protocolId: string;
  caller: CallerId;
  connected: CallerId;
  dialplan: DialplanLocation;
  readonly creationtime: string;
  readonly vars: Map<string, string>;
  /** Apps that receive this channel's events. */
  subs: StasisApp[];
  other: SimChannel | null;
  call: SimCall | null;
  stasis: StasisMembership | null;
  /** Left Stasis with /continue: a later hangup still reports STASISSTATUS. */
  leftStasis: boolean;
  bridge: SimBridge | null;
  bridgePeer: string;
  moh: string | null;
  readonly media: MediaTarget;
  alive: boolean;
}

export interface SimBridge {
  readonly id: string;
  readonly name: string;
  readonly bridgeType: 'mixing' | 'holding';
  readonly technology: string;
  readonly creationtime: string;
  readonly channels: SimChannel[];
  /** Names of the Announcer/Recorder channels a playback or recording adds (they show in BRIDGEPEER). */
  readonly pseudo: string[];
  /**
   * Per app, how many of its subscriptions point at this bridge. A channel joining adds one; leaving
   * by removeChannel or a move takes it back, leaving by hangup does not. BridgeDestroyed goes to the
   * apps still counted when the bridge is deleted (this is what the real server does).
   */
  readonly appRefs: Map<StasisApp, number>;
  moh: string | null;
  readonly media: MediaTarget;
  alive: boolean;
}

/** A dialed call: one Local pair (;1 and ;2) or one PJSIP channel, and its far end's behaviour. */
export interface SimCall {
  readonly near: SimChannel;
  readonly far: SimChannel | null;
  /** How it began: originated, created then dialled, or an inbound call from a trunk into the dialplan. */
  readonly mode: 'originate' | 'create' | 'inbound';
  readonly dialstring: string;
  /** The far end's behaviour; null when the extension does not exist. */
  readonly plan: CallPlan | null;
  /** Context and extension the far end runs (sim-customers / sim-agents). */
  readonly farContext: string;
  readonly farExten: string;
  readonly after: AfterAnswer;
  phase: CallPhase;
  readonly timers: SimTimer[];
  /** Originate timeout or dial timeout in ms; 0 means none. */
  timeoutMs: number;
  /** When the dial started (simulated epoch ms). */
  dialStartedAt: number;
}
