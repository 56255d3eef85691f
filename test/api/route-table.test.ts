import assert from 'node:assert/strict';
import { apiRoutes } from '../../src/api/api-routes';
import { allRoutes } from '../../src/api/create-app';
import { toOpenApiPath } from '../../src/api/openapi';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC = new Set(['POST /api/auth/login', 'GET /health', 'GET /ready', 'GET /metrics']);

function concretePath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '1');
}

describe('the route table', () => {
  let app: TestApp;
  before(async () => { app = await startTestApp(); });
  after(async () => { await app.close(); });

  const routes = () => allRoutes({ routes: apiRoutes(app.services), health: () => ({ status: 'ok', db: true, telephony: '' }), version: '0' });

  it('when no session is given, then every route but login, health, readiness and metrics (its own bearer token, test/api/metrics.test.ts) answers 401', async () => {
    const list = routes();
    assert.ok(list.length > 10);
    for (const r of list) {
      const key = `${r.method.toUpperCase()} ${r.path}`;
      assert.equal(Boolean(r.public), PUBLIC.has(key), `${key} public flag`);
      if (r.public) continue;
      const res = await app.request(r.method.toUpperCase(), concretePath(r.path), { body: r.method === 'get' ? undefined : {} });
      assert.equal(res.status, 401, key);
      assert.equal(res.body.error.code, 'E_UNAUTHENTICATED', key);
      const bad = await app.request(r.method.toUpperCase(), concretePath(r.path), { token: 'forged', body: r.method === 'get' ? undefined : {} });
      assert.equal(bad.status, 401, `${key} with a forged token`);
    }
  });

  it('when the OpenAPI document is read, then it lists exactly the routes of the table', async () => {
    const { token } = await app.login('admin');
    const res = await app.request('GET', '/api/openapi.json', { token });
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.0.3');
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m} ${p}`);
    }
    const actual = new Set(routes().map((r) => `${r.method} ${toOpenApiPath(r.path)}`));
    assert.deepEqual([...documented].sort(), [...actual].sort());
  });

  it('when /ready is asked while telephony is not ready, then it answers 503 E_NOT_READY without a session', async () => {
    const res = await app.request('GET', '/ready');
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'E_NOT_READY');
    assert.match(res.body.error.message, /telephony none/);
  });

  it('when /health is asked without a session, then it answers 200', async () => {
    const res = await app.request('GET', '/health');
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
  });
});
