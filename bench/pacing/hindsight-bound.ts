import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DialPolicyFactory } from './dial-policy';
import { fixedRatioPolicy } from './fixed-ratio-policy';
import { fixedRiskPolicy } from './fixed-risk-policy';
import { queueModelPolicy } from './queue-model-policy';
import type { ShiftResult } from './shift-result';
import type { ShiftScenario } from './shift-scenario';
import { simulateShift } from './simulate-shift';

/**
 * Each family's cache version: raise it when the family, its range or what it depends on changes
 * (the simulation: all of them; the pacer's forecast: fixed risk), so its cached bounds are recomputed.
 */
const FAMILY_VERSIONS: Record<BoundPoint['family'], number> = { 'dial level': 2, 'queue model': 2, 'fixed risk': 3 };

/** The compliance the bound (and the verdict) holds a policy to: the shift at or below the target, no hour above it + 1 point. */
export function isCompliant(r: Pick<ShiftResult, 'abandonRate' | 'worstHourAbandonRate'>, target: number): boolean {
  return r.abandonRate <= target + 1e-12 && r.worstHourAbandonRate <= target + 0.01 + 1e-12;
}

export interface BoundPoint {
  readonly family: 'dial level' | 'queue model' | 'fixed risk';
  /** The dial level r, the queue model's target wait in ms, or the fixed risk per call. */
  readonly setting: number;
  readonly occupancy: number;
  readonly abandonRate: number;
  readonly worstHourAbandonRate: number;
}

export interface HindsightBound {
  /** The compliant setting with the highest occupancy, or null if no setting searched was compliant. */
  readonly best: BoundPoint | null;
  /** Per family, its best compliant point. */
  readonly byFamily: readonly BoundPoint[];
  /** Shifts simulated to find it (0 when read from the cache). */
  readonly simulated: number;
}

interface Family {
  readonly family: BoundPoint['family'];
  /** Ascending: a larger setting dials harder. */
  readonly grid: readonly number[];
  readonly make: (s: ShiftScenario, setting: number) => DialPolicyFactory;
  /** Where it is searched (each of its shifts costs as much as the pacer's own). */
  readonly appliesTo: (s: ShiftScenario) => boolean;
}

/** Up to this many agents the fixed-risk family is searched too: the two cheap families are weakest there. */
export const FIXED_RISK_MAX_AGENTS = 50;

/**
 * Dial level up to 3 lines per agent (the pacer's own line cap); queue-model target wait from −15 s
 * (only agents ready now count) to 80 s; and, for teams up to FIXED_RISK_MAX_AGENTS, our own
 * forecast with a fixed risk per call (0.5% to 30%) and no feedback.
 */
const FAMILIES: readonly Family[] = [
  { family: 'dial level', grid: [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3], make: (_s, r) => fixedRatioPolicy(r), appliesTo: () => true },
  { family: 'queue model', grid: [-15000, -10000, -5000, 0, 5000, 10000, 20000, 40000, 80000], make: (_s, w) => queueModelPolicy(w), appliesTo: () => true },
  {
    family: 'fixed risk', grid: [0.005, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.2, 0.3], make: fixedRiskPolicy,
    appliesTo: (s) => s.agents <= FIXED_RISK_MAX_AGENTS,
  },
];
/** Bisection steps between the last compliant grid point and the next. */
const FINE_STEPS = 4;

function describe(f: BoundPoint['family'], setting: number): string {
  if (f === 'dial level') return `dial level ${setting.toFixed(2)}`;
  if (f === 'queue model') return `queue W ${(setting / 1000).toFixed(1)} s`;
  return `fixed risk ${(setting * 100).toFixed(2)}%`;
}

export function describeBound(p: BoundPoint): string {
  return describe(p.family, p.setting);
}

/**
 * Coarse then fine: walk the grid until two points in a row break compliance (abandon grows with
 * the setting), then bisect between the last compliant point and the next. Every compliant point
 * met is a candidate, so the best is kept even where the curve is not monotone.
 */
function searchFamily(s: ShiftScenario, f: Family): { best: BoundPoint | null; simulated: number } {
  let simulated = 0;
  let best: BoundPoint | null = null;
  const run = (setting: number): boolean => {
    const r = simulateShift(s, f.make(s, setting)());
    simulated += 1;
    const ok = isCompliant(r, s.abandonTarget);
    if (ok && (!best || r.occupancy > best.occupancy)) {
      best = { family: f.family, setting, occupancy: r.occupancy, abandonRate: r.abandonRate, worstHourAbandonRate: r.worstHourAbandonRate };
    }
    return ok;
  };
  let lastOk = -1;
  let misses = 0;
  for (let i = 0; i < f.grid.length && misses < 2; i++) {
    if (run(f.grid[i]!)) {
      lastOk = i;
      misses = 0;
    } else misses += 1;
  }
  if (lastOk >= 0 && lastOk + 1 < f.grid.length) {
    let lo = f.grid[lastOk]!;
    let hi = f.grid[lastOk + 1]!;
    for (let k = 0; k < FINE_STEPS; k++) {
      const mid = (lo + hi) / 2;
      if (run(mid)) lo = mid;
      else hi = mid;
    }
  }
  return { best, simulated };
}

export function searchHindsightBound(s: ShiftScenario, cache?: BoundCache): HindsightBound {
  let simulated = 0;
  const byFamily: BoundPoint[] = [];
  for (const f of FAMILIES.filter((x) => x.appliesTo(s))) {
    const hit = cache?.get(s, f.family);
    const r = hit !== undefined ? { best: hit, simulated: 0 } : searchFamily(s, f);
    if (hit === undefined) cache?.put(s, f.family, r.best);
    simulated += r.simulated;
    if (r.best) byFamily.push(r.best);
  }
  const best = byFamily.reduce<BoundPoint | null>((a, b) => (a && a.occupancy >= b.occupancy ? a : b), null);
  return { best, byFamily, simulated };
}

/**
 * Each family's best point (or null: none compliant), keyed by the family, its version and
 * everything that decides it: the scenario itself (seed, size, length). Written after every search.
 */
export class BoundCache {
  private readonly entries: Record<string, BoundPoint | null>;

  constructor(private readonly file: string | undefined) {
    this.entries = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BoundCache['entries']) : {};
  }

  static key(s: ShiftScenario, family: BoundPoint['family']): string {
    return `${family} v${FAMILY_VERSIONS[family]} ${JSON.stringify(s)}`;
  }

  get(s: ShiftScenario, family: BoundPoint['family']): BoundPoint | null | undefined {
    return this.entries[BoundCache.key(s, family)];
  }

  put(s: ShiftScenario, family: BoundPoint['family'], best: BoundPoint | null): void {
    this.entries[BoundCache.key(s, family)] = best;
    if (this.file) writeFileSync(this.file, `${JSON.stringify(this.entries, null, 1)}\n`);
  }

  bound(s: ShiftScenario): HindsightBound {
    return searchHindsightBound(s, this);
  }
}
