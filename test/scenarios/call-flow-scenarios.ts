import assert from 'node:assert/strict';
import { agentFirstFlow, type AgentFirstOptions } from '../../src/domain/flows/agent-first-flow';
import { customerFirstFlow, type CustomerFirstOptions } from '../../src/domain/flows/customer-first-flow';
import { ivrFlow, type IvrOptions } from '../../src/domain/flows/ivr-flow';
import type { FlowHandle } from '../../src/telephony/flow-runner';
import { ScenarioHarness } from './scenario-harness';
import type { ScenarioTarget } from './scenario-target';

/**
 * The call-flow scenarios, written once. Each target (real Asterisk, the simulator) calls
 * registerCallFlowScenarios with a factory; the calls are short because the test hangs up,
 * not because it sleeps.
 */
let attempt = 1000;

const agentFirst = (number: string, over: Partial<AgentFirstOptions> = {}): AgentFirstOptions => ({
  customer: { number, callerId: { number: '02800000', name: 'Dialer IT' } },
  agent: { kind: 'ring', extension: '1001', ringTimeoutSeconds: 5 },
  ringTimeoutSeconds: 15, record: false, ...over,
});

const customerFirst = (number: string, over: Partial<CustomerFirstOptions> = {}): CustomerFirstOptions => ({
  number, ringTimeoutSeconds: 15, amd: true, record: false, machine: { kind: 'hangup' },
  agent: { holdMaxSeconds: 2, mohClass: 'default', safeHarborMedia: ['sound:sorry'] }, ...over,
});

/** `events`: which ARI event path the dialer reads (its own WebSocket, or ari-client's); both must behave the same. */
export function registerCallFlowScenarios(makeTarget: () => Promise<ScenarioTarget>, events: 'own' | 'ari-client' = 'own'): void {
  let target: ScenarioTarget;
  let h: ScenarioHarness;

  before(async function () {
    this.timeout(20_000);
    target = await makeTarget();
    h = new ScenarioHarness(target, events);
    await h.start();
  });

  after(async function () {
    this.timeout(20_000);
    await h?.stop();
    await target?.close();
  });

  beforeEach(function () {
    target.beginScenario?.(this.currentTest?.titlePath().slice(1).join(' / ') ?? '');
  });

  afterEach(async function () {
    this.timeout(10_000);
    // Whatever a scenario did, nothing of ours may stay on the PBX.
    await h.until(() => h.telephony.runner.active === 0, 8000, 'all flows to end').catch(() => undefined);
    assert.deepEqual(await h.oursSettled(), { channels: [], bridges: [] });
    assert.deepEqual(h.telephony.port.stats(), { legs: 0, watchers: 0, playbacks: 0 });
  });

  const start = (flow: Parameters<ScenarioHarness['telephony']['runner']['start']>[0], number: string): FlowHandle =>
    h.telephony.runner.start(flow, { ref: String(++attempt), attemptId: attempt, campaignId: 7, contactId: attempt + 5000, phoneNumber: number });

  describe('agent first', () => {
    const failures: [string, string, string, Partial<AgentFirstOptions>][] = [
      ['busy', '09020001', 'busy', {}],
      ['no answer', '09030001', 'no_answer', { ringTimeoutSeconds: 3 }],
      ['congestion', '09040001', 'congestion', {}],
      ['an unallocated number', '09000001', 'invalid_number', {}],
    ];
    for (const [what, number, outcome, over] of failures) {
      it(`when the customer is ${what}, then the attempt is ${outcome}, the agent is released and nobody was bridged`, async () => {
        const call = start(agentFirstFlow(agentFirst(number, over)), number);
        const r = await h.storedRecord(call);
        assert.equal(r.outcome, outcome);
        assert.equal(r.endReason, 'not_reached');
        assert.equal(r.bridgeAt, null);
        assert.ok(r.dialAt);
        assert.ok(h.noticesOf(call).includes('agentReleased'));
      });
    }

    it('when agent and customer answer, then they are bridged together, and the agent ending the call ends both', async () => {
      const call = start(agentFirstFlow(agentFirst('09010001')), '09010001');
      await h.notice(call, 'connected');
      const bridge = (await target.bridges()).find((b) => b.channels.includes(call.legId('customer')!));
      assert.ok(bridge, 'the customer is in a bridge');
      assert.deepEqual([...bridge.channels].sort(), [call.legId('agent'), call.legId('customer')].sort());
      call.input({ kind: 'cancel' });
      const r = await h.storedRecord(call);
      assert.equal(r.outcome, 'answered');
      assert.ok(r.answerAt && r.bridgeAt && r.answerAt <= r.bridgeAt && r.bridgeAt <= r.endAt);
    });

    it('when the customer hangs up first, then the agent is hung up and the record says customer_hangup with cause 16', async () => {
      const call = start(agentFirstFlow(agentFirst('09010002')), '09010002');
      await h.notice(call, 'connected');
      await target.hangUpFarEnd(call.legId('customer')!);
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.endReason, r.hangupCause], ['answered', 'customer_hangup', 16]);
    });

    it('when the agent hangs up first, then the customer is hung up and the record says agent_hangup', async () => {
      const call = start(agentFirstFlow(agentFirst('09010003')), '09010003');
      await h.notice(call, 'connected');
      await target.hangUpFarEnd(call.legId('agent')!);
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.endReason], ['answered', 'agent_hangup']);
    });

    it('when the agent does not answer, then the agent is reported unreachable and the customer is never dialled', async () => {
      const call = start(agentFirstFlow(agentFirst('09010004', { agent: { kind: 'ring', extension: '9001', ringTimeoutSeconds: 2 } })), '09010004');
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.endReason, r.dialAt], [null, 'agent_unreachable', null]);
      assert.equal(call.legId('customer'), undefined);
      assert.ok(h.noticesOf(call).includes('agentUnreachable'));
    });

    it('when the campaign records calls, then the bridge recording is named in the call record and stored by the PBX', async () => {
      const call = start(agentFirstFlow(agentFirst('09010005', { record: true })), '09010005');
      await h.notice(call, 'connected');
      await new Promise((r) => setTimeout(r, 500));
      await target.hangUpFarEnd(call.legId('customer')!);
      const r = await h.storedRecord(call);
      assert.ok(r.recordingName, 'a recording name in the record');
      assert.ok((await target.storedRecordings()).includes(r.recordingName), 'the PBX stored the recording');
    });
  });

  describe('customer first', () => {
    it('when a human answers and an agent line is free, then the customer joins that line at once', async () => {
      const { handle: lineFlow, line } = await h.openLine(21, '1021');
      const call = start(customerFirstFlow(customerFirst('09010011')), '09010011');
      await h.notice(call, 'connected');
      const bridge = (await target.bridges()).find((b) => b.id === line.bridgeId);
      assert.deepEqual([...(bridge?.channels ?? [])].sort(), [line.agentLeg, call.legId('customer')].sort());
      assert.ok(!h.noticesOf(call).includes('waitingForAgent'));
      await target.hangUpFarEnd(call.legId('customer')!);
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.amdStatus, r.agentId, r.endReason], ['answered', 'HUMAN', 21, 'customer_hangup']);
      assert.deepEqual((await target.bridges()).find((b) => b.id === line.bridgeId)?.channels, [line.agentLeg], 'the agent stays parked on the line');
      await h.closeLine(lineFlow);
    });

    for (const machine of [{ kind: 'message', media: ['sound:vm-goodbye'] }, { kind: 'hangup' }] as const) {
      it(`when a machine answers, then it gets ${machine.kind === 'message' ? 'the message' : 'hung up'} and the attempt is machine`, async () => {
        const call = start(customerFirstFlow(customerFirst('09060001', { machine })), '09060001');
        const r = await h.storedRecord(call);
        assert.deepEqual([r.outcome, r.amdStatus, r.endReason, r.bridgeAt], ['machine', 'MACHINE', 'machine', null]);
      });
    }

    it('when no agent is free, then the customer waits on music on hold and is bridged when a line frees up', async () => {
      const { handle: lineFlow, line } = await h.openLine(22, '1022', false);
      const call = start(customerFirstFlow(customerFirst('09010012', { agent: { holdMaxSeconds: 10, mohClass: 'default', safeHarborMedia: ['sound:sorry'] } })), '09010012');
      await h.notice(call, 'waitingForAgent');
      const holding = (await target.bridges()).find((b) => b.channels.includes(call.legId('customer')!));
      assert.equal(holding?.bridge_type, 'holding');
      h.telephony.dispatcher.offerLine(line);
      await h.notice(call, 'connected');
      await target.hangUpFarEnd(call.legId('customer')!);
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.agentId], ['answered', 22]);
      assert.ok(r.answerAt && r.bridgeAt && r.bridgeAt > r.answerAt);
      await h.closeLine(lineFlow);
    });

    it('when nobody frees up within the hold time, then the safe-harbor prompt plays and the call counts as abandoned', async () => {
      const call = start(customerFirstFlow(customerFirst('09010013')), '09010013');
      await h.notice(call, 'waitingForAgent');
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.endReason, r.agentId], ['abandoned', 'abandoned', null]);
      assert.ok(r.endAt.getTime() - r.answerAt!.getTime() >= 2000, 'it waited the hold time first');
    });
  });

  describe('IVR', () => {
    const script: IvrOptions['ivr'] = {
      questions: [
        { id: 'q1', prompt: ['sound:vm-press'], validDigits: '12345', timeoutSeconds: 4, retries: 0, branches: {} },
        { id: 'q2', prompt: ['sound:vm-press'], validDigits: '12345', timeoutSeconds: 4, retries: 0 },
      ],
      invalidMedia: ['sound:pm-invalid-option'], goodbyeMedia: ['sound:auth-thankyou'],
    };
    const ivr = (number: string, ivrScript = script): IvrOptions => ({
      number, ringTimeoutSeconds: 15, amd: false, record: false, machine: { kind: 'hangup' },
      agent: { holdMaxSeconds: 2, mohClass: 'default', safeHarborMedia: ['sound:sorry'] }, ivr: ivrScript,
    });

    it('when the customer keys 2 then 3, then both answers are stored in order', async () => {
      const call = start(ivrFlow(ivr('090823')), '090823');
      const r = await h.storedRecord(call);
      assert.deepEqual(r.answers, [{ questionId: 'q1', answer: '2' }, { questionId: 'q2', answer: '3' }]);
      assert.deepEqual([r.outcome, r.endReason], ['answered', 'ivr_complete']);
    });

    it('when the customer presses 1 for an agent, then the customer is bridged to a free agent', async () => {
      const { handle: lineFlow, line } = await h.openLine(23, '1023');
      const toAgent = { ...script, questions: [{ ...script.questions[0]!, branches: { 1: 'agent' as const } }] };
      const call = start(ivrFlow(ivr('09050001', toAgent)), '09050001');
      await h.notice(call, 'connected');
      assert.ok((await target.bridges()).find((b) => b.id === line.bridgeId)?.channels.includes(call.legId('customer')!));
      await target.hangUpFarEnd(call.legId('customer')!);
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.agentId, r.answers], ['answered', 23, [{ questionId: 'q1', answer: '1' }]]);
      await h.closeLine(lineFlow);
    });
  });

  describe('inbound callback request', () => {
    it('when an inbound caller presses 1, then a callback request with their number is queued and the call ends', async () => {
      await target.placeCallbackRequestCall('0912345678');
      await h.until(() => h.callbacks.pending().length > 0, 15_000, 'the callback request');
      assert.deepEqual(h.callbacks.pending().map((c) => c.phoneNumber), ['0912345678']);
      await h.until(() => h.telephony.runner.active === 0, 10_000, 'the callback flow to end');
    });
  });

  describe('inbound calls to the agents', () => {
    afterEach(() => { h.inboundAgents = []; });
    const notices = () => h.noticesOfFlow('inbound').map((n) => (n.kind === 'inboundOffered' || n.kind === 'inboundAnswered' || n.kind === 'inboundNotTaken' ? `${n.kind}:${n.agentId}` : n.kind));

    it('when a known caller dials in and an agent is ON, then the agent rings with the caller ID, they are bridged, and the record names agent and contact', async function () {
      this.timeout(30_000);
      h.clearNotices();
      h.inboundAgents = [h.inboundAgent(31, '1031')];
      h.addContact(501, '0912340001');
      const before = h.lastRecordId('inbound');
      const caller = await target.placeInboundCall('0912340001', '0281234567');
      await h.until(() => notices().includes('connected'), 15_000, 'the inbound call bridged');
      const bridges = await target.bridges();
      const mine = bridges.filter((b) => b.id.startsWith(`${h.idPrefix}.`));
      assert.equal(mine.length, 1, 'the holding bridge is gone, one mixing bridge is left');
      assert.equal(mine[0]!.bridge_type, 'mixing');
      assert.equal(mine[0]!.channels.length, 2);
      await caller.hangUp();
      const r = await h.recordOfFlow('inbound', before);
      assert.deepEqual([r.flow, r.outcome, r.endReason, r.agentId, r.contactId, r.phoneNumber], ['inbound', 'answered', 'customer_hangup', 31, 501, '0912340001']);
      assert.ok(r.bridgeAt, 'bridged');
      assert.deepEqual(notices().slice(0, 3), ['inboundQueued', 'inboundOffered:31', 'inboundAnswered:31']);
      assert.deepEqual(await h.oursSettled(), { channels: [], bridges: [] });
    });

    it('when no agent is ON, then the caller hears the closing message and the call ends as no_agent, unknown caller without a contact', async function () {
      this.timeout(30_000);
      h.clearNotices();
      const before = h.lastRecordId('inbound');
      await target.placeInboundCall('0912340002', '0281234567');
      const r = await h.recordOfFlow('inbound', before);
      assert.deepEqual([r.outcome, r.endReason, r.agentId, r.contactId, r.phoneNumber], ['abandoned', 'no_agent', null, null, '0912340002']);
      assert.deepEqual(await h.oursSettled(), { channels: [], bridges: [] });
    });

    it('when the first agent does not answer in time, then the next agent is rung and takes the call', async function () {
      this.timeout(40_000);
      h.clearNotices();
      h.inboundAgents = [h.inboundAgent(32, '9032'), h.inboundAgent(33, '1033')];
      const before = h.lastRecordId('inbound');
      const caller = await target.placeInboundCall('0912340003', '0281234567');
      await h.until(() => notices().includes('connected'), 25_000, 'the second agent bridged');
      assert.deepEqual(notices().filter((n) => n.startsWith('inbound')), ['inboundQueued', 'inboundOffered:32', 'inboundNotTaken:32', 'inboundOffered:33', 'inboundAnswered:33']);
      await caller.hangUp();
      const r = await h.recordOfFlow('inbound', before);
      assert.deepEqual([r.outcome, r.agentId], ['answered', 33]);
      assert.deepEqual(await h.oursSettled(), { channels: [], bridges: [] });
    });

    it('when the caller hangs up while the agent rings, then it is a missed call (queue_hangup) and the agent phone stops', async function () {
      this.timeout(30_000);
      h.clearNotices();
      h.inboundAgents = [h.inboundAgent(34, '9034')];
      const before = h.lastRecordId('inbound');
      const caller = await target.placeInboundCall('0912340004', '0281234567');
      await h.until(() => notices().includes('inboundOffered:34'), 15_000, 'the agent rung');
      await caller.hangUp();
      const r = await h.recordOfFlow('inbound', before);
      assert.deepEqual([r.outcome, r.endReason, r.agentId, r.bridgeAt], ['abandoned', 'queue_hangup', null, null]);
      assert.deepEqual(await h.oursSettled(), { channels: [], bridges: [] });
    });
  });

  describe('ARI connection', () => {
    it('when the WebSocket drops mid-call and the customer hangs up meanwhile, then after the reconnect the call is closed and nothing is left', async () => {
      const call = start(agentFirstFlow(agentFirst('09010031')), '09010031');
      await h.notice(call, 'connected');
      await target.cutAri();
      await h.until(() => h.telephony.port.status === 'degraded', 5000, 'degraded');
      await target.hangUpFarEnd(call.legId('customer')!);
      await target.resumeAri();
      await h.until(() => h.telephony.port.status === 'ready', 10_000, 'ready again');
      const r = await h.storedRecord(call);
      assert.deepEqual([r.outcome, r.endReason], ['answered', 'customer_hangup']);
    });

    it('when the PBX restarts mid-call, then no call is placed while it shuts down, the torn-down call is a telephony error, and new calls work after the reconnect', async function () {
      this.timeout(40_000);
      const call = start(agentFirstFlow(agentFirst('09010032')), '09010032');
      await h.notice(call, 'connected');
      const restarted = target.restartPbx();
      const r = await h.storedRecord(call, 30_000);
      assert.deepEqual([r.outcome, r.endReason], ['answered', 'telephony_error']);
      // The socket stays open for about a second after the teardown, while Asterisk refuses everything.
      assert.equal(h.telephony.port.status, 'degraded', 'no new calls from the first soft hangup on');
      const during = start(agentFirstFlow(agentFirst('09010033')), '09010033');
      const refused = await h.storedRecord(during);
      assert.deepEqual([refused.outcome, refused.endReason], [null, 'telephony_error'], 'neither the agent nor the number is blamed');
      await restarted;
      await h.until(() => h.telephony.port.status === 'ready', 15_000, 'ready after the restart');
      const next = start(agentFirstFlow(agentFirst('09020032')), '09020032');
      assert.equal((await h.storedRecord(next)).outcome, 'busy');
    });
  });
}
