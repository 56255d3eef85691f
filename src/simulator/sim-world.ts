import { BehaviourBook } from './behaviour-book';
import { EventHub } from './event-hub';
import { IdAllocator } from './id-allocator';
import { createSeededRandom, type SeededRandom } from './seeded-random';
import type { ResolvedSimOptions } from './simulator-options';
import type { SimScheduler } from './sim-scheduler';
import type { SimBridge, SimChannel, SimPlayback, SimRecording, StoredRecording } from './sim-types';
import { SoundLibrary } from './sound-library';

/** Everything the simulated Asterisk knows; the REST routes and the call logic work on it. */
export interface SimWorld {
  readonly options: ResolvedSimOptions;
  readonly clock: SimScheduler;
  readonly hub: EventHub;
  readonly ids: IdAllocator;
  readonly rng: SeededRandom;
  readonly behaviours: BehaviourBook;
  readonly sounds: SoundLibrary;
  readonly channels: Map<string, SimChannel>;
  readonly bridges: Map<string, SimBridge>;
  readonly playbacks: Map<string, SimPlayback>;
  readonly liveRecordings: Map<string, SimRecording>;
  readonly storedRecordings: Map<string, StoredRecording>;
  /** Global dialplan variables (GET/POST /asterisk/variable; the inbound context reads DIALER_INBOUND_APP). */
  readonly globals: Map<string, string>;
  /** Epoch ms of the last (re)start: /asterisk/info startup_time and the id prefix. */
  startupTime: number;
  /** Fault injection: extra delay before StasisStart (ms of simulated time). */
  stasisDelayMs: number;
  /** Fault injection: the events a request causes at once are sent before its reply (the real server does both). */
  eventsBeforeReply: boolean;
  /** Runs what a request sets off "right away": after its reply by default, before it when eventsBeforeReply. */
  soon(run: () => void): void;
  /** Scales a far-end duration by options.timeScale. */
  scaled(ms: number): number;
}

export function createSimWorld(options: ResolvedSimOptions, clock: SimScheduler): SimWorld {
  const rng = createSeededRandom(options.seed);
  const storedRecordings = new Map<string, StoredRecording>();
  const startupTime = clock.now();
  const world: SimWorld = {
    options,
    clock,
    hub: new EventHub(options.asteriskId, clock),
    ids: new IdAllocator(Math.floor(startupTime / 1000), rng),
    rng,
    behaviours: new BehaviourBook(rng),
    sounds: new SoundLibrary(options.unknownSoundMs, (name) => storedRecordings.get(name)?.durationMs),
    channels: new Map(),
    bridges: new Map(),
    playbacks: new Map(),
    liveRecordings: new Map(),
    storedRecordings,
    globals: new Map(),
    startupTime,
    stasisDelayMs: 0,
    eventsBeforeReply: false,
    soon: (run) => {
      if (world.eventsBeforeReply) run();
      else clock.after(0, run);
    },
    scaled: (ms) => Math.round(ms * options.timeScale),
  };
  return world;
}
