import assert from 'node:assert/strict';
import { EngineHarness } from './support/engine-harness';
import { startEngineHttp, type EngineHttp } from './support/engine-http';

/** Pause codes over HTTP: admins define them, agents going not ready must pick an active one. */
describe('pause codes', function () {
  this.timeout(60_000);
  let h: EngineHarness;
  let api: EngineHttp;
  const call = (method: string, path: string, who?: string, body?: unknown) => api.call(method, path, who, body);

  beforeEach(async () => {
    h = await EngineHarness.start({});
    api = await startEngineHttp(h, [['boss', 'owner', null], ['sue', 'admin', null], ['ann', 'agent', '1001']]);
  });

  afterEach(async () => {
    await api.http.stop();
    await h.stop();
  });

  it('when admins manage pause codes, then codes are checked, unique, and agents see only the active ones and change none', async () => {
    const made = await call('POST', '/api/pause-codes', 'sue', { code: 'coaching', label: '  Coaching ' });
    assert.deepEqual([made.status, made.body.code, made.body.label, made.body.active], [201, 'coaching', 'Coaching', true]);
    const dup = await call('POST', '/api/pause-codes', 'boss', { code: 'coaching', label: 'Again' });
    assert.deepEqual([dup.status, dup.body.error.field], [409, 'code']);
    const bad = await call('POST', '/api/pause-codes', 'sue', { code: 'Coffee break', label: 'Coffee' });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'code']);
    const noLabel = await call('PATCH', `/api/pause-codes/${made.body.id}`, 'sue', { label: ' ' });
    assert.deepEqual([noLabel.status, noLabel.body.error.field], [400, 'label']);
    assert.equal((await call('POST', '/api/pause-codes', 'ann', { code: 'nap', label: 'Nap' })).status, 403);
    assert.equal((await call('PATCH', `/api/pause-codes/${made.body.id}`, 'sue', { active: false })).body.active, false);
    const all = (await call('GET', '/api/pause-codes', 'sue')).body.map((c: any) => c.code);
    const agents = (await call('GET', '/api/pause-codes', 'ann')).body.map((c: any) => c.code);
    assert.ok(all.includes('coaching') && !agents.includes('coaching'));
    assert.deepEqual([...agents].sort(), ['break', 'lunch', 'meeting', 'training']);
    assert.equal((await call('DELETE', `/api/pause-codes/${made.body.id}`, 'ann')).status, 403);
    assert.equal((await call('DELETE', `/api/pause-codes/${made.body.id}`, 'sue')).status, 204);
    assert.equal((await call('DELETE', `/api/pause-codes/${made.body.id}`, 'sue')).status, 404);
  });

  it('when an agent goes not ready, then the reason must be an active pause code (400 naming reason otherwise) and is stored as the code', async () => {
    const c = h.campaign({ dialingMode: 'manual', agentIds: [api.ids.ann!] });
    assert.equal((await call('POST', `/api/agent/campaigns/${c.id}/join`, 'ann')).status, 200);
    const unknown = await call('POST', `/api/agent/campaigns/${c.id}/not-ready`, 'ann', { reason: 'coffee' });
    assert.deepEqual([unknown.status, unknown.body.error.code, unknown.body.error.field], [400, 'E_VALIDATION', 'reason']);
    const made = await call('POST', '/api/pause-codes', 'sue', { code: 'coffee', label: 'Coffee' });
    const ok = await call('POST', `/api/agent/campaigns/${c.id}/not-ready`, 'ann', { reason: 'coffee' });
    assert.deepEqual([ok.status, ok.body.state.kind, ok.body.state.reason], [200, 'not_ready', 'coffee']);
    const rows = h.services.db.prepare('SELECT to_state, reason FROM agent_state_changes WHERE agent_id = ? ORDER BY id').all(api.ids.ann!);
    assert.deepEqual(rows.at(-1), { to_state: 'not_ready', reason: 'coffee' });
    await call('PATCH', `/api/pause-codes/${made.body.id}`, 'sue', { active: false });
    await call('POST', `/api/agent/campaigns/${c.id}/ready`, 'ann');
    const inactive = await call('POST', `/api/agent/campaigns/${c.id}/not-ready`, 'ann', { reason: 'coffee' });
    assert.deepEqual([inactive.status, inactive.body.error.field], [400, 'reason']);
  });
});
