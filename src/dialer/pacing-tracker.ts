import type { Campaign } from '../domain/campaign';
import { decidePacing } from '../domain/pacing/decide-pacing';
import { campaignPacingSettings } from '../domain/pacing/campaign-pacing-settings';
import { addDuration, emptyDurationStats, type DurationStats } from '../domain/pacing/duration-stats';
import { answerCountsAt, emptyAnswerCounts, recordAttempt, type AnswerCounts } from '../domain/pacing/estimate-answer-rate';
import type { PacingDecision } from '../domain/pacing/pacing-decision';
import type { AbandonCounts, PacingInput } from '../domain/pacing/pacing-input';
import { PACING_HALF_LIFE_MS } from '../domain/pacing/pacing-settings';
import {
  emptyRollingAbandonWindow, recordAnsweredOutcome, rollingAbandonCounts, rollingAbandonRate, type RollingAbandonWindow,
} from '../domain/pacing/rolling-abandon-window';
import type { ActiveCall, AgentSession } from './agent-session';
import type { DialerSettings } from './engine-deps';

/**
 * What a predictive campaign has learned while it runs (answer rate, ring, talk and wrap-up times, abandons
 * over the campaign and a rolling window), and the pacer's input built from it and the live agents and calls.
 * Campaign-wide abandon counts start from the store, so a restart keeps holding the target over the campaign.
 */
export class PacingTracker {
  private answers: AnswerCounts = emptyAnswerCounts;
  /** The same over the last 90 s or so, for a sudden change of answer rate. */
  private recentAnswers: AnswerCounts = emptyAnswerCounts;
  private ringTime: DurationStats = emptyDurationStats;
  private talkTime: DurationStats = emptyDurationStats;
  private wrapUpTime: DurationStats = emptyDurationStats;
  private campaign: AbandonCounts;
  private rolling: RollingAbandonWindow;
  last: PacingDecision | null = null;

  constructor(initial: AbandonCounts, rollingWindowMs: number) {
    this.campaign = { ...initial };
    this.rolling = emptyRollingAbandonWindow(rollingWindowMs);
  }

  /** One finished customer call. `answeredHuman` counts toward the abandon rate; `abandoned` says how it ended. */
  callEnded(at: Date, call: Pick<ActiveCall, 'dialedAt' | 'answeredAt' | 'connectedAt'>, outcome: string | null): void {
    if (outcome === null) return;
    const t = at.getTime();
    const human = outcome === 'answered' || outcome === 'abandoned';
    this.answers = recordAttempt(this.answers, human, t, PACING_HALF_LIFE_MS.attempts);
    this.recentAnswers = recordAttempt(this.recentAnswers, human, t, PACING_HALF_LIFE_MS.recentAttempts);
    if (!human) return;
    const fade = PACING_HALF_LIFE_MS.durations;
    if (call.answeredAt) this.ringTime = addDuration(this.ringTime, call.answeredAt.getTime() - call.dialedAt.getTime(), t, fade);
    if (call.connectedAt) this.talkTime = addDuration(this.talkTime, t - call.connectedAt.getTime(), t, fade);
    const abandoned = outcome === 'abandoned';
    this.campaign = { answered: this.campaign.answered + 1, abandoned: this.campaign.abandoned + (abandoned ? 1 : 0) };
    this.rolling = recordAnsweredOutcome(this.rolling, { atMs: at.getTime(), abandoned });
  }

  wrapUpEnded(at: Date, ms: number): void {
    this.wrapUpTime = addDuration(this.wrapUpTime, ms, at.getTime(), PACING_HALF_LIFE_MS.durations);
  }

  rates(now: Date): { campaign: number; rolling: number } {
    const c = this.campaign;
    return { campaign: c.answered > 0 ? c.abandoned / c.answered : 0, rolling: rollingAbandonRate(this.rolling, now.getTime()) };
  }

  /** How many calls to place now, for these agents (with an offered line) and these customer calls. */
  decide(c: Campaign, s: DialerSettings, now: Date, agents: readonly AgentSession[], calls: readonly ActiveCall[]): PacingDecision {
    const t = now.getTime();
    const input: PacingInput = {
      settings: campaignPacingSettings(c, s),
      history: {
        attempts: this.answers.attempts, answered: this.answers.answered,
        recent: answerCountsAt(this.recentAnswers, t, PACING_HALF_LIFE_MS.recentAttempts), ringTime: this.ringTime, talkTime: this.talkTime, wrapUpTime: this.wrapUpTime,
        campaign: this.campaign, rolling: rollingAbandonCounts(this.rolling, t),
      },
      agents: {
        ready: agents.filter((a) => a.kind === 'ready' && a.line?.offered).length,
        talkingElapsedMs: agents.filter((a) => a.kind === 'talking').map((a) => t - a.since.getTime()),
        wrapUpElapsedMs: agents.filter((a) => a.kind === 'wrap_up').map((a) => t - a.since.getTime()),
      },
      calls: {
        ringingElapsedMs: calls.filter((k) => k.answeredAt === null).map((k) => t - k.dialedAt.getTime()),
        waitingElapsedMs: calls.filter((k) => k.answeredAt !== null && k.connectedAt === null).map((k) => t - k.answeredAt!.getTime()),
      },
    };
    this.last = decidePacing(input);
    return this.last;
  }
}
