/**
 * One clock for every ticking label of a page (countdowns, call timers, time in state): a single interval
 * calls each subscriber with the current time, so labels move together and nothing drifts per widget.
 */
export class Ticker {
  private readonly subscribers = new Set<(now: number) => void>();
  private timer: number | undefined;

  constructor(private readonly intervalMs = 250) {}

  subscribe(fn: (now: number) => void): () => void {
    this.subscribers.add(fn);
    fn(Date.now());
    this.timer ??= window.setInterval(() => this.tick(), this.intervalMs);
    return () => {
      this.subscribers.delete(fn);
      if (this.subscribers.size === 0 && this.timer !== undefined) {
        window.clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  tick(): void {
    const now = Date.now();
    for (const fn of this.subscribers) fn(now);
  }
}
