export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Debounced saving keyed by record: `set` replaces the pending value of a key and (re)arms the timer;
 * `flush` saves everything pending now (before the page moves on). One save per key runs at a time;
 * a value set during a save is saved right after it.
 */
export class Autosave<K, V> {
  private readonly pending = new Map<K, V>();
  private timer: number | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly save: (key: K, value: V) => Promise<void>,
    private readonly onStatus: (status: SaveStatus, key: K) => void,
    private readonly delayMs = 500,
  ) {}

  set(key: K, value: V): void {
    this.pending.set(key, value);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { void this.flush(); }, this.delayMs);
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Saves what is pending; resolves when every save so far has finished (failures are reported, not thrown). */
  flush(): Promise<void> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.entries()];
    this.pending.clear();
    this.running = this.running.then(async () => {
      for (const [key, value] of batch) {
        this.onStatus('saving', key);
        try {
          await this.save(key, value);
          this.onStatus('saved', key);
        } catch {
          this.onStatus('failed', key);
        }
      }
    });
    return this.running;
  }
}
