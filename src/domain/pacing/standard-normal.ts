/**
 * The few standard-normal functions pacing needs, fast enough to run thousands of times per decision.
 * erfc uses the Chebyshev fit from Numerical Recipes (|relative error| < 1.2e-7): one exp, no tables.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

/**
 * P(Z > z). The pacer evaluates thousands per decision, so |z| ≤ 3 is read from a table (step
 * 1/256, linear interpolation, absolute error < 5e-7, a constant computed once); the tails, where
 * relative precision matters for conditional probabilities, use erfc directly.
 */
export function normalSurvival(z: number): number {
  if (z >= TABLE_Z || z <= -TABLE_Z) return 0.5 * erfc(z / Math.SQRT2);
  const pos = (z + TABLE_Z) * TABLE_STEPS_PER_UNIT;
  const i = pos | 0;
  const lo = SURVIVAL_TABLE[i]!;
  return lo + (pos - i) * (SURVIVAL_TABLE[i + 1]! - lo);
}

export function normalCdf(z: number): number {
  return normalSurvival(-z);
}

const TABLE_Z = 3;
const TABLE_STEPS_PER_UNIT = 256;
const SURVIVAL_TABLE: Readonly<Float64Array> = (() => {
  const t = new Float64Array(2 * TABLE_Z * TABLE_STEPS_PER_UNIT + 2);
  for (let i = 0; i < t.length; i++) t[i] = 0.5 * erfc((i / TABLE_STEPS_PER_UNIT - TABLE_Z) / Math.SQRT2);
  return t;
})();

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** E[max(X, 0)] for X ~ Normal(mean, variance); the expected shortfall of agents when X is a deficit. */
export function expectedPositivePart(mean: number, variance: number): number {
  if (variance <= 1e-12) return mean > 0 ? mean : 0;
  const sd = Math.sqrt(variance);
  const z = mean / sd;
  return mean * normalCdf(z) + sd * normalPdf(z);
}
