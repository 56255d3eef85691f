/** A source of floats in [0, 1). Inject it wherever a rule draws lots, so tests and benchmarks replay. */
export type RandomSource = () => number;

/** mulberry32: a tiny 32-bit seeded generator, plenty for shuffling contacts (not for anything secret). */
export function createSeededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
