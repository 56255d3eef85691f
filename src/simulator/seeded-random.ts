import { createSeededRandom as uniformSource } from '../domain/dialer/seeded-random';

/** A small deterministic random source (the engine's mulberry32): the same seed gives the same simulated day. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<{ weight: number; value: T }>): T;
}

export function createSeededRandom(seed: number): SeededRandom {
  const next = uniformSource(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    weighted: (items) => {
      const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
      if (items.length === 0 || total <= 0) throw new Error('weighted choice needs a positive weight');
      let roll = next() * total;
      for (const item of items) {
        roll -= Math.max(0, item.weight);
        if (roll < 0) return item.value;
      }
      return items[items.length - 1]!.value;
    },
  };
}
