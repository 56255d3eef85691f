import assert from 'node:assert/strict';
import { apiRoutes } from '../../src/api/api-routes';
import { toOpenApiPath } from '../../src/api/openapi';
import type { RouteSpec } from '../../src/api/route';
import { acceptedTypes, placeAt, sampleOf, schemaNodes, validSample, type JsonSchema } from '../support/sample-body';
import { EngineHarness } from './support/engine-harness';
import { startEngineHttp, type EngineHttp } from './support/engine-http';

/*
 * The agent page's routes with an engine running (elsewhere they stop at "the dialer is not running"):
 * every operation under /api/agent/ of the served OpenAPI document, with the ids an agent really holds, ids
 * of another agent's customers, ids that point at nothing, and one wrong field at a time. Never a 5xx.
 */

const NOWHERE = 99_999_999;
const JUNK: Record<string, unknown> = { object: { junk: 1 }, array: [['junk']], string: 'junk', number: 12345, boolean: true, null: null };

interface AgentOp { method: string; path: string; key: string; body?: JsonSchema; route: RouteSpec }

describe('the agent page\'s routes with an engine running: real, foreign, missing ids and junk fields', function () {
  this.timeout(120_000);
  let h: EngineHarness;
  let api: EngineHttp;
  let ops: AgentOp[];
  let campaignId: number;
  let attemptId: number;
  let leadId: number;

  before(async () => {
    h = await EngineHarness.start({});
    api = await startEngineHttp(h, [['boss', 'owner', null], ['ann', 'agent', '1001'], ['ben', 'agent', '1002']]);
    const script = h.services.scripts.create({ id: api.ids.boss!, role: 'owner' }, {
      name: 'Sales', sharing: 'all_admins', questions: [{ kind: 'single_choice', text: 'Interested?', options: ['yes', 'no'] }],
    });
    const c = h.campaign({ dialingMode: 'preview', previewSeconds: 600, wrapUpSeconds: 600, agentIds: [api.ids.ann!, api.ids.ben!], scriptId: script.id });
    campaignId = c.id;
    [leadId] = h.addLeads(c.id, ['0901234567', '0901234568', '0901234569']) as [number];
    for (const who of ['ann', 'ben']) {
      assert.equal((await api.call('POST', `/api/agent/campaigns/${c.id}/join`, who, {})).status, 200);
      assert.equal((await api.call('POST', `/api/agent/campaigns/${c.id}/ready`, who, {})).status, 200);
    }
    attemptId = h.engine.view(api.ids.ann!).customer!.attemptId;
    const doc = (await api.call('GET', '/api/openapi.json', 'boss')).body;
    const routes = new Map(apiRoutes(h.services, () => h.engine).map((r) => [`${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`, r]));
    ops = Object.entries(doc.paths as Record<string, Record<string, any>>).filter(([p]) => p.startsWith('/api/agent/')).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const key = `${method.toUpperCase()} ${path}`;
        return { method: method.toUpperCase(), path, key, body: op.requestBody?.content?.['application/json']?.schema, route: routes.get(key)! };
      }));
  });
  after(async () => {
    await api?.http.stop();
    await h?.stop();
  });

  const url = (op: AgentOp, ids: { id: number; leadId: number }) => op.path.replace(/\{(\w+)\}/g, (_, n: string) => String(n === 'leadId' ? ids.leadId : ids.id));
  const realId = (op: AgentOp) => (op.path.includes('/attempts/') ? attemptId : campaignId);
  function body(op: AgentOp): unknown {
    if (!op.body) return op.method === 'GET' ? undefined : {};
    const schema = op.route.body!;
    return validSample(op.body, (v) => { const r = schema.safeParse(v); return r.success ? undefined : r.error.issues[0]!.path.map(String); });
  }
  const show = (res: { status: number; body: any }) => `${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;

  it('when the document is read, then the agent page has its operations, each with a valid sample body', () => {
    assert.ok(ops.length >= 15, `${ops.length} agent operations`);
    for (const op of ops) {
      assert.ok(op.route, `${op.key} in the route table`);
      assert.ok(!op.body || body(op) !== undefined, `${op.key}: a valid sample body`);
    }
  });

  it('when another agent uses the ids of ann\'s customer, then 4xx (never ann\'s data); with ids of nothing, 4xx too', async () => {
    for (const op of ops.filter((o) => o.path.includes('/attempts/'))) {
      const foreign = await api.call(op.method, url(op, { id: attemptId, leadId }), 'ben', body(op));
      assert.ok(foreign.status >= 400 && foreign.status < 500, `ben ${op.key} on ann's attempt: ${show(foreign)}`);
    }
    for (const op of ops.filter((o) => o.path.includes('{'))) {
      const missing = await api.call(op.method, url(op, { id: NOWHERE, leadId: NOWHERE }), 'ann', body(op));
      assert.ok(missing.status >= 400 && missing.status < 500, `ann ${op.key} at ${NOWHERE}: ${show(missing)}`);
    }
  });

  it('when one field of a valid body is of the wrong type, then 400 names it; with the real ids, never a 5xx', async () => {
    for (const op of ops.filter((o) => o.body)) {
      const base = body(op);
      for (const node of schemaNodes(op.body!)) {
        const at = placeAt(op.body!, base, node.path, sampleOf(node.schema));
        if (!op.route.body!.safeParse(at).success) continue;
        const accepted = acceptedTypes(node.schema);
        for (const [type, value] of Object.entries(JUNK).filter(([t]) => !accepted.has(t as never)).slice(0, 3)) {
          const res = await api.call(op.method, url(op, { id: realId(op), leadId }), 'ann', placeAt(op.body!, at, node.path, value));
          const label = `${op.key} with ${node.path.join('.')} = ${type}: ${show(res)}`;
          assert.equal(res.status, 400, label);
          assert.ok([node.path.join('.'), (node.unionAt ?? node.path).join('.')].includes(res.body.error.field), label);
        }
      }
    }
    // Valid requests with the real ids: whatever the engine says (a state refusal, the view), never a 5xx.
    for (const op of ops) {
      const res = await api.call(op.method, url(op, { id: realId(op), leadId }), 'ann', body(op));
      assert.ok(res.status < 500, `ann ${op.key}: ${show(res)}`);
    }
  });
});
