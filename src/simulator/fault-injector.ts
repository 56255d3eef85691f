import type { RouteDef } from './route-def';

/** Which REST request a fault applies to; every given field must match. */
export interface FaultMatch {
  readonly method?: RouteDef['method'];
  /** Swagger nickname, e.g. 'hangup', 'addChannel', 'originate'. */
  readonly nickname?: string;
  readonly resource?: RouteDef['resource'];
  /** Path parameter values, e.g. { channelId: 'agent-1' }. */
  readonly path?: Readonly<Record<string, string>>;
}

export interface FaultResponse {
  readonly status: number;
  readonly message: string;
  readonly key?: 'message' | 'error';
  /** Runs just before the error is returned (e.g. the far end hangs up first). */
  readonly before?: (path: Readonly<Record<string, string>>) => void;
}

interface Armed {
  readonly match: FaultMatch;
  readonly response: FaultResponse;
  remaining: number;
}

/** One-shot (or n-shot) wrong answers for REST requests, for fault tests. */
export class FaultInjector {
  private armed: Armed[] = [];

  add(match: FaultMatch, response: FaultResponse, times = 1): void {
    this.armed.push({ match, response, remaining: times });
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault for this request, if one is armed (consumed). */
  take(route: RouteDef, path: Readonly<Record<string, string>>): FaultResponse | undefined {
    const index = this.armed.findIndex((a) => matches(a.match, route, path));
    if (index < 0) return undefined;
    const armed = this.armed[index]!;
    armed.remaining--;
    if (armed.remaining <= 0) this.armed.splice(index, 1);
    return armed.response;
  }
}

function matches(m: FaultMatch, route: RouteDef, path: Readonly<Record<string, string>>): boolean {
  if (m.method && m.method !== route.method) return false;
  if (m.nickname && m.nickname !== route.nickname) return false;
  if (m.resource && m.resource !== route.resource) return false;
  if (m.path) for (const [k, v] of Object.entries(m.path)) if (path[k] !== v) return false;
  return true;
}
