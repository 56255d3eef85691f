import type { AbandonCounts } from './pacing-input';
import type { PacingSettings } from './pacing-settings';

export interface AbandonSafety {
  readonly campaignRate: number;
  readonly rollingRate: number;
  readonly pressure: number;
  /** Abandons the last hour may still take before its rate passes target + hourMargin (see abandonSafety). */
  readonly hourSlack: number;
  readonly factor: number;
}

/** max at and above `relaxed`, min at and below `tight` (< relaxed), linear between. */
function ramp(x: number, relaxed: number, tight: number, max: number, min: number): number {
  if (x >= relaxed) return max;
  if (x <= tight) return min;
  return min + ((x - tight) / (relaxed - tight)) * (max - min);
}

function rate(c: AbandonCounts): number {
  return c.answered > 0 ? c.abandoned / c.answered : 0;
}

/**
 * The safety factor follows the measured abandon rates (see SafetyCurve). Each rate is smoothed
 * towards half the target with `abandonWeight` pseudo-answers, so one early abandon among ten
 * answers does not stop the campaign, and a run of luck does not loosen it either. Pressure is the
 * worse of the campaign's rate against the target and the rolling hour's against the target + half
 * the hour margin: the hour settles well clear of its ceiling (target + hourMargin).
 *
 * For a small team a rate is too coarse: at a hundred answers an hour, each abandon is a point of
 * the hour's rate. So the factor also tightens, in whole abandons, as the last hour's abandons near
 * what the hour may take at target + hourMargin — counted over the answers of a full hour: the
 * window's, or `hourAnswersForecast` while the window has fewer (early in the shift).
 */
export function abandonSafety(campaign: AbandonCounts, rolling: AbandonCounts, settings: PacingSettings, hourAnswersForecast = 0): AbandonSafety {
  const target = settings.abandonTarget;
  const w = settings.priors.abandonWeight;
  const s = settings.safety;
  const hourCeiling = target + s.hourMargin;
  const smoothed = (c: AbandonCounts) => (c.abandoned + w * target * 0.5) / (c.answered + w);
  const pressure = target > 0 ? Math.max(smoothed(campaign) / target, smoothed(rolling) / (target + s.hourMargin / 2)) : Infinity;
  // At the ceiling itself, only the minimum: the target is approached, never run over.
  const byRate = pressure >= 1 ? s.minFactor : Math.min(s.maxFactor, Math.max(s.minFactor, Math.exp(s.gain * (s.aim - pressure))));
  const hourSlack = hourCeiling * Math.max(rolling.answered, hourAnswersForecast) - rolling.abandoned;
  const factor = Math.min(byRate, ramp(hourSlack, s.hourSlackRelaxed, s.hourSlackTight, s.maxFactor, s.minFactor));
  return { campaignRate: rate(campaign), rollingRate: rate(rolling), pressure, hourSlack, factor };
}
