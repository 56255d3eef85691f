import type { Logger } from 'winston';
import type { Clock, Timers } from '../domain/clock';
import type { CampaignService } from './campaign-service';

/** Longest single sleep: well under setTimeout's 24.8-day limit, and short enough to notice a wall-clock jump. */
const MAX_SLEEP_MS = 15 * 60_000;

/**
 * Starts activated campaigns at their start time and finishes them at their end time. All of its
 * state is in the database: on start() it catches up with whatever fell due while the process was
 * down, then keeps one timer armed for the next start or end time, re-reading the database whenever
 * a campaign changes.
 */
export class CampaignScheduler {
  private timer: unknown;
  private unsubscribe?: () => void;
  private busy = false;
  private running = false;

  constructor(
    private readonly campaigns: CampaignService,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.campaigns.onScheduleChange(() => this.rearm());
    this.rearm();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.clear();
  }

  private clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Acts on everything due now, then sleeps until the next start or end time (or MAX_SLEEP_MS). */
  rearm(): void {
    // Transitions made below notify us again; the loop's own re-arm at the end covers them.
    if (!this.running || this.busy) return;
    this.busy = true;
    try {
      this.clear();
      const now = this.clock.now();
      this.runDue(now);
      const next = this.campaigns.nextScheduledAfter(now);
      const delay = next ? Math.min(Math.max(next.getTime() - now.getTime(), 0), MAX_SLEEP_MS) : MAX_SLEEP_MS;
      this.timer = this.timers.setTimeout(() => { this.timer = undefined; this.rearm(); }, delay);
    } finally {
      this.busy = false;
    }
  }

  private runDue(now: Date): void {
    // Finish first: a campaign whose start and end both passed while we were down goes straight to ended.
    for (const id of this.campaigns.dueToFinish(now)) this.runOne(id, 'finish');
    for (const id of this.campaigns.dueToStart(now)) this.runOne(id, 'start');
  }

  private runOne(id: number, action: 'start' | 'finish'): void {
    try {
      const c = this.campaigns.runScheduled(id, action);
      if (c) this.log.info(action === 'start' ? 'campaign started' : 'campaign finished', { campaignId: id, state: c.state });
    } catch (err) {
      this.log.error('scheduled campaign transition failed', { campaignId: id, action, err });
    }
  }
}
