import { zeros } from './slot-forecast';

/**
 * Exact distributions of small counts — customers answering, agents freeing up — built from their
 * independent parts. A team of ten with a handful of calls in flight is where a normal curve
 * misjudges the most ("one ready agent, no call in flight" is not a 20% risk), so small outlooks
 * are computed exactly; mass below 1e-12 is dropped as the arrays grow.
 */
const DROP = 1e-12;

function trim(pmf: number[]): void {
  while (pmf.length > 1 && pmf[pmf.length - 1]! < DROP) pmf.pop();
}

/** Adds one Bernoulli(q) to the count whose PMF is pmf (in place). */
export function addBernoulli(pmf: number[], q: number): void {
  if (q <= 0) return;
  const n = pmf.length;
  pmf.push(pmf[n - 1]! * q);
  for (let k = n - 1; k >= 1; k--) pmf[k] = pmf[k]! * (1 - q) + pmf[k - 1]! * q;
  pmf[0] = pmf[0]! * (1 - q);
  trim(pmf);
}

/** Adds `count` independent Bernoulli(q) (in place). */
export function addBinomial(pmf: number[], count: number, q: number): void {
  for (let i = 0; i < count; i++) addBernoulli(pmf, q);
}

/** PMF of Poisson(mean), truncated. */
export function poissonPmf(mean: number): number[] {
  const out: number[] = [];
  let pk = Math.exp(-mean);
  let mass = 0;
  for (let k = 0; k <= mean || 1 - mass > DROP; k++) {
    out.push(pk);
    mass += pk;
    pk *= mean / (k + 1);
    if (k > mean + 60) break;
  }
  return out;
}

/** PMF of the sum of two independent counts. */
export function convolve(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai < DROP) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += ai * b[j]!;
  }
  trim(out);
  return out;
}

/** P(D − A ≥ m) for every m, as tail[m + offset]; below the range it is 1, above it 0. */
export interface DifferenceTail {
  readonly offset: number;
  readonly tail: number[];
}

export function differenceTail(d: readonly number[], a: readonly number[]): DifferenceTail {
  const offset = a.length - 1;
  const tail = zeros(d.length + a.length);
  for (let i = 0; i < d.length; i++) {
    const di = d[i]!;
    if (di < DROP) continue;
    for (let j = 0; j < a.length; j++) tail[i - j + offset]! += di * a[j]!;
  }
  for (let k = tail.length - 2; k >= 0; k--) tail[k]! += tail[k + 1]!;
  return { offset, tail };
}

export function tailAt(t: DifferenceTail, m: number): number {
  const i = m + t.offset;
  if (i <= 0) return Math.min(1, t.tail[0]!);
  return i < t.tail.length ? Math.min(1, t.tail[i]!) : 0;
}
