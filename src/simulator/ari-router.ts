import type { RouteDef } from './route-def';

interface CompiledRoute {
  readonly route: RouteDef;
  /** Literal segments as text, parameters as null with their name alongside. */
  readonly segments: ReadonlyArray<{ literal: string } | { param: string }>;
  readonly literals: number;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: RouteDef; readonly path: Record<string, string> }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

/** Matches `/channels/abc/play` to a route; literal segments win over parameters (/channels/create). */
export class AriRouter {
  private readonly byShape = new Map<string, CompiledRoute[]>();

  constructor(readonly routes: readonly RouteDef[]) {
    for (const route of routes) {
      const parts = route.path.split('/').filter(Boolean);
      const segments = parts.map((p) => (p.startsWith('{') ? { param: p.slice(1, -1) } : { literal: p }));
      const compiled: CompiledRoute = { route, segments, literals: segments.filter((s) => 'literal' in s).length };
      const key = `${parts.length}:${parts[0] ?? ''}`;
      const list = this.byShape.get(key) ?? [];
      list.push(compiled);
      list.sort((a, b) => b.literals - a.literals);
      this.byShape.set(key, list);
    }
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean).map(safeDecode);
    const candidates = this.byShape.get(`${parts.length}:${parts[0] ?? ''}`) ?? [];
    let pathMatched = false;
    let bestScore = -1;
    for (const c of candidates) {
      if (c.literals < bestScore) break;
      const params = matchSegments(c, parts);
      if (!params) continue;
      bestScore = c.literals;
      if (c.route.method === method) return { kind: 'found', route: c.route, path: params };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
  }
}

function matchSegments(c: CompiledRoute, parts: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = c.segments[i]!;
    const part = parts[i]!;
    if ('literal' in seg) {
      if (seg.literal !== part) return null;
    } else {
      params[seg.param] = part;
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
