/** Why the pacer stopped where it did. */
export type PacingLimit = 'no_agents' | 'max_lines' | 'abandon_risk';

/** The decision and what it was based on, for the engine and the supervisor dashboard. */
export interface PacingDecision {
  readonly callsToPlace: number;
  readonly limitedBy: PacingLimit;
  /** Lines in use after placing the calls, per logged-in agent (comparable with a VICIdial dial level). */
  readonly dialLevel: number;
  readonly linesInUse: number;
  readonly maxLines: number;
  readonly agentsLoggedIn: number;
  readonly agentsReady: number;
  /** Expected number of busy agents free within the horizon (ring timeout + hold limit). */
  readonly agentsExpectedFree: number;
  readonly estimates: {
    /** Answer probability used (a cautious upper estimate while data is scarce). */
    readonly answerRate: number;
    readonly ringMedianMs: number;
    readonly talkMeanMs: number;
    readonly wrapUpMeanMs: number;
  };
  readonly abandon: {
    readonly target: number;
    readonly campaignRate: number;
    readonly rollingRate: number;
    /** Worse of campaign and rolling rate (smoothed) divided by the target. */
    readonly pressure: number;
    readonly safetyFactor: number;
    /** Largest abandon probability accepted for the next answered customer: target × safety factor. */
    readonly allowedProbability: number;
    /** Predicted abandon probability of an answered customer from the last call placed (or the next, if none). */
    readonly predictedProbability: number;
    /** Over the horizon, with the new calls placed. */
    readonly expectedAnswers: number;
    readonly expectedAbandons: number;
  };
}
