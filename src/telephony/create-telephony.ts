import type { Logger } from 'winston';
import type { Config } from '../config';
import type { CallRecord } from '../domain/call-record';
import type { Clock } from '../domain/clock';
import { callbackRequestFlow } from '../domain/flows/callback-request-flow';
import { maskPhone } from '../logger';
import { AriConnection } from './ari/ari-connection';
import { AriTelephony } from './ari-telephony';
import { FlowRunner, type FlowEvent } from './flow-runner';
import type { RunnerDeps } from './running-flow';
import { inboundFlow } from '../domain/flows/inbound-flow';
import { LineDispatcher } from './line-dispatcher';
import { systemTimers, type Timers } from '../domain/clock';

export interface TelephonyDeps {
  /** Without `inbound`, inbound calls to the agents run on INBOUND_DEFAULTS. */
  config: Pick<Config, 'ari' | 'telephony'> & Partial<Pick<Config, 'inbound'>>;
  log: Logger;
  clock: Clock;
  timers?: Timers;
  /** Prefix of our channel and bridge ids; defaults to the base app name. */
  idPrefix?: string;
  onNotice(e: FlowEvent): void;
  onFinished(record: CallRecord, flowId?: string): void;
  /** An inbound caller pressed 1 for a callback (the engine queues it for the callback campaign). */
  onCallbackRequest(number: string, at: Date): void;
  /** An inbound call to the agents wants one to ring (the engine's choice); without it nobody is ON. */
  pickInboundAgent?: RunnerDeps['pickAgent'];
  /** The contact known by an inbound caller's number, for the call record and the agent's screen. */
  inboundContact?(number: string): number | undefined;
}

/** What inbound calls run on when the config has no inbound section (tests that build the telephony alone). */
export const INBOUND_DEFAULTS: Config['inbound'] = {
  greetingMedia: 'sound:hello', closingMedia: 'sound:sorry,sound:please-try-call-later', callbackOfferMedia: '',
  agentRingSeconds: 15, maxWaitSeconds: 120, retrySeconds: 3,
};

const mediaList = (s: string) => s.split(',').map((m) => m.trim()).filter(Boolean);

export interface Telephony {
  connection: AriConnection;
  port: AriTelephony;
  runner: FlowRunner;
  dispatcher: LineDispatcher;
  start(): void;
  /** SIGTERM: no new calls; waits up to maxWaitMs for live calls to end, then stops. */
  drainAndStop(maxWaitMs: number): Promise<void>;
  /** Cancels live flows (hanging up their calls) and closes the connection. */
  stop(): Promise<void>;
}

/** Builds the telephony side from config: ARI connection, port, line dispatcher and flow runner. */
export function createTelephony(deps: TelephonyDeps): Telephony {
  const { config, clock } = deps;
  const timers = deps.timers ?? systemTimers;
  const log = deps.log.child({ component: 'telephony' });
  if (!config.ari.url) throw new Error('createTelephony needs ari.url (demo mode uses the simulator)');
  const connection = new AriConnection({ url: config.ari.url, user: config.ari.user, password: config.ari.password, appBase: config.ari.app, events: config.ari.events, log, timers });
  const port = new AriTelephony({
    link: connection, idPrefix: deps.idPrefix ?? config.ari.app, log, timers, customerContext: config.telephony.customerContext,
    endpoints: { customer: config.telephony.customerEndpoint, agent: config.telephony.agentEndpoint },
  });
  const dispatcher = new LineDispatcher();
  const runner = new FlowRunner({
    port, timers, clock, log, dispatcher,
    onNotice: (e) => {
      if (e.notice.kind === 'callbackRequested') deps.onCallbackRequest(e.notice.number, e.at);
      deps.onNotice(e);
    },
    onFinished: (record, flowId) => deps.onFinished(record, flowId),
    pickAgent: deps.pickInboundAgent,
  });
  const confirmationMedia = mediaList(config.telephony.callbackConfirmationMedia);
  const inbound = config.inbound ?? INBOUND_DEFAULTS;
  port.onInbound((call) => {
    if (call.kind === 'agents') {
      const contactId = call.number ? deps.inboundContact?.(call.number) : undefined;
      log.info('inbound call for the agents', { number: maskPhone(call.number), did: call.did, contactId });
      const flow = inboundFlow({
        number: call.number, greetingMedia: mediaList(inbound.greetingMedia), closingMedia: mediaList(inbound.closingMedia),
        callbackOfferMedia: mediaList(inbound.callbackOfferMedia), callbackConfirmationMedia: confirmationMedia,
        mohClass: config.telephony.mohClass, agentRingSeconds: inbound.agentRingSeconds, maxWaitSeconds: inbound.maxWaitSeconds,
        retryMs: inbound.retrySeconds * 1000,
      });
      const variables = call.did ? { INBOUND_DID: call.did } : undefined;
      runner.start(flow, { ref: 'in', phoneNumber: call.number || undefined, contactId, variables }, { customer: call.leg });
      return;
    }
    log.info('callback requested by an inbound caller', { number: maskPhone(call.number) });
    runner.start(callbackRequestFlow({ number: call.number, confirmationMedia }), { ref: 'inbound', phoneNumber: call.number }, { customer: call.leg });
  });
  const stop = async () => {
    port.drain();
    await runner.cancelAll();
    runner.close();
    await port.close();
    await connection.stop();
  };
  return {
    connection, port, runner, dispatcher, stop,
    start: () => connection.start(),
    drainAndStop: async (maxWaitMs) => {
      port.drain();
      log.info('draining live calls', { calls: runner.active });
      let timer: unknown;
      await Promise.race([runner.idle(), new Promise<void>((resolve) => { timer = timers.setTimeout(resolve, maxWaitMs); })]);
      timers.clearTimeout(timer);
      await stop();
    },
  };
}
