import type { Campaign } from '../domain/campaign';
import { decidePacing } from '../domain/pacing/decide-pacing';
import { addDuration, emptyDurationStats, type DurationStats } from '../domain/pacing/duration-stats';
import type { PacingDecision } from '../domain/pacing/pacing-decision';
import type { AbandonCounts, PacingInput } from '../domain/pacing/pacing-input';
import { pacingSettings } from '../domain/pacing/pacing-settings';
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
  private attempts = 0;
  private answered = 0;
  private ringTime: DurationStats = emptyDurationStats;
  private talkTime: DurationStats = emptyDurationStats;
  private wrapUpTime: DurationStats = emptyDurationStats;
  private campaign: AbandonCounts;
  private rolling: RollingAbandonWindow = emptyRollingAbandonWindow();
  last: PacingDecision | null = null;

  constructor(initial: AbandonCounts) {
    this.campaign = { ...initial };
  }

  /** One finished customer call. `answeredHuman` counts toward the abandon rate; `abandoned` says how it ended. */
  callEnded(at: Date, call: Pick<ActiveCall, 'dialedAt' | 'answeredAt' | 'connectedAt'>, outcome: string | null): void {
    if (outcome === null) return;
    this.attempts++;
    const human = outcome === 'answered' || outcome === 'abandoned';
    if (!human) return;
    this.answered++;
    if (call.answeredAt) this.ringTime = addDuration(this.ringTime, call.answeredAt.getTime() - call.dialedAt.getTime());
    if (call.connectedAt) this.talkTime = addDuration(this.talkTime, at.getTime() - call.connectedAt.getTime());
    const abandoned = outcome === 'abandoned';
    this.campaign = { answered: this.campaign.answered + 1, abandoned: this.campaign.abandoned + (abandoned ? 1 : 0) };
    this.rolling = recordAnsweredOutcome(this.rolling, { atMs: at.getTime(), abandoned });
  }

  wrapUpEnded(ms: number): void {
    this.wrapUpTime = addDuration(this.wrapUpTime, ms);
  }

  rates(now: Date): { campaign: number; rolling: number } {
    const c = this.campaign;
    return { campaign: c.answered > 0 ? c.abandoned / c.answered : 0, rolling: rollingAbandonRate(this.rolling, now.getTime()) };
  }

  /** How many calls to place now, for these agents (with an offered line) and these customer calls. */
  decide(c: Campaign, s: DialerSettings, now: Date, agents: readonly AgentSession[], calls: readonly ActiveCall[]): PacingDecision {
    const t = now.getTime();
    const input: PacingInput = {
      settings: pacingSettings({
        abandonTarget: c.abandonRateTarget,
        holdLimitMs: s.holdMaxSeconds * 1000,
        maxLinesPerAgent: c.maxLinesPerAgent,
        ringTimeoutMs: s.ringTimeoutSeconds * 1000,
        wrapUpLimitMs: c.wrapUpSeconds > 0 ? c.wrapUpSeconds * 1000 : null,
      }),
      history: {
        attempts: this.attempts, answered: this.answered, ringTime: this.ringTime, talkTime: this.talkTime, wrapUpTime: this.wrapUpTime,
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
