import assert from 'node:assert/strict';
import { campaignDefaults } from '../../../src/domain/campaign-settings';
import { campaignPacingSettings } from '../../../src/domain/pacing/campaign-pacing-settings';
import { DEFAULT_PACING_SETTINGS } from '../../../src/domain/pacing/pacing-settings';

describe('campaign pacing settings', () => {
  it('when a predictive campaign is paced, then its target, lines per agent and wrap-up countdown apply with the telephony timings', () => {
    const campaign = { ...campaignDefaults('Spring sale', 'predictive'), abandonRateTarget: 0.02, maxLinesPerAgent: 2, wrapUpSeconds: 45 };
    const s = campaignPacingSettings(campaign, { ringTimeoutSeconds: 20, holdMaxSeconds: 2 });
    assert.equal(s.abandonTarget, 0.02);
    assert.equal(s.maxLinesPerAgent, 2);
    assert.equal(s.wrapUpLimitMs, 45_000);
    assert.equal(s.ringTimeoutMs, 20_000);
    assert.equal(s.holdLimitMs, 2000);
    assert.deepEqual(s.priors, DEFAULT_PACING_SETTINGS.priors);
  });

  it('when the campaign keeps its defaults, then they match the pacing defaults', () => {
    const s = campaignPacingSettings(campaignDefaults('Plain', 'predictive'), { ringTimeoutSeconds: 15, holdMaxSeconds: 2 });
    assert.equal(s.abandonTarget, DEFAULT_PACING_SETTINGS.abandonTarget);
    assert.equal(s.maxLinesPerAgent, DEFAULT_PACING_SETTINGS.maxLinesPerAgent);
  });
});
