import { dialLevelCalls } from './dial-level';
import type { DialPolicy, DialPolicyFactory, ShiftView } from './dial-policy';

/** Tuning of the adaptive baseline, after VICIdial's adaptive campaign settings. */
export interface AdaptiveTaperedOptions {
  /** adaptive_dropped_percentage, as a fraction. */
  readonly target: number;
  /** adaptive_maximum_level. */
  readonly maxLevel: number;
  /** How often the level is recomputed. */
  readonly intervalMs: number;
  /** Answered calls needed before the day's drop rate is trusted (VICIdial: 50). */
  readonly minAnswered: number;
}

const MINUTE_MS = 60_000;

/**
 * An adaptive dial level in the style of VICIdial's ADAPT_TAPERED, written for this benchmark from
 * its documented behaviour. Every interval the level is scaled by 1 + (ready agents − waiting
 * customers) / agents, averaged over the last minute, and bounded to [1, maxLevel]; it is halved
 * when more than half of the last minute's answered calls were dropped; and while the shift's drop
 * rate is over the target it is multiplied by (hours left / 10), so running over is tolerated early
 * and punished harder as the end of the shift nears.
 */
export function adaptiveTaperedPolicy(opts: AdaptiveTaperedOptions): DialPolicyFactory {
  return (): DialPolicy => {
    let level = 1;
    let nextAdjustAt = opts.intervalMs;
    const samples: { at: number; diff: number; agents: number; answered: number; abandoned: number }[] = [];
    return {
      name: 'adapt tapered',
      decide(v) {
        const counted = v.ready + v.talking;
        const c = v.campaign;
        samples.push({ at: v.nowMs, diff: v.ready - v.waiting, agents: counted, answered: c.answered, abandoned: c.abandoned });
        while (samples.length > 0 && samples[0]!.at < v.nowMs - MINUTE_MS) samples.shift();
        if (v.nowMs >= nextAdjustAt) {
          nextAdjustAt += opts.intervalMs;
          level = adjustLevel(level, samples, v, opts);
        }
        return dialLevelCalls(v, level);
      },
    };
  };
}

function adjustLevel(level: number, minute: { diff: number; agents: number; answered: number; abandoned: number }[], v: ShiftView, opts: AdaptiveTaperedOptions): number {
  const avg = (f: (s: (typeof minute)[number]) => number) => minute.reduce((a, s) => a + f(s), 0) / Math.max(1, minute.length);
  const agents = avg((s) => s.agents);
  let next = agents > 0 ? level * (1 + avg((s) => s.diff) / agents) : level;
  next = Math.min(opts.maxLevel, Math.max(1, next));
  const first = minute[0];
  const c = v.campaign;
  if (first && c.answered - first.answered > 20 && (c.abandoned - first.abandoned) / (c.answered - first.answered) > 0.5) next /= 2;
  if (c.answered > opts.minAnswered && c.abandoned / c.answered > opts.target) {
    const hoursLeft = (v.shiftMs - v.nowMs) / 3_600_000;
    next *= Math.min(1, Math.max(0, hoursLeft / 10));
  }
  return Math.max(1, next);
}
