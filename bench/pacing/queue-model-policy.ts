import { estimateDuration } from '../../src/domain/pacing/duration-stats';
import { estimateAnswerRate } from '../../src/domain/pacing/estimate-answer-rate';
import { lognormalCdf, lognormalMean, lognormalSurvival } from '../../src/domain/pacing/lognormal';
import { DEFAULT_PACING_SETTINGS } from '../../src/domain/pacing/pacing-settings';
import type { DialPolicyFactory } from './dial-policy';

/**
 * A classic queue-model pacer with one fixed setting, its target wait W. Over the next ring
 * timeout it expects customers to answer — each ringing call by its answer-time distribution given
 * how long it has rung, each new call with the answer rate — and agents to be free by the end of the
 * timeout + W — ready ones, talkers by their talk-time distribution given the time talked and the
 * mean wrap-up, agents in wrap-up by an exponential wrap-up — and places calls until the expected
 * customers (on hold, ringing, new) match the expected agents. It learns answer rate and durations as
 * the engine does, with the engine's priors; a larger W dials harder, a negative one keeps a margin.
 * Lines in use stay within the pacer's own cap (maxLinesPerAgent per logged-in agent).
 */
export function queueModelPolicy(targetWaitMs: number): DialPolicyFactory {
  const settings = DEFAULT_PACING_SETTINGS;
  const pri = settings.priors;
  return () => ({
    name: `queue W ${(targetWaitMs / 1000).toFixed(1)} s`,
    decide: (v) => {
      const d = v.details();
      const h = d.history;
      const timeout = 15_000;
      const p = estimateAnswerRate(h.answered, h.attempts, pri.answerRate).mean;
      if (p <= 0) return 0;
      const ring = estimateDuration(h.ringTime, pri.ringTime);
      const talk = estimateDuration(h.talkTime, pri.talkTime);
      const wrapMs = lognormalMean(estimateDuration(h.wrapUpTime, pri.wrapUpTime));
      const atTimeout = lognormalCdf(ring, timeout);
      const answeredBy = (ms: number) => (ms >= timeout || atTimeout <= 0 ? 1 : lognormalCdf(ring, ms) / atTimeout);
      let demand = v.waiting;
      for (const e of d.ringingElapsedMs) {
        const before = answeredBy(e);
        const still = 1 - p * before;
        if (still > 1e-9) demand += (p * (1 - before)) / still;
      }
      const horizon = timeout + targetWaitMs;
      let supply = v.ready;
      if (horizon > 0) {
        for (const e of d.talkingElapsedMs) {
          const left = lognormalSurvival(talk, e);
          const by = horizon - wrapMs;
          if (by > 0 && left > 1e-12) supply += 1 - lognormalSurvival(talk, e + by) / left;
        }
        supply += d.wrapUpElapsedMs.length * (1 - Math.exp(-horizon / wrapMs));
      }
      const lines = Math.floor(settings.maxLinesPerAgent * v.agentsLoggedIn) - (v.ringing + v.waiting + v.talking);
      return Math.min(lines, Math.floor((supply - demand) / p));
    },
  });
}
