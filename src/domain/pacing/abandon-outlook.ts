import { addBernoulli, addBinomial, convolve, differenceTail, poissonPmf, tailAt, type DifferenceTail } from './count-distribution';
import { forecastAgentSupply, type SupplyForecast, type SupplyModel } from './forecast-agent-supply';
import { forecastCustomerDemand, type DemandForecast, type DemandModel } from './forecast-customer-demand';
import type { PacingInput } from './pacing-input';
import { zeros } from './slot-forecast';
import { expectedPositivePart, normalCdf } from './standard-normal';

/** Resolution of the horizon: customers answering within the next ring timeout, one slot per second. */
const SLOT_MS = 1000;
/** Up to this variance (customers + agents, at the end of the horizon) the counts are computed exactly. */
const EXACT_MAX_VARIANCE = 9;

/**
 * Customers who will need an agent over the next ring timeout against agents who will be free for
 * them, slot by slot, with what is certain split off: agents ready now, customers already on hold.
 */
export interface AbandonOutlook {
  readonly supply: SupplyForecast;
  readonly demand: DemandForecast;
  readonly ready: number;
  readonly waiting: number;
  /** Exact mode: per slot, P(ringing answered − busy agents freed ≥ m). */
  readonly tails: DifferenceTail[] | null;
}

function horizon(input: PacingInput): { arrivals: number[]; deadlines: number[] } {
  const { ringTimeoutMs, holdLimitMs } = input.settings;
  const slots = Math.ceil(ringTimeoutMs / SLOT_MS) + 1;
  const arrivals = zeros(slots);
  const deadlines = zeros(slots);
  let longestWait = 0;
  for (const w of input.calls.waitingElapsedMs) longestWait = Math.max(longestWait, w);
  for (let j = 0; j < slots; j++) {
    arrivals[j] = Math.min(j * SLOT_MS, ringTimeoutMs);
    // Slot j holds customers answering in (t[j-1], t[j]]: counted as all there by t[j], and given
    // agents free by the middle arrival's deadline. Slot 0 stands for the customers already on
    // hold: the longest-waiting one's deadline.
    deadlines[j] = j === 0 ? Math.max(0, holdLimitMs - longestWait) : Math.max(0, arrivals[j]! - SLOT_MS / 2) + holdLimitMs;
  }
  return { arrivals, deadlines };
}

/** Exact distribution, at slot j, of the ringing calls answered by then. */
function demandPmf(d: DemandForecast, j: number): number[] {
  const pmf = [1];
  const slots = d.mean.length;
  for (let g = 0; g < d.groupCounts.length; g++) addBinomial(pmf, d.groupCounts[g]!, d.groupAnswered[g * slots + j]!);
  return pmf;
}

/** Exact distribution, at slot j, of the busy agents free by then. */
function supplyPmf(s: SupplyForecast, j: number): number[] {
  const pmf = [1];
  const slots = s.mean.length;
  for (let i = 0; i < s.wrapUpAgents; i++) addBernoulli(pmf, s.wrapUpFree[i * slots + j]!);
  return s.talkFree[j]! > 0 ? convolve(pmf, poissonPmf(s.talkFree[j]!)) : pmf;
}

export function buildAbandonOutlook(input: PacingInput, supplyModel: SupplyModel, demandModel: DemandModel): AbandonOutlook {
  const h = horizon(input);
  const supply = forecastAgentSupply(input.agents, supplyModel, h.deadlines);
  const demand = forecastCustomerDemand(input.calls, demandModel, h.arrivals);
  const last = h.arrivals.length - 1;
  const exact = supply.variance[last]! + demand.variance[last]! <= EXACT_MAX_VARIANCE;
  const tails = exact ? Array.from(h.arrivals, (_, j) => differenceTail(demandPmf(demand, j), supplyPmf(supply, j))) : null;
  return { supply, demand, ready: input.agents.ready, waiting: input.calls.waitingElapsedMs.length, tails };
}

/** P(customers ahead ≥ agents free by the deadline) at slot j, with `extra` other new calls ahead. */
function shortfallProbability(o: AbandonOutlook, j: number, extra: number): number {
  const b = o.demand.newCallAnswered[j]!;
  const threshold = o.ready - o.waiting;
  const tail = o.tails?.[j];
  if (tail) {
    // The other new calls answered by then: binomial(extra, b), summed by the usual recurrence.
    if (extra <= 0 || b <= 0) return tailAt(tail, threshold);
    if (b >= 1) return tailAt(tail, threshold - extra);
    let pk = Math.pow(1 - b, extra);
    let prob = 0;
    for (let k = 0; k <= extra; k++) {
      prob += pk * tailAt(tail, threshold - k);
      pk *= ((extra - k) / (k + 1)) * (b / (1 - b));
    }
    return Math.min(1, prob);
  }
  const mean = o.demand.mean[j]! + extra * b - o.supply.mean[j]!;
  const variance = o.demand.variance[j]! + o.supply.variance[j]! + extra * b * (1 - b);
  if (variance <= 1e-12) return mean >= 0 ? 1 : 0;
  return normalCdf((mean + 0.5) / Math.sqrt(variance));
}

/**
 * Probability that the answered customer of the n-th new call is abandoned. Answering in slot j, it
 * finds everyone answered by then ahead of it (on hold, ringing calls, the other new calls — counted
 * even if they will be abandoned themselves, which errs on the safe side in a burst) and is served
 * only if more agents are free by its deadline; averaged over its answer-time distribution.
 */
export function abandonProbability(o: AbandonOutlook, n: number, answerRate: number): number {
  if (answerRate <= 0) return 0;
  let prob = 0;
  let prevB = 0;
  for (let j = 1; j < o.supply.mean.length; j++) {
    const b = o.demand.newCallAnswered[j]!;
    const share = (b - prevB) / answerRate;
    prevB = b;
    if (share > 1e-9) prob += share * shortfallProbability(o, j, n - 1);
  }
  return prob;
}

/** Expected customers abandoned over the horizon with n new calls, by the same reckoning (for the dashboard). */
export function expectedAbandons(o: AbandonOutlook, n: number): number {
  const { supply, demand } = o;
  let total = expectedPositivePart(demand.mean[0]! - supply.mean[0]!, demand.variance[0]! + supply.variance[0]!);
  for (let j = 1; j < supply.mean.length; j++) {
    const arriving = demand.mean[j]! - demand.mean[j - 1]! + n * (demand.newCallAnswered[j]! - demand.newCallAnswered[j - 1]!);
    if (arriving > 1e-9) total += arriving * shortfallProbability(o, j, n);
  }
  return total;
}
