import assert from 'node:assert/strict';
import sinon from 'sinon';
import { AgentPresence } from '../../src/dialer/agent-presence';
import type { UserId } from '../../src/domain/roles';

describe('agent presence', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => { clock = sinon.useFakeTimers(); });
  afterEach(() => clock.restore());

  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (t: unknown) => clearTimeout(t as NodeJS.Timeout) };
  const agent = 7 as UserId;

  it('when the page comes back within the wait, then the agent stays', () => {
    const asked: UserId[] = [];
    const p = new AgentPresence(timers, 60_000, (id) => { asked.push(id); return true; });
    p.disconnected(agent);
    clock.tick(59_000);
    p.connected(agent);
    clock.tick(120_000);
    assert.deepEqual(asked, []);
  });

  it('when the page stays away, then the agent is taken out once the wait is over', () => {
    const asked: UserId[] = [];
    const p = new AgentPresence(timers, 60_000, (id) => { asked.push(id); return true; });
    p.disconnected(agent);
    clock.tick(59_999);
    assert.deepEqual(asked, []);
    clock.tick(1);
    assert.deepEqual(asked, [agent]);
    clock.tick(600_000);
    assert.deepEqual(asked, [agent], 'asked once');
  });

  it('when the agent is still on a call, then they are looked at again after the same wait until they are free', () => {
    let busy = 2;
    const asked: number[] = [];
    const p = new AgentPresence(timers, 60_000, () => { asked.push(Date.now()); return busy-- <= 0; });
    p.disconnected(agent);
    clock.tick(300_000);
    assert.deepEqual(asked, [60_000, 120_000, 180_000]);
  });

  it('when stopped, then no look is left pending', () => {
    const asked: UserId[] = [];
    const p = new AgentPresence(timers, 60_000, (id) => { asked.push(id); return true; });
    p.disconnected(agent);
    p.stop();
    clock.tick(120_000);
    assert.deepEqual(asked, []);
  });

  it('when a page closes after the stop (the WebSocket hub shuts down after the engine), then nothing is armed', () => {
    const asked: UserId[] = [];
    const p = new AgentPresence(timers, 60_000, (id) => { asked.push(id); return true; });
    p.stop();
    p.disconnected(agent);
    assert.equal(clock.countTimers(), 0);
    clock.tick(120_000);
    assert.deepEqual(asked, []);
  });
});
