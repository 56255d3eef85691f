import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/domain/clock';
import { agentLineFlow } from '../../src/domain/flows/agent-line-flow';
import { customerFirstFlow } from '../../src/domain/flows/customer-first-flow';
import { createLogger } from '../../src/logger';
import { createTelephony, type Telephony } from '../../src/telephony/create-telephony';
import type { FlowEvent, FlowHandle } from '../../src/telephony/flow-runner';
import { ConnectLatency } from './connect-latency';

/** Who the bench talks to: the simulator's defaults, or a real Asterisk's credentials and Local-channel endpoints. */
export interface BenchTarget {
  readonly user: string; readonly password: string; readonly customerEndpoint: string; readonly agentEndpoint: string;
  readonly events?: 'own' | 'ari-client';
}

export const SIMULATOR_TARGET: BenchTarget = { user: 'dialer', password: 'dialer', customerEndpoint: 'PJSIP/{number}@trunk', agentEndpoint: 'PJSIP/{extension}' };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The dialer's telephony layer and flow runner, as the engine would drive them in predictive
 * mode: agent lines parked in their bridges and offered to the dispatcher, customer-first calls
 * through the AMD context, lines offered again when a customer leaves.
 */
export class TelephonyBench {
  readonly telephony: Telephony;
  readonly latency = new ConnectLatency((bridgeId) => bridgeId.includes('.bridge.line'));
  readonly outcomes = new Map<string, number>();
  /** When each answered customer call ended (performance.now()). */
  readonly completedAt: number[] = [];
  connected = 0;
  private readonly lines: FlowHandle[] = [];
  private readyLines = 0;
  private attempt = 0;

  constructor(url: string, target: BenchTarget = SIMULATOR_TARGET) {
    const log = createLogger({ level: process.env.DIALER_BENCH_LOG_LEVEL ?? 'error' });
    this.telephony = createTelephony({
      config: {
        ari: { url, user: target.user, password: target.password, app: 'bench', events: target.events ?? 'own' },
        telephony: {
          customerEndpoint: target.customerEndpoint, agentEndpoint: target.agentEndpoint, customerContext: 'dialer-outbound',
          ringTimeoutSeconds: 15, agentRingTimeoutSeconds: 20, holdMaxSeconds: 10, mohClass: 'default', callbackConfirmationMedia: 'sound:auth-thankyou',
        },
      },
      log, clock: systemClock,
      onNotice: (e) => this.onNotice(e),
      onFinished: (r) => {
        if (r.flow !== 'customer-first') return;
        const key = r.outcome ?? r.endReason;
        this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
        if (r.outcome === 'answered') this.completedAt.push(performance.now());
      },
      onCallbackRequest: () => undefined,
    });
    this.telephony.connection.onEvent((e) => this.latency.onEvent(e));
  }

  private onNotice(e: FlowEvent): void {
    if (e.notice.kind === 'lineReady' && e.line) {
      this.readyLines++;
      this.telephony.dispatcher.offerLine(e.line);
    }
    if (e.notice.kind === 'connected' && e.flow === 'customer-first') this.connected++;
    // No wrap-up here: the line is free again as soon as the customer has gone.
    if (e.notice.kind === 'agentReleased' && e.line && e.flow === 'customer-first') this.telephony.dispatcher.offerLine(e.line);
  }

  async start(): Promise<void> {
    this.telephony.start();
    await this.until(() => this.telephony.port.status === 'ready', 15_000, 'telephony ready');
    // Notes when our bridging request leaves, for the "our handling" part of the latency.
    const api = this.telephony.connection.api;
    const addChannel = api.addChannel.bind(api);
    api.addChannel = (bridgeId, channelId) => {
      this.latency.requested(channelId);
      return addChannel(bridgeId, channelId);
    };
  }

  /** Opens n agent lines (extensions 1001…), `batch` at a time, and waits until all are parked. */
  async openLines(n: number, batch = 100): Promise<void> {
    for (let i = 0; i < n; i++) {
      this.lines.push(this.telephony.runner.start(agentLineFlow({ extension: String(1001 + i), ringTimeoutSeconds: 10 }), { ref: `line${i + 1}`, agentId: i + 1 }));
      if ((i + 1) % batch === 0) await this.until(() => this.readyLines >= i + 1, 30_000, `${i + 1} lines`);
    }
    await this.until(() => this.readyLines >= n, 30_000, `${n} lines`);
  }

  /** A predictive call: dialled, AMD in the dialplan, a human joins a free line. */
  call(number: string): FlowHandle {
    const attempt = ++this.attempt;
    return this.telephony.runner.start(customerFirstFlow({
      number, ringTimeoutSeconds: 15, amd: true, record: false, machine: { kind: 'hangup' },
      agent: { holdMaxSeconds: 10, mohClass: 'default', safeHarborMedia: ['sound:sorry'] },
    }), { ref: String(attempt), attemptId: attempt, phoneNumber: number });
  }

  get customers(): number { return this.telephony.runner.active - this.lines.length; }

  async stop(): Promise<void> {
    for (const line of this.lines) line.input({ kind: 'cancel' });
    await Promise.race([Promise.all(this.lines.map((l) => l.finished)), sleep(20_000)]);
    await this.telephony.stop();
  }

  async until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    for (const limit = Date.now() + timeoutMs; !test(); await sleep(10)) {
      if (Date.now() > limit) throw new Error(`timed out waiting for ${what}`);
    }
  }
}
