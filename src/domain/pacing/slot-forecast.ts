/**
 * Mean and variance of a count (customers answered, agents free) at each slot of the pacing
 * horizon. Slot j stands for an arrival offset of j × step from now; slot 0 is now.
 */
export interface SlotForecast {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}
