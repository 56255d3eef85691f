import assert from 'node:assert/strict';
import { orderCandidates, pickNext, type SelectionCandidate, type SelectionContext } from '../../../src/domain/dialer/order-candidates';
import { createSeededRandom } from '../../../src/domain/dialer/seeded-random';

const T0 = Date.parse('2025-06-16T03:00:00Z');
const min = (n: number): Date => new Date(T0 + n * 60_000);
const ordinary = (leadId: number, over: Partial<SelectionCandidate> = {}): SelectionCandidate =>
  ({ leadId, status: 'not_started', callbackAt: null, addedAt: min(-1000 + leadId), ownerAgentId: null, ...over });
const callback = (leadId: number, at: number, over: Partial<SelectionCandidate> = {}): SelectionCandidate =>
  ordinary(leadId, { status: 'callback_scheduled', callbackAt: min(at), ...over });
const ctx = (over: Partial<SelectionContext> = {}): SelectionContext =>
  ({ agentId: 1, sticky: false, mode: 'progressive', random: createSeededRandom(7), ...over });
const ids = (cs: readonly SelectionCandidate[]): number[] => cs.map((c) => c.leadId);

describe('candidate ordering', () => {
  const mixed = [ordinary(1), callback(2, -5), ordinary(3), callback(4, -30), ordinary(5), callback(6, -5, { addedAt: min(-2000) })];

  it('when callbacks are due, then they come first, earliest callback time first, older entries breaking ties', () => {
    assert.deepEqual(ids(orderCandidates(mixed, ctx())).slice(0, 3), [4, 6, 2]);
    assert.equal(pickNext(mixed, ctx())?.leadId, 4);
  });

  it('when ordinary contacts follow, then they are all there exactly once', () => {
    assert.deepEqual(ids(orderCandidates(mixed, ctx())).slice(3).sort(), [1, 3, 5]);
  });

  const many = Array.from({ length: 30 }, (_, i) => ordinary(i + 1));
  it('when the same seed is used twice, then the order is the same', () => {
    assert.deepEqual(ids(orderCandidates(many, ctx({ random: createSeededRandom(99) }))), ids(orderCandidates(many, ctx({ random: createSeededRandom(99) }))));
  });

  it('when another seed is used, then the order differs and is not the list order', () => {
    const a = ids(orderCandidates(many, ctx({ random: createSeededRandom(1) })));
    const b = ids(orderCandidates(many, ctx({ random: createSeededRandom(2) })));
    assert.notDeepEqual(a, b);
    assert.notDeepEqual(a, ids(many));
  });

  it('when the next contact is picked many times, then every ordinary contact comes up about as often', () => {
    const four = [ordinary(1), ordinary(2), ordinary(3), ordinary(4)];
    const random = createSeededRandom(2025);
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const id = pickNext(four, ctx({ random }))?.leadId ?? 0;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    assert.deepEqual([...counts.keys()].sort(), [1, 2, 3, 4]);
    for (const n of counts.values()) assert.ok(n > 850 && n < 1150, `picked ${n} of 4000`);
  });

  const owned = [ordinary(1, { ownerAgentId: 1 }), ordinary(2, { ownerAgentId: 2 }), ordinary(3), callback(4, -10, { ownerAgentId: 2 }), callback(5, -5)];
  const sticky: Array<[string, Partial<SelectionContext>, number[]]> = [
    ['a sticky campaign, agent 1', { sticky: true, agentId: 1 }, [1, 3, 5]],
    ['a sticky campaign, agent 2', { sticky: true, agentId: 2 }, [2, 3, 4, 5]],
    ['a sticky campaign dialing for the pool', { sticky: true, agentId: null }, [3, 5]],
    ['a campaign that is not sticky', { sticky: false, agentId: 1 }, [1, 2, 3, 4, 5]],
  ];
  for (const [what, over, expected] of sticky) {
    it(`when selecting in ${what}, then the candidates offered are ${expected.join(', ')}`, () => {
      assert.deepEqual(ids(orderCandidates(owned, ctx(over))).sort(), expected);
    });
  }

  it('when agent 1 picks in a sticky campaign, then it never gets the callback reserved for agent 2', () => {
    assert.equal(pickNext(owned, ctx({ sticky: true, agentId: 1 }))?.leadId, 5);
    assert.equal(pickNext(owned, ctx({ sticky: true, agentId: 2 }))?.leadId, 4);
  });

  it('when the campaign is in callback mode, then the rest comes oldest request first, not at random', () => {
    const requests = [ordinary(1, { addedAt: min(-1) }), ordinary(2, { addedAt: min(-9) }), ordinary(3, { addedAt: min(-5) })];
    assert.deepEqual(ids(orderCandidates(requests, ctx({ mode: 'callback' }))), [2, 3, 1]);
    assert.equal(pickNext(requests, ctx({ mode: 'callback' }))?.leadId, 2);
  });

  it('when nothing may be offered, then pickNext returns null', () => {
    assert.equal(pickNext([], ctx()), null);
    assert.equal(pickNext([ordinary(1, { ownerAgentId: 2 })], ctx({ sticky: true, agentId: 1 })), null);
  });
});

describe('seeded random source', () => {
  it('when two sources share a seed, then they give the same floats in [0, 1) with a mean near one half', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const xs = Array.from({ length: 5000 }, () => a());
    assert.deepEqual(xs.slice(0, 10), Array.from({ length: 10 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean}`);
  });
});
