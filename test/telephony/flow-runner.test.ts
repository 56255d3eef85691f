import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { CallRecord } from '../../src/domain/call-record';
import { agentFirstFlow } from '../../src/domain/flows/agent-first-flow';
import { agentLineFlow } from '../../src/domain/flows/agent-line-flow';
import { customerFirstFlow } from '../../src/domain/flows/customer-first-flow';
import type { AgentLine } from '../../src/domain/flows/flow-types';
import { createLogger } from '../../src/logger';
import { FlowRunner, type FlowEvent } from '../../src/telephony/flow-runner';
import { LineDispatcher } from '../../src/telephony/line-dispatcher';
import { FakePort } from './fake-port';

const log = createLogger({ level: 'error', console: false });
const answered = { kind: 'answered' } as const;
const hungUp = { kind: 'ended', signals: { answered: true, dialStatus: 'ANSWER', cause: 16 } } as const;

describe('flow runner', () => {
  let clock: sinon.SinonFakeTimers;
  let port: FakePort;
  let dispatcher: LineDispatcher;
  let runner: FlowRunner;
  let records: CallRecord[];
  let events: FlowEvent[];

  beforeEach(() => {
    clock = sinon.useFakeTimers(new Date('2026-11-25T08:00:00Z'));
    port = new FakePort();
    dispatcher = new LineDispatcher();
    records = [];
    events = [];
    runner = new FlowRunner({
      port, dispatcher, log, clock: { now: () => new Date() },
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      onNotice: (e) => events.push(e), onFinished: (r) => records.push(r),
    });
  });
  afterEach(() => { runner.close(); clock.restore(); });

  const agentFirst = () => agentFirstFlow({ customer: { number: '0901' }, agent: { kind: 'ring', extension: '1001', ringTimeoutSeconds: 10 }, ringTimeoutSeconds: 15, record: true });

  it('when an agent-first call runs to its end, then commands go out in order, times are stamped, and no listener is left', async () => {
    const call = runner.start(agentFirst(), { ref: '5', attemptId: 5, campaignId: 2, contactId: 9, variables: { CAMPAIGN_ID: '2' } });
    await clock.tickAsync(0);
    port.leg(call.legId('agent'), answered);
    await clock.tickAsync(1000);
    port.leg(call.legId('customer'), answered);
    await clock.tickAsync(30_000);
    port.leg(call.legId('customer'), hungUp);
    await clock.tickAsync(0);
    port.leg(call.legId('agent'), { kind: 'ended', signals: { answered: true, cause: 16 } });
    const r = await call.finished;
    const agent = call.legId('agent')!;
    const customer = call.legId('customer')!;
    const bridge = port.commands.find((c) => c.startsWith('createBridge'))!.split(' ')[1];
    assert.deepEqual(port.commands, [
      'dial agent 1001', `createBridge ${bridge} mixing`, `addToBridge ${bridge} ${agent}`, 'dial customer 0901',
      `addToBridge ${bridge} ${customer}`, `record ${bridge} ${r.recordingName}`, `hangup ${agent}`, `destroyBridge ${bridge}`,
    ]);
    assert.deepEqual({ ...r, recordingName: undefined }, {
      flow: 'agent-first', attemptId: 5, campaignId: 2, contactId: 9, agentId: null, phoneNumber: '0901',
      dialAt: new Date('2026-11-25T08:00:00Z'), answerAt: new Date('2026-11-25T08:00:01Z'), bridgeAt: new Date('2026-11-25T08:00:01Z'),
      endAt: new Date('2026-11-25T08:00:31Z'), hangupCause: 16, dialStatus: 'ANSWER', amdStatus: null, outcome: 'answered',
      endReason: 'customer_hangup', recordingName: undefined, answers: [],
    });
    assert.deepEqual(records, [r]);
    assert.deepEqual(port.dialled.map((d) => [d.role, d.ref, d.variables]), [['agent', '5', { CAMPAIGN_ID: '2' }], ['customer', '5', { CAMPAIGN_ID: '2' }]]);
    assert.equal(port.stats().watchers, 0);
    assert.equal(runner.active, 0);
    assert.equal(clock.countTimers(), 0, 'the safety timers were cancelled');
  });

  it('when the agent never answers and no event comes, then the flow timer fires, the agent is hung up and the record waits for the leg', async () => {
    const call = runner.start(agentFirst(), { ref: '6', attemptId: 6 });
    await clock.tickAsync(15_000);
    assert.equal(port.commands.at(-1), `hangup ${call.legId('agent')}`);
    assert.equal(records.length, 0, 'the record waits for the agent leg to end');
    port.leg(call.legId('agent'), { kind: 'ended', signals: { answered: false, cause: 16 } });
    const r = await call.finished;
    assert.deepEqual([r.outcome, r.endReason], [null, 'agent_unreachable']);
    assert.deepEqual(events.map((e) => e.notice.kind), ['agentRinging', 'agentUnreachable']);
  });

  it('when a leg never reports its end, then the record is written after 5 s anyway', async () => {
    const call = runner.start(agentFirst(), { ref: '7', attemptId: 7 });
    await clock.tickAsync(0);
    call.input({ kind: 'cancel' });
    await clock.tickAsync(5000);
    assert.equal((await call.finished).endReason, 'cancelled');
    assert.equal(port.stats().watchers, 0);
  });

  it('when the ARI socket drops, then every running flow is told, and a flow that cannot dial ends as failed', async () => {
    const call = runner.start(agentFirst(), { ref: '8', attemptId: 8 });
    await clock.tickAsync(0);
    port.leg(call.legId('agent'), answered);
    await clock.tickAsync(0);
    port.setStatus('degraded');
    port.leg(call.legId('customer'), { kind: 'ended', signals: { answered: false, requestFailed: true } });
    port.leg(call.legId('agent'), { kind: 'ended', signals: { answered: true } });
    const r = await call.finished;
    assert.deepEqual([r.outcome, r.endReason], ['failed', 'not_reached']);
  });

  it('when a customer-first human finds no line, then it waits in a holding bridge and gets the next line offered', async () => {
    const call = runner.start(customerFirstFlow({
      number: '0901', ringTimeoutSeconds: 15, amd: true, record: false, machine: { kind: 'hangup' },
      agent: { holdMaxSeconds: 2, mohClass: 'default', safeHarborMedia: ['sound:sorry'] },
    }), { ref: '9', attemptId: 9 });
    await clock.tickAsync(0);
    port.leg(call.legId('customer'), answered);
    port.leg(call.legId('customer'), { kind: 'amd', status: 'HUMAN', cause: 'HUMAN-1-1' });
    await clock.tickAsync(500);
    assert.equal(dispatcher.waiting, 1);
    assert.match(port.commands.join('\n'), /createBridge \S+ holding\naddToBridge .*\nmoh \S+ default/);
    const line: AgentLine = { lineId: 'L1', agentId: 3, bridgeId: 't.bridge.line' as never, agentLeg: 't.line.3.x' as never };
    dispatcher.offerLine(line);
    await clock.tickAsync(0);
    assert.ok(port.commands.includes(`addToBridge t.bridge.line ${call.legId('customer')}`));
    assert.equal(dispatcher.waiting, 0);
    port.leg(line.agentLeg, { kind: 'ended', signals: { answered: true, cause: 16 } });
    await clock.tickAsync(0);
    assert.equal(port.commands.at(-1), `hangup ${call.legId('customer')}`);
    assert.ok(!port.commands.includes(`hangup ${line.agentLeg}`), 'a customer flow never hangs up the line');
    port.leg(call.legId('customer'), hungUp);
    const r = await call.finished;
    assert.deepEqual([r.outcome, r.endReason, r.agentId], ['answered', 'agent_hangup', 3]);
    const released = events.find((e) => e.flowId === call.id && e.notice.kind === 'agentReleased');
    assert.deepEqual(released?.line, line, 'the engine learns which line to offer again after wrap-up');
  });

  it('when a line is delivered to a flow that already ended, then it goes back to the dispatcher', async () => {
    const call = runner.start(customerFirstFlow({
      number: '0901', ringTimeoutSeconds: 15, amd: false, record: false, machine: { kind: 'hangup' },
      agent: { holdMaxSeconds: 2, mohClass: 'default', safeHarborMedia: [] },
    }), { ref: '10', attemptId: 10 });
    await clock.tickAsync(0);
    port.leg(call.legId('customer'), { kind: 'ended', signals: { answered: false, dialStatus: 'BUSY', cause: 0 } });
    await call.finished;
    const line: AgentLine = { lineId: 'L2', agentId: 4, bridgeId: 'b' as never, agentLeg: 'a' as never };
    call.input({ kind: 'agentAssigned', line });
    assert.deepEqual(dispatcher.freeLines, [line]);
  });

  it('when an agent line is ready, then the notice carries the line to offer, and closing it takes it off the dispatcher', async () => {
    const lineFlow = runner.start(agentLineFlow({ extension: '1001', ringTimeoutSeconds: 10 }), { ref: 'agent3', agentId: 3 });
    await clock.tickAsync(0);
    port.leg(lineFlow.legId('agent'), answered);
    await clock.tickAsync(0);
    const ready = events.find((e) => e.notice.kind === 'lineReady');
    assert.ok(ready?.line);
    assert.equal(ready.line.agentLeg, lineFlow.legId('agent'));
    dispatcher.offerLine(ready.line);
    port.leg(lineFlow.legId('agent'), hungUp);
    await lineFlow.finished;
    assert.deepEqual(dispatcher.freeLines, []);
  });

  it('when writing the record throws, then the flow still finishes and frees everything', async () => {
    const failing = new FlowRunner({
      port, dispatcher, log, clock: { now: () => new Date() },
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      onNotice: () => undefined, onFinished: () => { throw new Error('disk full'); },
    });
    const call = failing.start(agentFirst(), { ref: '11', attemptId: 11 });
    await clock.tickAsync(0);
    port.leg(call.legId('agent'), { kind: 'ended', signals: { answered: false, dialStatus: 'BUSY' } });
    assert.equal((await call.finished).endReason, 'agent_unreachable');
    assert.equal(failing.active, 0);
    failing.close();
  });

  it('when the last flow ends, then idle() resolves', async () => {
    const call = runner.start(agentFirst(), { ref: '12', attemptId: 12 });
    let idle = false;
    void runner.idle().then(() => { idle = true; });
    await clock.tickAsync(0);
    assert.equal(idle, false);
    port.leg(call.legId('agent'), { kind: 'ended', signals: { answered: false, dialStatus: 'BUSY' } });
    await clock.tickAsync(0);
    assert.equal(idle, true);
  });
});
