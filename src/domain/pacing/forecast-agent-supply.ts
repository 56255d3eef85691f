import { lognormalCdf, lognormalSurvival, type Lognormal } from './lognormal';
import { zeros, type SlotForecast } from './slot-forecast';

export interface SupplyModel {
  readonly talk: Lognormal;
  readonly wrapUp: Lognormal;
  readonly wrapUpLimitMs: number | null;
}

export interface SupplyForecast extends SlotForecast {
  readonly ready: number;
  readonly wrapUpAgents: number;
  /** P(agent i in wrap-up is free by deadline j), at [i × slots + j]. */
  readonly wrapUpFree: number[];
  /** Expected talking agents done with talk and wrap-up by deadline j. */
  readonly talkFree: number[];
}

export interface SupplyAgents {
  readonly ready: number;
  readonly talkingElapsedMs: readonly number[];
  readonly wrapUpElapsedMs: readonly number[];
}

/** Talk-end times are resolved to this step before the wrap-up that follows is added. */
const STEP_MS = 1000;
/**
 * Each busy agent's conditional CDF (P(done within x | busy for e)) is evaluated at this many
 * evenly spaced knots over the horizon and interpolated between them: over a horizon of seconds
 * it is smooth, and it keeps 200 agents well under a millisecond.
 */
const KNOTS = 4;

/**
 * Fills knots[i] = P(done within i/(KNOTS-1) × horizon | still busy after e); false when never done.
 * Once an agent is well past the horizon's length into its state, the hazard barely moves within
 * it and the two ends are enough (`straightAfterMs`).
 */
function conditionalKnots(d: Lognormal, e: number, horizonMs: number, knots: number[], straightAfterMs = Infinity): boolean {
  const surv = lognormalSurvival(d, e);
  if (surv <= 1e-200) return false;
  knots[0] = 0;
  if (e >= straightAfterMs) {
    const end = 1 - lognormalSurvival(d, e + horizonMs) / surv;
    for (let i = 1; i < KNOTS; i++) knots[i] = (i / (KNOTS - 1)) * end;
    return true;
  }
  for (let i = 1; i < KNOTS; i++) knots[i] = 1 - lognormalSurvival(d, e + (i / (KNOTS - 1)) * horizonMs) / surv;
  return true;
}

function interpolate(knots: number[], x: number, horizonMs: number): number {
  const pos = (Math.min(Math.max(x, 0), horizonMs) / horizonMs) * (KNOTS - 1);
  const seg = Math.min(Math.floor(pos), KNOTS - 2);
  return knots[seg]! + (pos - seg) * (knots[seg + 1]! - knots[seg]!);
}

/**
 * P(an agent e ms into wrap-up is free by each deadline), into row i of wrapUpFree. The countdown
 * frees it at the latest; an agent the model thinks should long be done is not counted (overdue
 * agents are often away).
 */
function wrapUpAgent(out: number[], row: number, m: SupplyModel, e: number, offsets: number[], horizonMs: number, knots: number[]): void {
  const limit = m.wrapUpLimitMs ?? Infinity;
  const modelled = e < limit && conditionalKnots(m.wrapUp, e, horizonMs, knots);
  const base = row * offsets.length;
  for (let j = 0; j < offsets.length; j++) {
    const x = offsets[j]!;
    out[base + j] = e + x >= limit ? 1 : modelled ? interpolate(knots, x, horizonMs) : 0;
  }
}

/**
 * Expected number of talking agents done with the call and the wrap-up after it by each deadline.
 * Interpolation is linear in the knots, so the agents' knots are summed first and the expected
 * number of talks ending in each step is read off the sum once.
 */
function talkingAgentsFree(m: SupplyModel, elapsed: readonly number[], offsets: number[], horizonMs: number, knots: number[]): number[] {
  const free = zeros(offsets.length);
  if (elapsed.length === 0) return free;
  const sum = zeros(KNOTS);
  for (const e of elapsed) {
    if (!conditionalKnots(m.talk, e, horizonMs, knots, 2 * horizonMs)) continue;
    for (let i = 0; i < KNOTS; i++) sum[i]! += knots[i]!;
  }
  const steps = Math.ceil(horizonMs / STEP_MS);
  const talkEnd = zeros(steps);
  for (let k = 0; k < steps; k++) {
    talkEnd[k] = interpolate(sum, Math.min((k + 1) * STEP_MS, horizonMs), horizonMs) - interpolate(sum, k * STEP_MS, horizonMs);
  }
  // P(wrap-up ≤ d) after a talk ending mid-step k. From slot 1 on the deadlines are one step apart,
  // so d = x[1] − (k + 0.5) × step + (j − 1) × step falls on one table.
  const wrapBy = (d: number) => (d <= 0 ? 0 : m.wrapUpLimitMs !== null && d >= m.wrapUpLimitMs ? 1 : lognormalCdf(m.wrapUp, d));
  const x1 = offsets.length > 1 ? offsets[1]! : 0;
  const table = zeros(steps + offsets.length);
  for (let i = 0; i < table.length; i++) table[i] = wrapBy(x1 + (i - steps - 0.5) * STEP_MS);
  for (let j = 0; j < offsets.length; j++) {
    const x = offsets[j]!;
    const onGrid = j >= 1 && x === x1 + (j - 1) * STEP_MS;
    let f = 0;
    for (let k = 0; k < steps; k++) {
      const d = x - (k + 0.5) * STEP_MS;
      if (d <= 0) break;
      f += talkEnd[k]! * (onGrid ? table[j - 1 - k + steps]! : wrapBy(d));
    }
    free[j] = f;
  }
  return free;
}

/**
 * Agents free (ready now, or done with talk and wrap-up) by each deadline: the parts, and the
 * count's mean and variance. Agents in wrap-up are Bernoullis; talking agents, each with a small
 * chance within seconds, are counted as Poisson (variance = mean, slightly cautious).
 */
export function forecastAgentSupply(agents: SupplyAgents, m: SupplyModel, offsets: number[]): SupplyForecast {
  const slots = offsets.length;
  let horizonMs = 0;
  for (const x of offsets) horizonMs = Math.max(horizonMs, x);
  horizonMs = Math.max(horizonMs, 1);
  const knots = zeros(KNOTS);
  const wrapUpAgents = agents.wrapUpElapsedMs.length;
  const wrapUpFree = zeros(wrapUpAgents * slots);
  for (let i = 0; i < wrapUpAgents; i++) wrapUpAgent(wrapUpFree, i, m, agents.wrapUpElapsedMs[i]!, offsets, horizonMs, knots);
  const talkFree = talkingAgentsFree(m, agents.talkingElapsedMs, offsets, horizonMs, knots);
  const mean = zeros(slots).fill(agents.ready);
  const variance = zeros(slots);
  for (let j = 0; j < slots; j++) {
    for (let i = 0; i < wrapUpAgents; i++) {
      const q = wrapUpFree[i * slots + j]!;
      mean[j]! += q;
      variance[j]! += q * (1 - q);
    }
    mean[j]! += talkFree[j]!;
    variance[j]! += talkFree[j]!;
  }
  return { mean, variance, ready: agents.ready, wrapUpAgents, wrapUpFree, talkFree };
}
