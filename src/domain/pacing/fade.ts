/** Weight left to something recorded `ageMs` ago when weights halve every halfLifeMs (Infinity: never fade). */
export function fade(ageMs: number, halfLifeMs: number): number {
  return Number.isFinite(halfLifeMs) && halfLifeMs > 0 && ageMs > 0 ? Math.pow(0.5, ageMs / halfLifeMs) : 1;
}
