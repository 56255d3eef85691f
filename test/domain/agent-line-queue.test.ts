import assert from 'node:assert/strict';
import { AgentLineQueue } from '../../src/domain/agent-line-queue';
import { bridgeId, legId } from '../../src/domain/telephony-ids';

const line = (n: number) => ({ lineId: `l${n}`, agentId: n, bridgeId: bridgeId(`b${n}`), agentLeg: legId(`a${n}`) });

describe('agent line queue', () => {
  it('when a line is free, then the first customer to ask gets it at once', () => {
    const q = new AgentLineQueue<string>();
    assert.equal(q.offer(line(1)), undefined);
    assert.deepEqual(q.request('c1'), line(1));
    assert.equal(q.request('c2'), undefined);
    assert.equal(q.waitingCount, 1);
  });

  it('when several customers wait, then freed lines go to them first in, first out', () => {
    const q = new AgentLineQueue<string>();
    for (const c of ['c1', 'c2', 'c3']) assert.equal(q.request(c), undefined);
    assert.equal(q.withdraw('c2'), true);
    assert.deepEqual(q.offer(line(1)), { waiter: 'c1', line: line(1) });
    assert.deepEqual(q.offer(line(2)), { waiter: 'c3', line: line(2) });
    assert.equal(q.offer(line(3)), undefined);
    assert.deepEqual(q.freeLines.map((l) => l.lineId), ['l3']);
  });

  it('when a line is declined, then it goes back to the front of the free lines', () => {
    const q = new AgentLineQueue<string>();
    q.offer(line(2));
    assert.equal(q.giveBack(line(1)), undefined);
    assert.deepEqual(q.freeLines.map((l) => l.lineId), ['l1', 'l2']);
    assert.equal(q.removeLine('l1'), true);
    assert.equal(q.removeLine('l1'), false);
  });

  it('when a line is offered twice, then it is listed once', () => {
    const q = new AgentLineQueue<string>();
    q.offer(line(1));
    q.offer(line(1));
    assert.equal(q.freeLines.length, 1);
  });
});
