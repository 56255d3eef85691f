import { abandonProbability, buildAbandonOutlook, expectedAbandons, type AbandonOutlook } from './abandon-outlook';
import { abandonSafety } from './abandon-safety';
import { estimateDuration, estimateDurationWithOngoing } from './duration-stats';
import { currentAnswerRate } from './estimate-answer-rate';
import { lognormalMean, lognormalMedian } from './lognormal';
import type { PacingDecision } from './pacing-decision';
import type { PacingInput } from './pacing-input';

const HOUR_MS = 3_600_000;
/** A modest occupancy: fewer answers forecast means a smaller hourly budget, which errs on the safe side. */
const HOUR_OCCUPANCY = 0.75;

interface Choice {
  readonly n: number;
  readonly predicted: number;
}

/** Largest n ≤ cap whose own answered customer would be abandoned with probability ≤ allowed. */
function chooseCalls(o: AbandonOutlook, answerRate: number, cap: number, allowed: number): Choice {
  const risk = (n: number) => abandonProbability(o, n, answerRate);
  let lo = 0;
  let hi = 1;
  while (hi <= cap && risk(hi) <= allowed) {
    lo = hi;
    hi *= 2;
  }
  hi = Math.min(hi, cap + 1);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (risk(mid) <= allowed) lo = mid;
    else hi = mid;
  }
  return { n: lo, predicted: risk(Math.max(lo, 1)) };
}

/**
 * How many new calls to place now. Pure and deterministic: the same input gives the same decision.
 *
 * It forecasts, over the next ring timeout, answered customers (on hold, still ringing, and the
 * candidate new calls, each by its answer-time distribution) against agents free by each customer's
 * hold deadline (ready now, and busy agents by their elapsed time in talk or wrap-up), and places
 * the largest number of calls whose last one keeps its predicted abandon probability within the
 * target scaled by a safety factor; the factor tightens as the measured abandon rate (campaign-wide
 * and over the rolling window) approaches the target. Lines in use (ringing, on hold, connected)
 * never exceed maxLinesPerAgent per logged-in agent (ready, talking or in wrap-up).
 */
export function decidePacing(input: PacingInput): PacingDecision {
  const { settings, history, agents, calls } = input;
  const pri = settings.priors;
  const answer = currentAnswerRate(history, pri.answerRate);
  const ringTime = estimateDuration(history.ringTime, pri.ringTime);
  const talk = estimateDurationWithOngoing(history.talkTime, pri.talkTime, agents.talkingElapsedMs);
  const wrapUp = estimateDuration(history.wrapUpTime, pri.wrapUpTime);
  const talking = agents.talkingElapsedMs.length;
  const agentsLoggedIn = agents.ready + talking + agents.wrapUpElapsedMs.length;
  // Answers a full hour would bring at HOUR_OCCUPANCY, for the hour's abandon budget.
  const hourAnswers = (HOUR_OCCUPANCY * agentsLoggedIn * HOUR_MS) / (lognormalMean(talk) + lognormalMean(wrapUp));
  const safety = abandonSafety(history.campaign, history.rolling, settings, hourAnswers);
  const linesInUse = calls.ringingElapsedMs.length + calls.waitingElapsedMs.length + talking;
  const maxLines = Math.floor(settings.maxLinesPerAgent * agentsLoggedIn + 1e-9);
  const allowed = settings.abandonTarget * safety.factor;
  const abandon = {
    target: settings.abandonTarget, campaignRate: safety.campaignRate, rollingRate: safety.rollingRate,
    pressure: safety.pressure, safetyFactor: safety.factor, allowedProbability: allowed,
    predictedProbability: 0, expectedAnswers: 0, expectedAbandons: 0,
  };
  const decision: PacingDecision = {
    callsToPlace: 0, limitedBy: 'no_agents', dialLevel: 0,
    linesInUse, maxLines, agentsLoggedIn, agentsReady: agents.ready, agentsExpectedFree: 0,
    estimates: { answerRate: answer.cautious, ringMedianMs: lognormalMedian(ringTime), talkMeanMs: lognormalMean(talk), wrapUpMeanMs: lognormalMean(wrapUp) },
    abandon,
  };
  if (agentsLoggedIn === 0) return decision;
  const cap = Math.max(0, maxLines - linesInUse);
  const outlook = buildAbandonOutlook(input,
    { talk, wrapUp, wrapUpLimitMs: settings.wrapUpLimitMs },
    { answerRate: answer.cautious, ringTime, ringTimeoutMs: settings.ringTimeoutMs });
  const choice = chooseCalls(outlook, answer.cautious, cap, allowed);
  const last = outlook.supply.mean.length - 1;
  return {
    ...decision,
    callsToPlace: choice.n,
    limitedBy: choice.n >= cap ? 'max_lines' : 'abandon_risk',
    dialLevel: (linesInUse + choice.n) / agentsLoggedIn,
    agentsExpectedFree: outlook.supply.mean[last]! - agents.ready,
    abandon: {
      ...abandon,
      predictedProbability: choice.predicted,
      expectedAnswers: outlook.demand.mean[last]! + choice.n * answer.cautious,
      expectedAbandons: expectedAbandons(outlook, choice.n),
    },
  };
}
