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
