import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** An ARI event as it arrives on the WebSocket (only the fields the tests read are typed). */
export interface AriEvent {
  readonly type: string;
  readonly timestamp?: string;
  readonly application?: string;
  readonly asterisk_id?: string;
  readonly channel?: { readonly id: string; readonly name: string; readonly state: string; readonly [k: string]: unknown };
  readonly peer?: { readonly id: string; readonly name: string; readonly state: string };
  readonly bridge?: { readonly id: string; readonly bridge_type: string; readonly channels: readonly string[] };
  readonly playback?: { readonly id: string; readonly media_uri: string; readonly target_uri: string; readonly state: string };
  readonly recording?: { readonly name: string; readonly target_uri: string; readonly state: string };
  readonly [key: string]: unknown;
}

export type TraceLine =
  | { readonly t: number; readonly kind: 'rest'; readonly sent: number; readonly method: string; readonly path: string;
      readonly query: Readonly<Record<string, string>> | null; readonly body: unknown; readonly status: number; readonly response: unknown }
  | { readonly t: number; readonly kind: 'event'; readonly event: AriEvent }
  | { readonly t: number; readonly kind: 'ws'; readonly what: string; readonly code?: number; readonly wasClean?: boolean }
  | { readonly t: number; readonly kind: 'cli'; readonly sent: number; readonly command: string }
  | { readonly t: number; readonly kind: 'note'; readonly text: string };

/** Where the reference traces live: DIALER_ARI_REFERENCE_DIR, else ../shared/ari-reference next to the checkout. */
export function referenceDir(): string {
  const fromEnv = process.env.DIALER_ARI_REFERENCE_DIR;
  if (fromEnv) return fromEnv;
  const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
  return path.resolve(repoRoot, '..', 'shared', 'ari-reference');
}

export function traceNames(): string[] {
  return ['agent-first', 'customer-first', 'ivr', 'failures', 'amd', 'app-reconnect', 'restart', 'sip-trunk'];
}

export function tracePath(name: string): string {
  return path.join(referenceDir(), 'traces', `${name}.jsonl`);
}

export function haveTraces(): boolean {
  return traceNames().every((n) => existsSync(tracePath(n)));
}

export function loadTrace(name: string): TraceLine[] {
  return readFileSync(tracePath(name), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as TraceLine);
}

/** Event types Asterisk declares in its events.json (the reference api-docs). */
export function declaredAsteriskEvents(): Set<string> {
  const file = path.join(referenceDir(), 'api-docs', 'events.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { models: Record<string, unknown> };
  return new Set(Object.keys(doc.models));
}
