import type { Logger } from 'winston';
import type { Config } from './config';
import type { Clock } from './domain/clock';
import { startDemoPbx, type DemoPbx } from './demo/start-demo-pbx';
import { createTelephony, type TelephonyDeps, type Telephony } from './telephony/create-telephony';
import type { TelephonyStatus } from './telephony/telephony-port';

export interface RunningTelephony {
  readonly telephony: Telephony;
  /** Set in demo mode: the built-in simulator that stands in for Asterisk. */
  readonly demo: DemoPbx | undefined;
  status(): TelephonyStatus;
  /** SIGTERM: no new calls, live calls may go on for maxWaitMs, then the rest are hung up and everything stops. */
  drainAndStop(maxWaitMs: number): Promise<void>;
}

export interface StartTelephonyDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  /** Where flow notices, call records and inbound callback requests go (the engine). */
  handlers: Pick<TelephonyDeps, 'onNotice' | 'onFinished' | 'onCallbackRequest' | 'pickInboundAgent' | 'inboundContact'>;
}

/**
 * Part of the composition root: the telephony layer on the configured Asterisk (ari.url), or, with
 * no ARI URL, on the built-in ARI simulator (demo mode). The caller starts it (`telephony.start()`)
 * once whoever handles its first orphan report is listening.
 */
export async function startTelephony(deps: StartTelephonyDeps): Promise<RunningTelephony> {
  const { config } = deps;
  const log = deps.log.child({ component: 'telephony-setup' });
  let demo: DemoPbx | undefined;
  let ari = config.ari;
  if (!ari.url) {
    demo = await startDemoPbx({ agents: config.demo.agents, log: deps.log });
    ari = { ...ari, ...demo.ari };
    log.info(`demo mode: no ARI URL configured, using the built-in ARI simulator at ${demo.ari.url}`);
  }
  const telephony = createTelephony({
    config: { ari, telephony: config.telephony, inbound: config.inbound }, log: deps.log, clock: deps.clock,
    ...deps.handlers,
  });
  return {
    telephony, demo,
    status: () => telephony.port.status,
    drainAndStop: async (maxWaitMs) => {
      await telephony.drainAndStop(maxWaitMs);
      await demo?.stop();
    },
  };
}
