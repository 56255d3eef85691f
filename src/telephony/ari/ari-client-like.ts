/**
 * The part of an ari-client Client the dialer uses. Operations take one options object and return
 * a promise (bluebird in ari-client; awaited like any promise). Resource objects it returns are
 * never passed on: results are decoded into our own types in ari-rest.ts.
 */
type Op = (options?: Record<string, unknown>) => PromiseLike<unknown>;

export interface AriClientLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  start(apps: string): PromiseLike<unknown>;
  stop(): void;
  channels: Record<'create' | 'dial' | 'continueInDialplan' | 'hangup' | 'list' | 'play' | 'get', Op>;
  bridges: Record<'create' | 'addChannel' | 'destroy' | 'list' | 'startMoh' | 'record', Op>;
  playbacks: Record<'stop', Op>;
  recordings: Record<'stop' | 'getStored', Op>;
  asterisk: Record<'setGlobalVar' | 'getGlobalVar' | 'getInfo', Op>;
}

const RESOURCES: Record<string, string[]> = {
  channels: ['create', 'dial', 'continueInDialplan', 'hangup', 'list', 'play', 'get'],
  bridges: ['create', 'addChannel', 'destroy', 'list', 'startMoh', 'record'],
  playbacks: ['stop'],
  recordings: ['stop', 'getStored'],
  asterisk: ['setGlobalVar', 'getGlobalVar', 'getInfo'],
};

/** Checks that what ari-client.connect resolved to has every operation we call. */
export function asAriClient(value: unknown): AriClientLike {
  const v = value as Record<string, unknown> | null;
  const missing: string[] = [];
  if (!v || typeof v.on !== 'function' || typeof v.start !== 'function' || typeof v.stop !== 'function') missing.push('on/start/stop');
  for (const [resource, ops] of Object.entries(RESOURCES)) {
    const r = v?.[resource] as Record<string, unknown> | undefined;
    for (const op of ops) if (typeof r?.[op] !== 'function') missing.push(`${resource}.${op}`);
  }
  if (missing.length) throw new Error(`the ARI server does not offer: ${missing.join(', ')}`);
  return value as AriClientLike;
}
