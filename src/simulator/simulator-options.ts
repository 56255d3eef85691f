import type { Logger } from 'winston';
import { customAmdContext, projectAmdContext, referenceAmdContext, type AmdContextDef } from './amd-dialplan';
import type { NumberPattern } from './behaviour-book';
import type { BehaviourSpec } from './party-behaviour';

/** How `startAriSimulator` is configured. Every field has a default. */
export interface AriSimulatorOptions {
  /** TCP port (0 picks a free one). */
  port?: number;
  host?: string;
  /** ARI credentials the clients must present (basic auth or ?api_key=user:pass). */
  user?: string;
  password?: string;
  /** 'virtual': time moves only with control.advance() (tests); 'real': wall clock (demo, benchmarks). */
  clock?: 'virtual' | 'real';
  /** Start of virtual time, epoch ms (default: now). */
  startTime?: number;
  /** Seed of the random source behind mixes and generated ids. */
  seed?: number;
  /** Multiplies the far ends' durations (ring, talk, keys, AMD, prompts); 0.1 runs ten times faster. */
  timeScale?: number;
  /** Virtual clock: how long (real ms) the connection must stay quiet before time moves on. */
  settleMs?: number;
  /** PJSIP trunks that reach the simulated customers: PJSIP/<number>@<trunk>. */
  trunks?: string[];
  /** PJSIP/<name> endpoints that exist but have no registered phone (500 Allocation failed). */
  unregisteredEndpoints?: string[];
  /**
   * One more dialplan context that runs AMD then Stasis, besides the two the simulator knows:
   * `dialer-out` of the reference dialplan and `dialer-outbound` of the project's dialplan/.
   */
  amdContext?: string;
  /** The app that context enters unless the channel variable DIALER_APP says otherwise. */
  defaultApp?: string;
  /**
   * What `amdContext` passes to Stasis(), with ${VAR} read from the channel's variables (AMDSTATUS,
   * AMDCAUSE, DIALER_APP and whatever the originate set); the first item is the app. Default, as in
   * the reference dialplan: '${DIALER_APP},customer,${AMDSTATUS},${AMDCAUSE}'.
   */
  amdStasis?: string;
  /** Length given to sounds the library does not know; null (default) makes them fail like a missing file. */
  unknownSoundMs?: number | null;
  /** Directories of WAV prompts (e.g. the project's sounds/en) the simulator can play, with their real length. */
  soundDirs?: string[];
  /**
   * control.restart() goes like `core restart now` on Asterisk 22 (real ms for each phase): channels torn down,
   * then new channels refused ("Allocation failed") for restartRefusingChannelsMs, then every request and
   * WebSocket upgrade answered 503 "Shutdown in progress" for restartShuttingDownMs with the sockets still open,
   * then the sockets close and nothing answers for restartDowntimeMs.
   */
  restartRefusingChannelsMs?: number;
  restartShuttingDownMs?: number;
  restartDowntimeMs?: number;
  asteriskId?: string;
  version?: string;
  /** Scripted behaviours installed at start. */
  behaviours?: Array<{ pattern: NumberPattern; behaviour: BehaviourSpec }>;
  log?: Logger;
}

export interface ResolvedSimOptions {
  readonly port: number;
  readonly host: string;
  readonly user: string;
  readonly password: string;
  readonly clock: 'virtual' | 'real';
  readonly startTime: number;
  readonly seed: number;
  readonly timeScale: number;
  readonly settleMs: number;
  readonly trunks: readonly string[];
  readonly unregisteredEndpoints: readonly string[];
  /** The AMD-then-Stasis contexts the simulated dialplan has. */
  readonly amdContexts: readonly AmdContextDef[];
  readonly defaultApp: string;
  readonly unknownSoundMs: number | null;
  readonly restartRefusingChannelsMs: number;
  readonly restartShuttingDownMs: number;
  readonly restartDowntimeMs: number;
  readonly asteriskId: string;
  readonly version: string;
}

export function resolveOptions(o: AriSimulatorOptions): ResolvedSimOptions {
  const clock = o.clock ?? 'virtual';
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    user: o.user ?? 'dialer',
    password: o.password ?? 'dialer',
    clock,
    startTime: o.startTime ?? Date.now(),
    seed: o.seed ?? 1,
    timeScale: o.timeScale ?? 1,
    settleMs: o.settleMs ?? 8,
    trunks: o.trunks ?? ['trunk', 'sim-trunk'],
    unregisteredEndpoints: o.unregisteredEndpoints ?? ['2001'],
    amdContexts: o.amdContext ? [customAmdContext(o.amdContext, o.amdStasis), referenceAmdContext, projectAmdContext] : [referenceAmdContext, projectAmdContext],
    defaultApp: o.defaultApp ?? 'dialer',
    unknownSoundMs: o.unknownSoundMs === undefined ? null : o.unknownSoundMs,
    // Measured on Asterisk 22.10.1: about 0.1 s refusing channels, 1 s of 503, and the new process answers at once.
    restartRefusingChannelsMs: o.restartRefusingChannelsMs ?? (clock === 'virtual' ? 10 : 100),
    restartShuttingDownMs: o.restartShuttingDownMs ?? (clock === 'virtual' ? 30 : 1000),
    restartDowntimeMs: o.restartDowntimeMs ?? (clock === 'virtual' ? 50 : 500),
    asteriskId: o.asteriskId ?? '02:00:00:5e:00:01',
    version: o.version ?? '22.10.1',
  };
}
