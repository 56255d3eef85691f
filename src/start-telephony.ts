import type { Logger } from 'winston';
import type { Config } from './config';
import type { Clock } from './domain/clock';
import { startDemoPbx, type DemoPbx } from './demo/start-demo-pbx';
import type { Services } from './services/create-services';
import { createTelephony, type Telephony } from './telephony/create-telephony';
import type { TelephonyStatus } from './telephony/telephony-port';
import type { CallRecord } from './domain/call-record';
import type { FlowEvent } from './telephony/flow-runner';

export interface RunningTelephony {
  readonly telephony: Telephony;
  /** Set in demo mode: the built-in simulator that stands in for Asterisk. */
  readonly demo: DemoPbx | undefined;
  status(): TelephonyStatus;
  /** SIGTERM: no new calls, live calls may go on for maxWaitMs, then the rest are hung up and everything stops. */
  drainAndStop(maxWaitMs: number): Promise<void>;
}

/** Where the telephony layer's events go when something (the dialer engine) handles them instead of the defaults. */
export interface TelephonySink {
  onNotice(e: FlowEvent): void;
  onFinished(record: CallRecord): void;
  onCallbackRequest(number: string, at: Date): void;
}

export interface StartTelephonyDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  repos: Pick<Services['repos'], 'callRecords' | 'callbackRequests'>;
  /** Default: notices are logged, call records and callback requests stored. */
  sink?: TelephonySink;
  /** Runs after the layer is built and before it connects (the engine must hear the first orphan report). */
  beforeStart?: (telephony: Telephony) => void;
}

/**
 * Part of the composition root: the telephony layer on the configured Asterisk (ari.url), or, with
 * no ARI URL, on the built-in ARI simulator (demo mode). Call records and inbound callback requests
 * go to the store.
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
  const sink = deps.sink;
  const telephony = createTelephony({
    config: { ari, telephony: config.telephony }, log: deps.log, clock: deps.clock,
    onNotice: (e) => (sink ? sink.onNotice(e) : log.debug('flow notice', { flowId: e.flowId, kind: e.notice.kind })),
    onFinished: (record) => { if (sink) sink.onFinished(record); else deps.repos.callRecords.insert(record); },
    onCallbackRequest: (number, at) => { if (sink) sink.onCallbackRequest(number, at); else deps.repos.callbackRequests.add(number, at); },
  });
  deps.beforeStart?.(telephony);
  telephony.start();
  return {
    telephony, demo,
    status: () => telephony.port.status,
    drainAndStop: async (maxWaitMs) => {
      await telephony.drainAndStop(maxWaitMs);
      await demo?.stop();
    },
  };
}
