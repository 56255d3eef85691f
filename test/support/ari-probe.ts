import { appendFileSync } from 'node:fs';
import type { LegId } from '../../src/domain/telephony-ids';
import type { ScenarioTarget } from '../scenarios/scenario-target';

type Probe = Pick<ScenarioTarget, 'hangUpFarEnd' | 'channelIds' | 'bridges' | 'storedRecordings'> & {
  ari(method: string, path: string): Promise<unknown>;
};

/**
 * What a scenario target reads and does on the PBX directly over ARI REST, past the dialer's
 * (cuttable) connection. Both targets use it, so a scenario acts on them the same way.
 */
export function ariProbe(url: string, user: string, password: string): Probe {
  const auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
  const ari = async (method: string, p: string): Promise<unknown> => {
    const res = await fetch(`${url}/ari${p}`, { method, headers: { authorization: auth } });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return res.status === 204 || method === 'DELETE' ? undefined : res.json();
  };
  return {
    ari,
    // Our legs are the ";1" halves of Local channels; the person is on the ";2" half.
    hangUpFarEnd: async (leg: LegId) => { await ari('DELETE', `/channels/${encodeURIComponent(`${leg};2`)}`); },
    channelIds: async () => ((await ari('GET', '/channels')) as { id: string }[]).map((c) => c.id),
    bridges: async () => (await ari('GET', '/bridges')) as { id: string; bridge_type: string; channels: string[] }[],
    storedRecordings: async () => ((await ari('GET', '/recordings/stored')) as { name: string }[]).map((r) => r.name),
  };
}

/**
 * DIALER_IT_EVENT_LOG=<file>: every ARI event the dialer receives is appended to the file as a
 * JSON line with the target and the scenario, to compare the simulator with real Asterisk.
 */
export function eventLogFromEnv(targetName: string, env: NodeJS.ProcessEnv = process.env) {
  const file = env.DIALER_IT_EVENT_LOG;
  let scenario = '';
  return {
    tap: file ? (text: string) => appendFileSync(file, `${JSON.stringify({ target: targetName, scenario, event: JSON.parse(text) as unknown })}\n`) : undefined,
    beginScenario: (title: string) => { scenario = title; },
  };
}
