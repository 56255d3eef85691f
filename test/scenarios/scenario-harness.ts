import { randomBytes } from 'node:crypto';
import type { CallRecord } from '../../src/domain/call-record';
import { systemClock } from '../../src/domain/clock';
import type { AgentLine, FlowNotice, InboundAgent } from '../../src/domain/flows/flow-types';
import { agentLineFlow } from '../../src/domain/flows/agent-line-flow';
import { createLogger } from '../../src/logger';
import { CallRecordRepository, type StoredCallRecord } from '../../src/store/call-record-repository';
import { CallbackRequestRepository } from '../../src/store/callback-request-repository';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate } from '../../src/store/migrator';
import { createTelephony, type Telephony } from '../../src/telephony/create-telephony';
import type { FlowEvent, FlowHandle } from '../../src/telephony/flow-runner';
import type { ScenarioTarget } from './scenario-target';

/** The dialer's telephony side wired to a target, with a database for the records it writes. */
export class ScenarioHarness {
  readonly db: Db;
  readonly records: CallRecordRepository;
  readonly callbacks: CallbackRequestRepository;
  readonly telephony: Telephony;
  readonly idPrefix = `it${randomBytes(3).toString('hex')}`;
  private readonly events: FlowEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly recordIds = new Map<string, number>();
  /** Inbound calls: the agents ON and free, in the order they are offered (the engine's choice stands here). */
  inboundAgents: InboundAgent[] = [];
  /** Inbound calls: contact ids by caller number. */
  readonly contacts = new Map<string, number>();

  constructor(readonly target: ScenarioTarget, events: 'own' | 'ari-client' = 'own') {
    this.db = openDatabase(':memory:');
    migrate(this.db);
    this.records = new CallRecordRepository(this.db);
    this.callbacks = new CallbackRequestRepository(this.db);
    const log = createLogger({ level: process.env.DIALER_IT_LOG_LEVEL ?? 'error' });
    this.telephony = createTelephony({
      config: {
        ari: { ...target.ari, app: 'dialer-it', events },
        telephony: {
          ...target.telephony, ringTimeoutSeconds: 15, agentRingTimeoutSeconds: 20, holdMaxSeconds: 2, mohClass: 'default',
          callbackConfirmationMedia: 'sound:auth-thankyou',
        },
        inbound: { greetingMedia: 'sound:beep', closingMedia: 'sound:sorry', callbackOfferMedia: '', agentRingSeconds: 5, maxWaitSeconds: 20, retrySeconds: 1 },
      },
      log, clock: systemClock, idPrefix: this.idPrefix,
      onNotice: (e) => { this.events.push(e); this.wake(); },
      onFinished: (r: CallRecord) => { this.recordIds.set(String(r.attemptId ?? r.flow), this.records.insert(r)); this.wake(); },
      onCallbackRequest: (number, at) => { this.callbacks.add(number, at); },
      pickInboundAgent: (_flowId, _meta, tried) => ({
        agent: this.inboundAgents.find((a) => !tried.includes(a.agentId)) ?? null, anyOn: this.inboundAgents.length > 0,
      }),
      inboundContact: (number) => this.contacts.get(number),
    });
  }

  async start(): Promise<void> {
    this.telephony.start();
    await this.until(() => this.telephony.port.status === 'ready', 10_000, 'telephony ready');
  }

  async stop(): Promise<void> {
    await this.telephony.stop();
    this.db.close();
  }

  private wake(): void { for (const w of [...this.waiters]) w(); }

  /** Waits until `test` holds, re-checking on every notice and every 50 ms. */
  async until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => { if (test()) { cleanup(); resolve(); } };
      const poll = setInterval(check, 50);
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
      const cleanup = () => { clearInterval(poll); clearTimeout(timer); this.waiters.delete(check); };
      this.waiters.add(check);
    });
  }

  /** Notices of flows by name (flows the PBX started, such as inbound calls, have no handle here). */
  noticesOfFlow(flow: string): FlowNotice[] {
    return this.events.filter((e) => e.flow === flow).map((e) => e.notice);
  }

  clearNotices(): void { this.events.splice(0); }

  /** The last stored call record of a flow without an attempt (e.g. 'inbound'), once there is one newer than `after`. */
  async recordOfFlow(flow: string, after: number, timeoutMs = 20_000): Promise<StoredCallRecord> {
    await this.until(() => (this.recordIds.get(flow) ?? 0) > after, timeoutMs, `a ${flow} call record`);
    return this.records.get(this.recordIds.get(flow)!)!;
  }

  lastRecordId(flow: string): number { return this.recordIds.get(flow) ?? 0; }

  noticesOf(handle: FlowHandle): FlowNotice['kind'][] {
    return this.events.filter((e) => e.flowId === handle.id).map((e) => e.notice.kind);
  }

  async notice(handle: FlowHandle, kind: FlowNotice['kind'], timeoutMs = 15_000): Promise<FlowEvent> {
    await this.until(() => this.events.some((e) => e.flowId === handle.id && e.notice.kind === kind), timeoutMs, `${kind} from ${handle.id}`);
    return this.events.find((e) => e.flowId === handle.id && e.notice.kind === kind)!;
  }

  /** The call record of a finished attempt, as stored in the database. */
  async storedRecord(handle: FlowHandle, timeoutMs = 20_000): Promise<StoredCallRecord> {
    const key = String(handle.meta.attemptId ?? '');
    await Promise.race([handle.finished, new Promise((_, reject) => setTimeout(() => reject(new Error(`${handle.id} did not finish`)), timeoutMs))]);
    const id = this.recordIds.get(key);
    const record = id === undefined ? undefined : this.records.get(id);
    if (!record) throw new Error(`no call record stored for attempt ${key}`);
    return record;
  }

  /** An agent who is ON for inbound calls (a users row, so the call record may name them). */
  inboundAgent(agentId: number, extension: string): InboundAgent {
    this.addUser(agentId, extension);
    return { agentId, extension };
  }

  /** A contact known by this number, for inbound calls. */
  addContact(id: number, number: string): void {
    const now = new Date().toISOString();
    this.db.prepare('INSERT OR IGNORE INTO contacts (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, `Contact ${id}`, now, now);
    this.contacts.set(number, id);
  }

  private addUser(agentId: number, extension: string): void {
    this.db.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, role, password_hash, extension, created_at, updated_at)
      VALUES (?, ?, ?, 'agent', 'x', ?, ?, ?)`).run(agentId, `agent${agentId}`, `Agent ${agentId}`, extension, new Date().toISOString(), new Date().toISOString());
  }

  /** An agent line: rung once, answered, parked in its bridge; offered to the dispatcher if asked. */
  async openLine(agentId: number, extension = '1001', offer = true): Promise<{ handle: FlowHandle; line: AgentLine }> {
    this.db.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, role, password_hash, extension, created_at, updated_at)
      VALUES (?, ?, ?, 'agent', 'x', ?, ?, ?)`).run(agentId, `agent${agentId}`, `Agent ${agentId}`, extension, new Date().toISOString(), new Date().toISOString());
    const handle = this.telephony.runner.start(agentLineFlow({ extension, ringTimeoutSeconds: 10 }), { ref: `agent${agentId}`, agentId });
    const ready = await this.notice(handle, 'lineReady');
    if (!ready.line) throw new Error('lineReady without a line');
    if (offer) this.telephony.dispatcher.offerLine(ready.line);
    return { handle, line: ready.line };
  }

  async closeLine(handle: FlowHandle): Promise<void> {
    handle.input({ kind: 'cancel' });
    await handle.finished;
  }

  /**
   * ours(), given up to 2 s to empty: a recorded bridge still lists for a moment after
   * DELETE /bridges answered 204 (its Recorder channel is leaving).
   */
  async oursSettled(): Promise<{ channels: string[]; bridges: string[] }> {
    for (let i = 0; ; i++) {
      const left = await this.ours();
      if ((left.channels.length === 0 && left.bridges.length === 0) || i >= 20) return left;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Channels and bridges carrying this run's id prefix, read from the PBX directly. */
  async ours(): Promise<{ channels: string[]; bridges: string[] }> {
    const mine = (id: string) => id.startsWith(`${this.idPrefix}.`);
    return {
      channels: (await this.target.channelIds()).filter(mine),
      bridges: (await this.target.bridges()).map((b) => b.id).filter(mine),
    };
  }
}
