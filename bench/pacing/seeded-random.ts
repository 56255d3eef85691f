import { createSeededRandom, type RandomSource } from '../../src/domain/dialer/seeded-random';

/** The engine's seeded generator (mulberry32) with the samplers the shift simulation needs. Deterministic per seed. */
export class SeededRandom {
  private readonly uniform: RandomSource;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.uniform = createSeededRandom(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uniform();
  }

  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}
