import type { LiveSnapshot } from './live-snapshot';
import type { EngineDeps } from './engine-deps';

/** Supervisor updates go out at most this often per campaign. */
export const LIVE_COALESCE_MS = 500;

/**
 * Pushes a campaign's live snapshot to `campaign:<id>` after it changed, coalesced: the first change arms one
 * timer, later ones ride along, so followers get a fresh snapshot within LIVE_COALESCE_MS and never more
 * often. Nothing is built while nobody follows the campaign.
 */
export class LivePublisher {
  private readonly timers = new Map<number, unknown>();

  constructor(private readonly d: Pick<EngineDeps, 'timers' | 'notifier'>, private readonly snapshot: (campaignId: number) => LiveSnapshot | undefined) {}

  changed(campaignId: number): void {
    const topic = `campaign:${campaignId}`;
    if (this.timers.has(campaignId) || !this.d.notifier.isWatched(topic)) return;
    this.timers.set(campaignId, this.d.timers.setTimeout(() => {
      this.timers.delete(campaignId);
      const snapshot = this.snapshot(campaignId);
      if (snapshot) this.d.notifier.toTopic(topic, { type: 'campaign.live', key: `campaign.live:${campaignId}`, snapshot });
    }, LIVE_COALESCE_MS));
  }

  stop(): void {
    for (const t of this.timers.values()) this.d.timers.clearTimeout(t);
    this.timers.clear();
  }
}
