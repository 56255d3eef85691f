import { isCompliant, type HindsightBound } from './hindsight-bound';
import type { ShiftResult } from './shift-result';
import type { ShiftScenario } from './shift-scenario';

const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

/** Largest gap to the hindsight bound the verdict accepts: 3 points from 10 agents up, 6 for smaller teams. */
export function allowedGap(agents: number): number {
  return agents >= 10 ? 0.03 : 0.06;
}

export interface Verdict {
  readonly ok: boolean;
  readonly best: ShiftResult | null;
  readonly gap: number | null;
  readonly text: string;
}

/**
 * The first result is the pacer's, the others the baselines'. PASS when the pacer keeps the shift
 * at or below the target and no hour above it + 1 point, beats every baseline that does the same,
 * and is within allowedGap of the hindsight bound.
 */
export function verdict(results: readonly ShiftResult[], s: ShiftScenario, bound: HindsightBound | null): Verdict {
  const target = s.abandonTarget;
  const [ours, ...baselines] = results;
  if (!ours) return { ok: false, best: null, gap: null, text: 'no result' };
  const compliant = baselines.filter((b) => isCompliant(b, target));
  const best = compliant.reduce<ShiftResult | null>((a, b) => (a && a.occupancy >= b.occupancy ? a : b), null);
  const keepsShift = ours.abandonRate <= target + 1e-12;
  const keepsHours = ours.worstHourAbandonRate <= target + 0.01 + 1e-12;
  const beats = !best || ours.occupancy > best.occupancy;
  const gap = bound?.best ? bound.best.occupancy - ours.occupancy : null;
  const closeEnough = gap === null || gap <= allowedGap(s.agents) + 1e-12;
  const vs = best ? `best compliant baseline ${best.policy.trim()} ${pct(best.occupancy)}` : 'no compliant baseline';
  const ok = keepsShift && keepsHours && beats && closeEnough;
  const gapText = gap === null ? (bound ? 'no compliant bound' : 'bound not computed') : `gap to bound ${pts(gap)} pts ${closeEnough ? '≤' : '>'} ${(allowedGap(s.agents) * 100).toFixed(0)}`;
  return {
    ok, best, gap,
    text: `${ok ? 'PASS' : 'FAIL'}: abandon ${pct(ours.abandonRate, 2)} ${keepsShift ? '≤' : '>'} ${pct(target)}, `
      + `worst hour ${pct(ours.worstHourAbandonRate, 2)} ${keepsHours ? '≤' : '>'} ${pct(target + 0.01)}, `
      + `occupancy ${pct(ours.occupancy)} ${beats ? 'beats' : 'does not beat'} ${vs}, ${gapText}`,
  };
}

