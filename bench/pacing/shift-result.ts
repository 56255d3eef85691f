/** What one policy achieved over one simulated shift. */
export interface ShiftResult {
  readonly scenario: string;
  readonly policy: string;
  readonly callsPlaced: number;
  /** Customers answered by a person (connected + abandoned). */
  readonly answered: number;
  readonly abandoned: number;
  readonly connects: number;
  /** Talk + wrap-up time over logged-in time. */
  readonly occupancy: number;
  readonly abandonRate: number;
  /** Worst abandon rate over any 60 consecutive minutes (from the first full hour). */
  readonly worstHourAbandonRate: number;
  /** Over every answered customer (an abandoned one waited the whole hold limit). */
  readonly meanWaitMs: number;
  readonly p95WaitMs: number;
  readonly connectsPerAgentHour: number;
}

/** Histogram of waits in 10 ms bins: waits never exceed the hold limit, so this is exact to 10 ms. */
export class WaitHistogram {
  private readonly bins: Float64Array;
  private count = 0;
  private sum = 0;

  constructor(private readonly maxMs: number, private readonly binMs = 10) {
    this.bins = new Float64Array(Math.ceil(maxMs / binMs) + 1);
  }

  add(ms: number): void {
    const b = Math.min(this.bins.length - 1, Math.floor(Math.max(ms, 0) / this.binMs));
    this.bins[b]! += 1;
    this.count += 1;
    this.sum += ms;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** Upper edge of the bin holding quantile q (0 when there is no wait at all in that share). */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const need = q * this.count;
    let seen = 0;
    for (let b = 0; b < this.bins.length; b++) {
      seen += this.bins[b]!;
      if (seen >= need) return b === 0 && this.bins[0]! > 0 ? 0 : Math.min(this.maxMs, (b + 1) * this.binMs);
    }
    return this.maxMs;
  }
}
