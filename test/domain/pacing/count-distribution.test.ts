import assert from 'node:assert/strict';
import { addBernoulli, convolve, differenceTail, poissonPmf, tailAt } from '../../../src/domain/pacing/count-distribution';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

describe('count distributions', () => {
  it('when Bernoullis are added, then the PMF is the exact Poisson-binomial', () => {
    const pmf = [1];
    for (const q of [0.5, 0.2, 0.9]) addBernoulli(pmf, q);
    close(pmf[0]!, 0.5 * 0.8 * 0.1);
    close(pmf[3]!, 0.5 * 0.2 * 0.9);
    close(pmf[1]!, 0.5 * 0.8 * 0.1 + 0.5 * 0.2 * 0.1 + 0.5 * 0.8 * 0.9);
    close(pmf.reduce((a, b) => a + b, 0), 1);
  });

  it('when a Poisson is built, then it sums to one and has its mean', () => {
    const pmf = poissonPmf(3.5);
    close(pmf.reduce((a, b) => a + b, 0), 1, 1e-10);
    close(pmf.reduce((a, p, k) => a + p * k, 0), 3.5, 1e-8);
  });

  it('when D − A is tailed, then P(D − A ≥ m) matches a direct count', () => {
    const d = convolve([0.3, 0.7], [0.6, 0.4]);
    const a = [0.2, 0.5, 0.3];
    const t = differenceTail(d, a);
    for (let m = -4; m <= 4; m++) {
      let direct = 0;
      d.forEach((pd, i) => a.forEach((pa, j) => { if (i - j >= m) direct += pd * pa; }));
      close(tailAt(t, m), direct);
    }
  });
});
