import assert from 'node:assert/strict';
import { agentsBelowMinimum, evaluateQuota, quotaWindow, type QuotaPolicy } from '../../../src/domain/dialer/agent-quota';

describe('agent quotas', () => {
  const perDay: QuotaPolicy = { kind: 'per_day', min: 20, max: 50, timezone: 'Asia/Ho_Chi_Minh' };
  const perCampaign: QuotaPolicy = { kind: 'per_campaign', min: null, max: 100 };
  const cases: Array<[string, QuotaPolicy, number, { atMax: boolean; belowMin: boolean; remaining: number | null; shortfall: number }]> = [
    ['no quota and many customers', { kind: 'none' }, 10_000, { atMax: false, belowMin: false, remaining: null, shortfall: 0 }],
    ['a day quota with none handled yet', perDay, 0, { atMax: false, belowMin: true, remaining: 50, shortfall: 20 }],
    ['a day quota one below the minimum', perDay, 19, { atMax: false, belowMin: true, remaining: 31, shortfall: 1 }],
    ['a day quota at the minimum', perDay, 20, { atMax: false, belowMin: false, remaining: 30, shortfall: 0 }],
    ['a day quota one below the maximum', perDay, 49, { atMax: false, belowMin: false, remaining: 1, shortfall: 0 }],
    ['a day quota at the maximum', perDay, 50, { atMax: true, belowMin: false, remaining: 0, shortfall: 0 }],
    ['a day quota over the maximum (counted late)', perDay, 53, { atMax: true, belowMin: false, remaining: 0, shortfall: 0 }],
    ['a campaign quota without minimum, at its maximum', perCampaign, 100, { atMax: true, belowMin: false, remaining: 0, shortfall: 0 }],
    ['a campaign quota with only a minimum', { kind: 'per_campaign', min: 5, max: null }, 4, { atMax: false, belowMin: true, remaining: null, shortfall: 1 }],
  ];
  for (const [what, policy, count, expected] of cases) {
    it(`when ${what} (${count}), then ${expected.atMax ? 'no new customer' : 'new customers may come'}${expected.belowMin ? ', below minimum' : ''}`, () => {
      assert.deepEqual(evaluateQuota(policy, count), { count, ...expected });
    });
  }

  const windows: Array<[string, QuotaPolicy, string, string | null, string | null]> = [
    ['a Vietnamese day quota late at night UTC', perDay, '2025-06-16T18:30:00Z', '2025-06-16T17:00:00.000Z', '2025-06-17T17:00:00.000Z'],
    ['a New York day quota on the day clocks go forward', { ...perDay, timezone: 'America/New_York' }, '2025-03-09T20:00:00Z',
      '2025-03-09T05:00:00.000Z', '2025-03-10T04:00:00.000Z'],
    ['a campaign quota', perCampaign, '2025-06-16T18:30:00Z', null, null],
  ];
  for (const [what, policy, now, from, to] of windows) {
    it(`when counting for ${what}, then the window is ${from ?? 'open'} to ${to ?? 'open'}`, () => {
      const w = quotaWindow(policy, new Date(now));
      assert.deepEqual([w.from?.toISOString() ?? null, w.to?.toISOString() ?? null], [from, to]);
    });
  }

  it('when the day ends, then the agents under the minimum are listed, largest shortfall first', () => {
    const report = agentsBelowMinimum(perDay, [{ agentId: 'an', count: 25 }, { agentId: 'binh', count: 12 }, { agentId: 'chi', count: 19 }]);
    assert.deepEqual(report, [{ agentId: 'binh', count: 12, shortfall: 8 }, { agentId: 'chi', count: 19, shortfall: 1 }]);
  });
});
