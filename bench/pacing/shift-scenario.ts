/** One simulated shift: the campaign's people and calls, and the rules the pacer must keep. */
export interface ShiftScenario {
  readonly name: string;
  readonly seed: number;
  readonly agents: number;
  readonly shiftMs: number;
  /** How often the dialer asks its policy how many calls to place (the engine's loop). */
  readonly tickMs: number;
  /** Share of placed calls answered by a person; the rest ring until the timeout. */
  readonly answerRate: number;
  /** When set, the answer rate of each hour of the shift instead (lists drift through the day). */
  readonly answerRateByHour?: readonly number[];
  /** Dial-to-answer time of answered calls: lognormal, truncated below the ring timeout. */
  readonly ringMedianMs: number;
  readonly ringSigma: number;
  readonly ringTimeoutMs: number;
  /** Talk time: lognormal with this mean. */
  readonly talkMeanMs: number;
  readonly talkSigma: number;
  /** When set, talk time is instead a mix of lognormals (each call picks one by share): short and long calls. */
  readonly talkMix?: readonly { readonly share: number; readonly meanMs: number; readonly sigma: number }[];
  /** When set, the answer rate falls (or rises) to `rate` at this share of the shift, at once. */
  readonly answerRateStep?: { readonly atShare: number; readonly rate: number };
  /** When set, this many agents log off at this share of the shift (each as soon as it is next ready). */
  readonly logOff?: { readonly atShare: number; readonly agents: number };
  /** Wrap-up: minMs plus an exponential with mean extraMeanMs, cut at the countdown limitMs (not lognormal on purpose). */
  readonly wrapUp: { readonly minMs: number; readonly extraMeanMs: number; readonly limitMs: number };
  readonly holdLimitMs: number;
  readonly abandonTarget: number;
}

export const HOUR_MS = 3_600_000;

export function defaultScenario(overrides: Partial<ShiftScenario> & Pick<ShiftScenario, 'agents' | 'answerRate' | 'talkMeanMs'>): ShiftScenario {
  const base: Omit<ShiftScenario, 'agents' | 'answerRate' | 'talkMeanMs' | 'name'> = {
    seed: 1,
    shiftMs: 8 * HOUR_MS,
    tickMs: 250,
    ringMedianMs: 9000,
    ringSigma: 0.35,
    ringTimeoutMs: 15000,
    talkSigma: 0.8,
    wrapUp: { minMs: 3000, extraMeanMs: 10000, limitMs: 20000 },
    holdLimitMs: 2000,
    abandonTarget: 0.03,
  };
  const s = { ...base, ...overrides };
  const name = overrides.name ?? `${Math.round(s.answerRate * 100)}% ans, ${s.agents} agents, talk ${Math.round(s.talkMeanMs / 1000)} s`;
  return { ...s, name };
}

/** A harder day: the answer rate climbs from 15% to 60% by mid-shift and falls back, as lists and hours do. */
export function driftingScenario(seed: number): ShiftScenario {
  const byHour = [0.15, 0.2, 0.3, 0.45, 0.6, 0.45, 0.3, 0.2];
  return defaultScenario({ agents: 50, answerRate: 0.35, answerRateByHour: byHour, talkMeanMs: 60_000, seed, name: 'drift 15→60→20% ans, 50 agents, talk 60 s' });
}

/**
 * Scenarios the matrix does not cover: a small team, a bimodal talk time (quick refusals and long
 * sales calls, one lognormal fits neither), a sudden drop in answer rate mid-shift (a list runs
 * out), and agents logging off mid-shift.
 */
export function extraScenarios(): ShiftScenario[] {
  return [
    defaultScenario({ agents: 5, answerRate: 0.15, talkMeanMs: 180_000, seed: 21 }),
    defaultScenario({ agents: 5, answerRate: 0.35, talkMeanMs: 60_000, seed: 22 }),
    defaultScenario({
      agents: 10, answerRate: 0.35, talkMeanMs: 0.7 * 30_000 + 0.3 * 300_000, seed: 23, name: 'bimodal talk 30 s / 300 s, 35% ans, 10 agents',
      talkMix: [{ share: 0.7, meanMs: 30_000, sigma: 0.5 }, { share: 0.3, meanMs: 300_000, sigma: 0.5 }],
    }),
    defaultScenario({
      agents: 50, answerRate: 0.35, talkMeanMs: 0.7 * 30_000 + 0.3 * 300_000, seed: 24, name: 'bimodal talk 30 s / 300 s, 35% ans, 50 agents',
      talkMix: [{ share: 0.7, meanMs: 30_000, sigma: 0.5 }, { share: 0.3, meanMs: 300_000, sigma: 0.5 }],
    }),
    defaultScenario({ agents: 10, answerRate: 0.45, talkMeanMs: 60_000, seed: 25, answerRateStep: { atShare: 0.5, rate: 0.15 }, name: 'drop 45→15% ans mid-shift, 10 agents, talk 60 s' }),
    defaultScenario({ agents: 50, answerRate: 0.45, talkMeanMs: 60_000, seed: 26, answerRateStep: { atShare: 0.5, rate: 0.15 }, name: 'drop 45→15% ans mid-shift, 50 agents, talk 60 s' }),
    defaultScenario({ agents: 20, answerRate: 0.35, talkMeanMs: 60_000, seed: 27, logOff: { atShare: 0.5, agents: 10 }, name: 'log-off 20→10 agents mid-shift, 35% ans, talk 60 s' }),
    defaultScenario({ agents: 50, answerRate: 0.35, talkMeanMs: 180_000, seed: 28, logOff: { atShare: 0.5, agents: 30 }, name: 'log-off 50→20 agents mid-shift, 35% ans, talk 180 s' }),
  ];
}

/** The benchmark matrix: answer rates 15/35/60 % × 10/50/200 agents × talk means 60/180 s. */
export function benchmarkScenarios(talkMeansMs: readonly number[] = [60_000, 180_000]): ShiftScenario[] {
  const out: ShiftScenario[] = [];
  let seed = 1;
  for (const talkMeanMs of talkMeansMs) {
    for (const answerRate of [0.15, 0.35, 0.6]) {
      for (const agents of [10, 50, 200]) out.push(defaultScenario({ agents, answerRate, talkMeanMs, seed: seed++ }));
    }
  }
  return out;
}
