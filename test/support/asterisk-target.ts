import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioTarget } from '../scenarios/scenario-target';
import { ariProbe } from './ari-probe';
import { eventLogFromEnv } from './event-log-from-env';
import { TcpProxy } from './tcp-proxy';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const sharedAsteriskStart = path.resolve(repoRoot, '..', 'shared', 'asterisk', 'start');
export const sharedAsteriskCli = path.resolve(repoRoot, '..', 'shared', 'asterisk', 'cli');

export interface RealAsteriskSettings { url: string; user: string; password: string; port: number }

/** DIALER_IT_ARI_URL/USER/PASSWORD (and DIALER_IT_ASTERISK_PORT), or undefined when the tier is off. */
export function realAsteriskSettings(env: NodeJS.ProcessEnv = process.env): RealAsteriskSettings | undefined {
  const url = env.DIALER_IT_ARI_URL;
  if (!url || !env.DIALER_IT_ARI_USER || !env.DIALER_IT_ARI_PASSWORD) return undefined;
  const port = Number(env.DIALER_IT_ASTERISK_PORT || new URL(url).port || 8088);
  return { url: url.replace(/\/+$/, ''), user: env.DIALER_IT_ARI_USER, password: env.DIALER_IT_ARI_PASSWORD, port };
}

/** Loads our dialplan into the shared Asterisk (start on a running instance rewrites and reloads). */
export function loadOurDialplan(port: number): boolean {
  if (!existsSync(sharedAsteriskStart)) return false;
  execFileSync(sharedAsteriskStart, ['--port', String(port), '--dialplan', path.join(repoRoot, 'dialplan', 'extensions_dialer.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  return true;
}

export async function realAsteriskTarget(s: RealAsteriskSettings): Promise<ScenarioTarget> {
  const u = new URL(s.url);
  const events = eventLogFromEnv('real Asterisk');
  const proxy = new TcpProxy(u.hostname, Number(u.port || 80), events.tap);
  const proxyPort = await proxy.start();
  const probe = ariProbe(s.url, s.user, s.password);
  const { ari } = probe;
  let callers = 0;
  return {
    ...probe,
    name: 'real Asterisk',
    ari: { url: `http://127.0.0.1:${proxyPort}`, user: s.user, password: s.password },
    telephony: { customerEndpoint: 'Local/{number}@sim-customers', agentEndpoint: 'Local/{extension}@sim-agents', customerContext: 'dialer-outbound' },
    beginScenario: events.beginScenario,
    placeCallbackRequestCall: async (number) => {
      // The ";2" half runs our inbound context; the ";1" half runs sim-customers 0905, which
      // answers and presses 1 about 3 s later: the caller pressing 1 at the offer.
      const q = new URLSearchParams({
        endpoint: 'Local/s@dialer-inbound-callback', context: 'sim-customers', extension: '09050001', priority: '1',
        callerId: number, channelId: `it-caller-${process.pid}-${++callers}`,
      });
      await ari('POST', `/channels?${q.toString()}`);
    },
    placeInboundCall: async (number, did) => {
      // The ";2" half runs dialer-inbound with the DID; the ";1" half runs sim-customers 0901, which answers
      // and stays on for about 30 s: the caller waiting in the queue, then talking.
      const channelId = `it-caller-${process.pid}-${++callers}`;
      const q = new URLSearchParams({
        endpoint: `Local/${did}@dialer-inbound`, context: 'sim-customers', extension: '09010001', priority: '1', callerId: number, channelId,
      });
      await ari('POST', `/channels?${q.toString()}`);
      return { hangUp: async () => { await ari('DELETE', `/channels/${encodeURIComponent(channelId)}`).catch(() => undefined); } };
    },
    // Not execFileSync: the event loop must keep reading the events of the teardown meanwhile.
    restartPbx: () => new Promise<void>((resolve, reject) => {
      execFile(sharedAsteriskCli, ['--port', String(s.port), 'core restart now'], (err) => (err ? reject(err) : resolve()));
    }),
    cutAri: async () => proxy.pause(),
    resumeAri: async () => proxy.resume(),
    close: async () => {
      for (const id of (await ari('GET', '/channels')) as { id: string }[]) {
        if (id.id.startsWith(`it-caller-${process.pid}-`)) await ari('DELETE', `/channels/${encodeURIComponent(id.id)}`);
      }
      await proxy.stop();
    },
  };
}
