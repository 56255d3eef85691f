import type { AbandonCounts } from './pacing-input';
import type { PacingSettings } from './pacing-settings';

export interface AbandonSafety {
  readonly campaignRate: number;
  readonly rollingRate: number;
  readonly pressure: number;
  /** Abandons the hour may still take before its rate passes target + hourMargin (see abandonSafety). */
  readonly hourSlack: number;
  readonly factor: number;
}

function ramp(x: number, relaxed: number, tight: number, max: number, min: number): number {
  if (relaxed > tight ? x >= relaxed : x <= relaxed) return max;
  if (relaxed > tight ? x <= tight : x >= tight) return min;
  return max + ((x - relaxed) / (tight - relaxed)) * (min - max);
}

function rate(c: AbandonCounts): number {
  return c.answered > 0 ? c.abandoned / c.answered : 0;
}

/**
 * The safety factor tightens as the measured abandon rate approaches the target. Each rate is
 * smoothed towards half the target with `abandonWeight` pseudo-answers, so one early abandon among
 * ten answers does not stop the campaign, and a run of luck does not loosen it either.
 *
 * For a small team a rate is too coarse: at a hundred answers an hour, each abandon is a point of
 * the hour's rate. So the factor also tightens, in whole abandons, as the last hour's abandons near
 * what the hour may take at target + hourMargin — counted over the answers of a full hour: the
 * window's, or `hourAnswersForecast` while the window has fewer (early in the shift).
 */
export function abandonSafety(campaign: AbandonCounts, rolling: AbandonCounts, settings: PacingSettings, hourAnswersForecast = 0): AbandonSafety {
  const target = settings.abandonTarget;
  const w = settings.priors.abandonWeight;
  const smoothed = (c: AbandonCounts) => (c.abandoned + w * target * 0.5) / (c.answered + w);
  const pressure = Math.max(smoothed(campaign), smoothed(rolling)) / target;
  const s = settings.safety;
  const hourSlack = (target + s.hourMargin) * Math.max(rolling.answered, hourAnswersForecast) - rolling.abandoned;
  const factor = Math.min(
    ramp(pressure, s.relaxedBelow, s.tightAt, s.maxFactor, s.minFactor),
    ramp(hourSlack, s.hourSlackRelaxed, s.hourSlackTight, s.maxFactor, s.minFactor),
  );
  return { campaignRate: rate(campaign), rollingRate: rate(rolling), pressure, hourSlack, factor };
}
