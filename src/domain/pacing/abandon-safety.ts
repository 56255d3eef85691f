import type { AbandonCounts } from './pacing-input';
import type { PacingSettings } from './pacing-settings';

export interface AbandonSafety {
  readonly campaignRate: number;
  readonly rollingRate: number;
  readonly pressure: number;
  readonly factor: number;
}

function rate(c: AbandonCounts): number {
  return c.answered > 0 ? c.abandoned / c.answered : 0;
}

/**
 * The safety factor tightens as the measured abandon rate approaches the target. Each rate is
 * smoothed towards half the target with `abandonWeight` pseudo-answers, so one early abandon among
 * ten answers does not stop the campaign, and a run of luck does not loosen it either.
 */
export function abandonSafety(campaign: AbandonCounts, rolling: AbandonCounts, settings: PacingSettings): AbandonSafety {
  const target = settings.abandonTarget;
  const w = settings.priors.abandonWeight;
  const smoothed = (c: AbandonCounts) => (c.abandoned + w * target * 0.5) / (c.answered + w);
  const pressure = Math.max(smoothed(campaign), smoothed(rolling)) / target;
  const s = settings.safety;
  let factor: number;
  if (pressure <= s.relaxedBelow) factor = s.maxFactor;
  else if (pressure >= s.tightAt) factor = s.minFactor;
  else factor = s.maxFactor + ((pressure - s.relaxedBelow) / (s.tightAt - s.relaxedBelow)) * (s.minFactor - s.maxFactor);
  return { campaignRate: rate(campaign), rollingRate: rate(rolling), pressure, factor };
}
