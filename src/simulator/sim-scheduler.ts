import { performance } from 'node:perf_hooks';
import { TimerHeap, type SimTimer } from './timer-heap';

export type { SimTimer } from './timer-heap';

/**
 * The simulator's clock and timer queue. Every delay in the simulated world (ringing, talk time,
 * prompts, AMD) is a timer in one priority queue, never a setTimeout per event.
 */
export interface SimScheduler {
  readonly mode: 'virtual' | 'real';
  /** Milliseconds since the epoch, in simulated time. */
  now(): number;
  at(time: number, run: () => void): SimTimer;
  after(delayMs: number, run: () => void): SimTimer;
  cancel(timer: SimTimer): void;
  /** How many timers are waiting. */
  pending(): number;
  /** When the next timer is due, if any. */
  nextAt(): number | undefined;
  /** Drops every timer (restart, shutdown). */
  clear(): void;
  stop(): void;
}

type ErrorSink = (err: unknown) => void;

function runSafely(timer: SimTimer, onError: ErrorSink): void {
  try {
    timer.run();
  } catch (err) {
    onError(err);
  }
}

/**
 * Time that moves only when the test says so (`advanceTo`). Timers due "now" (zero delay) still run
 * on their own, on the next turn of the event loop, so a REST call's immediate effects happen
 * without the test advancing anything.
 */
export class VirtualScheduler implements SimScheduler {
  readonly mode = 'virtual' as const;
  private readonly heap = new TimerHeap();
  private current: number;
  private flushQueued = false;
  private stopped = false;

  constructor(startMs: number, private readonly onError: ErrorSink) {
    this.current = startMs;
  }

  now(): number { return this.current; }

  at(time: number, run: () => void): SimTimer {
    const timer = this.heap.push(Math.max(time, this.current), run);
    if (timer.at <= this.current) this.queueFlush();
    return timer;
  }

  after(delayMs: number, run: () => void): SimTimer {
    return this.at(this.current + Math.max(0, delayMs), run);
  }

  cancel(timer: SimTimer): void { this.heap.cancel(timer); }
  pending(): number { return this.heap.size; }
  nextAt(): number | undefined { return this.heap.peek()?.at; }
  clear(): void { this.heap.clear(); }
  stop(): void { this.stopped = true; this.heap.clear(); }

  /** Runs every timer due at or before the current time, including ones they add for "now". */
  runDue(): number {
    let count = 0;
    for (let next = this.heap.peek(); next && next.at <= this.current; next = this.heap.peek()) {
      this.heap.pop();
      runSafely(next, this.onError);
      count++;
    }
    return count;
  }

  /**
   * Moves time forward to `target`, stopping at each due timer; after each step `settle` lets the
   * clients react (receive events, send REST calls) before the next timer fires.
   */
  async advanceTo(target: number, settle: () => Promise<void>): Promise<void> {
    await settle();
    for (let next = this.heap.peek(); next && next.at <= target && !this.stopped; next = this.heap.peek()) {
      this.current = Math.max(this.current, next.at);
      this.runDue();
      await settle();
    }
    this.current = Math.max(this.current, target);
    this.runDue();
    await settle();
  }

  /** Steps through timers until `done()` holds or `maxMs` of simulated time has passed. */
  async runUntil(done: () => boolean, maxMs: number, settle: () => Promise<void>): Promise<boolean> {
    const limit = this.current + maxMs;
    await settle();
    while (!done() && !this.stopped) {
      const next = this.heap.peek();
      if (!next || next.at > limit) {
        this.current = Math.max(this.current, limit);
        return done();
      }
      this.current = Math.max(this.current, next.at);
      this.runDue();
      await settle();
    }
    return done();
  }

  private queueFlush(): void {
    if (this.flushQueued || this.stopped) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      if (!this.stopped) this.runDue();
    });
  }
}

/** Wall-clock time (demo mode, benchmarks): one setTimeout armed for the earliest timer. */
export class RealScheduler implements SimScheduler {
  readonly mode = 'real' as const;
  private readonly heap = new TimerHeap();
  private handle: NodeJS.Timeout | null = null;
  private armedAt = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(private readonly onError: ErrorSink) {}

  now(): number { return Date.now(); }

  at(time: number, run: () => void): SimTimer {
    const timer = this.heap.push(time, run);
    this.rearm();
    return timer;
  }

  after(delayMs: number, run: () => void): SimTimer {
    return this.at(Date.now() + Math.max(0, delayMs), run);
  }

  cancel(timer: SimTimer): void { this.heap.cancel(timer); }
  pending(): number { return this.heap.size; }
  nextAt(): number | undefined { return this.heap.peek()?.at; }

  clear(): void {
    this.heap.clear();
    this.disarm();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private disarm(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  private rearm(): void {
    if (this.stopped) return;
    const next = this.heap.peek();
    if (!next) return this.disarm();
    if (next.at >= this.armedAt && this.handle) return;
    this.disarm();
    this.armedAt = next.at;
    this.handle = setTimeout(() => this.fire(), Math.max(0, next.at - Date.now()));
    this.handle.unref();
  }

  /**
   * Runs what is due, but yields after a few ms so that a burst (hundreds of calls answering in the
   * same millisecond) does not hold back REST requests and socket writes.
   */
  private fire(): void {
    this.disarm();
    const now = Date.now();
    const budgetEnd = performance.now() + 5;
    for (let next = this.heap.peek(); next && next.at <= now && !this.stopped; next = this.heap.peek()) {
      this.heap.pop();
      runSafely(next, this.onError);
      if (performance.now() > budgetEnd) {
        setImmediate(() => this.fire());
        return;
      }
    }
    this.rearm();
  }
}
