import { performance } from 'node:perf_hooks';
import { applicationRoutes } from './application-routes';
import { AriHttpServer } from './ari-http-server';
import { AriRouter } from './ari-router';
import { bridgeRoutes } from './bridge-routes';
import { channelMediaRoutes } from './channel-media-routes';
import { channelRoutes } from './channel-routes';
import { EventSocketServer } from './event-socket-server';
import { FaultInjector } from './fault-injector';
import { playbackRecordingRoutes } from './playback-recording-routes';
import { createRequestAuth } from './request-auth';
import { startAfresh, tearDownForRestart } from './restart';
import { createControl, type AriSimulatorControl } from './sim-control';
import { RealScheduler, VirtualScheduler } from './sim-scheduler';
import { createSimWorld } from './sim-world';
import { resolveOptions, type AriSimulatorOptions } from './simulator-options';
import { SwaggerDocs } from './swagger-docs';
import { systemRoutes } from './system-routes';
import { readWavDurations } from './wav-durations';

export interface AriSimulator {
  /** Base URL for ari-client, e.g. http://127.0.0.1:41234 (ari-client adds /ari). */
  readonly url: string;
  readonly port: number;
  readonly control: AriSimulatorControl;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How control.advance/runUntil/settle move time. Settling waits until, for settleMs of real time,
 * no request arrived or is in flight, no event was sent and no socket has bytes queued: by then the
 * clients have reacted to what the last step did.
 */
function clockDriver(virtual: VirtualScheduler | null, activity: () => number, busy: () => number, settleMs: number) {
  const settle = async () => {
    let seen = -1;
    let quietSince = performance.now();
    for (;;) {
      await sleep(1);
      virtual?.runDue();
      const marker = activity();
      if (marker !== seen || busy() > 0) {
        seen = marker;
        quietSince = performance.now();
      } else if (performance.now() - quietSince >= settleMs) {
        return;
      }
    }
  };
  return {
    settle,
    advance: (ms: number) => (virtual ? virtual.advanceTo(virtual.now() + ms, settle) : sleep(ms)),
    runUntil: async (done: () => boolean, maxMs: number) => {
      if (virtual) return virtual.runUntil(done, maxMs, settle);
      const limit = Date.now() + maxMs;
      while (!done() && Date.now() < limit) await sleep(10);
      return done();
    },
  };
}

/**
 * Starts a simulated Asterisk that ari-client connects to unchanged: Swagger api-docs generated
 * from the route table, REST with Asterisk's status codes and bodies, the event WebSocket, and
 * simulated customers and agents behind the reference dialplan's numbers.
 */
export async function startAriSimulator(input: AriSimulatorOptions = {}): Promise<AriSimulator> {
  const options = resolveOptions(input);
  const log = input.log?.child({ component: 'ari-simulator' });
  const errors: unknown[] = [];
  const onError = (err: unknown) => {
    errors.push(err);
    log?.error('simulator error', { err });
  };
  const virtual = options.clock === 'virtual' ? new VirtualScheduler(options.startTime, onError) : null;
  const scheduler = virtual ?? new RealScheduler(onError);
  const world = createSimWorld(options, scheduler);
  for (const b of input.behaviours ?? []) world.behaviours.set(b.pattern, b.behaviour);
  for (const dir of input.soundDirs ?? []) for (const [name, ms] of readWavDurations(dir)) world.sounds.set(name, ms);
  const routes = [
    ...systemRoutes(world), ...channelRoutes(world), ...channelMediaRoutes(world), ...bridgeRoutes(world),
    ...playbackRecordingRoutes(world), ...applicationRoutes(world),
  ];
  const faults = new FaultInjector();
  const auth = createRequestAuth(options.user, options.password);
  const sockets = new EventSocketServer(world.hub, auth, log);
  const http = new AriHttpServer({
    router: new AriRouter(routes), docs: new SwaggerDocs(routes), faults, sockets, auth, log, onError,
    serverHeader: `Asterisk/${options.version} (ARI simulator)`,
  });
  const port = await http.listen(options.port, options.host);

  const holds = new Set<() => boolean>();
  const clock = clockDriver(
    virtual, () => http.activity + world.hub.delivered,
    () => http.inflight + sockets.buffered() + [...holds].filter((busy) => busy()).length, options.settleMs,
  );
  const restart = async () => {
    tearDownForRestart(world);
    await clock.settle();
    http.shutdown = 'refusingChannels';
    await sleep(options.restartRefusingChannelsMs);
    http.shutdown = 'refusingAll';
    await sleep(options.restartShuttingDownMs);
    startAfresh(world);
    http.shutdown = 'no';
    http.down = true;
    sockets.dropAll();
    await sleep(options.restartDowntimeMs);
    http.down = false;
    log?.info('simulated restart done');
  };
  const control = createControl({ world, errors, sockets, faults, clock, restart, holds });
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  log?.info('ARI simulator listening', { port, clock: options.clock });
  return {
    url: `http://${shownHost}:${port}`,
    port,
    control,
    stop: async () => {
      scheduler.stop();
      sockets.closeAll();
      await http.close();
    },
  };
}
