/**
 * Mean and variance of a count (customers answered, agents free) at each slot of the pacing
 * horizon. Slot j stands for an arrival offset of j × step from now; slot 0 is now.
 */
export interface SlotForecast {
  readonly mean: number[];
  readonly variance: number[];
}

/** A zero-filled array; plain arrays, because the pacer makes dozens per decision and small typed arrays cost more to create. */
export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
