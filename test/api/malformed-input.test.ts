import assert from 'node:assert/strict';
import { z } from 'zod';
import { apiRoutes } from '../../src/api/api-routes';
import { allRoutes } from '../../src/api/create-app';
import type { RouteSpec } from '../../src/api/route';
import { ROLES, type Role } from '../../src/domain/roles';
import { seedEveryResource } from '../support/seed-resources';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Walks the route table and throws malformed input at every route that takes input, as a user the
 * route's roles let through. Resources with id 1 exist for every kind of path id, so a request that
 * slipped past validation would reach a real handler and succeed — the test would then fail on its 2xx.
 * Field by field junk in otherwise valid bodies, bad ids, queries and uploads: malformed-fields.test.ts.
 */

const BAD_IDS = ['abc', '-1', '0', '1.5', '99999999999999999999', '1e400', '%00', '1;DROP', 'null', '0x10'];
const DEPTH = 5000;
const deepRaw = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
const huge = 'x'.repeat(100_000);
const deepValue = { nested: { deeper: [1, 'x', null, { even: { deeper: true } }] } };
/** Bodies that are wrong for any route, whatever its schema. */
const JUNK_BODIES: [string, string][] = [
  ['null', 'null'], ['an array', '[]'], ['an array of objects', '[{}]'], ['a string', '"text"'], ['a number', '42'],
  ['a boolean', 'true'], ['an unknown field', '{"bogusField":1}'], ['deeply nested junk', deepRaw],
];
/** Values that are wrong for every field of every schema. */
const JUNK_VALUES: [string, unknown][] = [
  ['a nested object', deepValue], ['a 100 000-character string', huge], ['nested arrays', [[['junk']]]], ['a negative fraction', -1.5],
];
const INVALID_JSON: string[] = ['{"name": ', "{'single': 'quotes'}", '{"a":1,}', 'undefined', '\u0000'];

function objectOf(schema: z.ZodType | undefined): z.ZodObject | undefined {
  let s: unknown = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap();
  return s instanceof z.ZodObject ? s : undefined;
}

const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
const pathWith = (path: string, values: Record<string, string> = {}) => path.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => values[n] ?? '1');
const key = (r: RouteSpec) => `${r.method.toUpperCase()} ${r.path}`;

describe('malformed input on every route', () => {
  let app: TestApp;
  let token: string;
  let routes: RouteSpec[];
  const tokens = {} as Record<Role, string>;
  /** A user the role gate lets through (owners first), so the junk reaches validation and the handler. */
  const tokenFor = (r: RouteSpec) => (r.public ? token : tokens[ROLES.find((role) => r.roles.includes(role))!]);

  before(async () => {
    app = await startTestApp();
    // Id 1 of every resource a path names exists (test/support/seed-resources.ts).
    const { users } = await seedEveryResource(app);
    token = users.owner.token;
    Object.assign(tokens, { owner: users.owner.token, admin: users.admin.token, agent: users.agent.token });
    routes = allRoutes({ routes: apiRoutes(app.services), health: () => ({ status: 'ok', db: true, telephony: '' }), version: '0' });
  });
  after(async () => { await app.close(); });

  async function expectRefused(r: RouteSpec, path: string, options: { body?: unknown; rawBody?: string; method?: string }, what: string) {
    const res = await app.request(options.method ?? r.method.toUpperCase(), path, { token: tokenFor(r), ...options });
    assert.ok(res.status >= 400 && res.status < 500, `${what}: expected 4xx, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/, `${what}: JSON error`);
    assert.equal(typeof res.body?.error?.code, 'string', `${what}: error code`);
    assert.equal(typeof res.body?.error?.message, 'string', `${what}: error message`);
    return res.body.error as { code: string; message: string; field?: string };
  }

  it('when the table is walked, then it has write routes with bodies and routes with path ids to test', () => {
    const writes = routes.filter((r) => r.method !== 'get');
    assert.ok(writes.filter((r) => r.body).length >= 15, 'write routes with a body schema');
    assert.ok(routes.some((r) => paramNames(r.path).length === 2), 'a route with two path ids');
  });

  it('when the table is walked, then every body and query schema refuses unknown fields (.strict())', () => {
    const loose: string[] = [];
    for (const r of routes) {
      for (const [part, schema] of [['body', r.body], ['query', r.query]] as const) {
        const obj = objectOf(schema);
        if (schema && !obj) loose.push(`${key(r)} ${part} is not an object schema`);
        if (obj && obj.def.catchall?._zod.def.type !== 'never') loose.push(`${key(r)} ${part}`);
      }
    }
    assert.deepEqual(loose, []);
  });

  it('when a path id is not a positive safe integer, then every route answers 4xx naming the parameter', async function () {
    this.timeout(120_000); // ten bad ids on every route with one: hundreds of requests on a shared machine
    for (const r of routes) {
      for (const name of paramNames(r.path)) {
        for (const bad of BAD_IDS) {
          const what = `${key(r)} with ${name}=${bad}`;
          const error = await expectRefused(r, pathWith(r.path, { [name]: bad }), { body: r.method === 'get' || r.method === 'delete' ? undefined : {} }, what);
          assert.equal(error.code, 'E_VALIDATION', what);
          assert.equal(error.field, name, what);
        }
      }
    }
  });

  it('when a write route gets text that is not JSON, then 400 E_BAD_JSON', async () => {
    for (const r of routes.filter((x) => x.method !== 'get')) {
      for (const raw of INVALID_JSON) {
        const error = await expectRefused(r, pathWith(r.path), { rawBody: raw }, `${key(r)} with ${JSON.stringify(raw)}`);
        assert.equal(error.code, 'E_BAD_JSON');
      }
    }
  });

  it('when a write route gets a body of the wrong shape, then 4xx, never a 500', async () => {
    for (const r of routes.filter((x) => x.method !== 'get' && x.body)) {
      for (const [what, raw] of JUNK_BODIES) {
        const error = await expectRefused(r, pathWith(r.path), { rawBody: raw }, `${key(r)} with ${what}`);
        assert.equal(error.code, 'E_VALIDATION', `${key(r)} with ${what}`);
      }
    }
  });

  it('when any one body field carries junk, then 4xx names that field or a required one', async () => {
    for (const r of routes.filter((x) => x.method !== 'get' && x.body)) {
      const shape = objectOf(r.body)?.shape as Record<string, z.ZodType> | undefined;
      if (!shape) continue;
      const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
      for (const field of Object.keys(shape)) {
        for (const [what, value] of JUNK_VALUES) {
          const label = `${key(r)} with ${field} = ${what}`;
          const error = await expectRefused(r, pathWith(r.path), { body: { [field]: value } }, label);
          const named = (error.field ?? '').split('.')[0]!;
          assert.ok(named === field || required.includes(named), `${label}: names ${error.field}`);
        }
      }
    }
  });

  it('when a list route gets unknown or malformed query parameters, then 400 names the parameter', async () => {
    const queries: [string, string][] = [
      ['bogus=1', 'query'], ['limit=abc', 'limit'], ['limit=-1', 'limit'], ['limit=100000', 'limit'],
      ['limit=1&limit=2', 'limit'], ['offset=1.5', 'offset'], ['offset=1e400', 'offset'], [`limit=${'9'.repeat(5000)}`, 'limit'],
    ];
    // Paged lists (limit/offset); reports with required fields of their own are checked by their own tests.
    const lists = routes.filter((r) => r.method === 'get' && objectOf(r.query)?.shape.limit
      && Object.entries(objectOf(r.query)!.shape as Record<string, z.ZodType>).every(([k, f]) => ['limit', 'offset'].includes(k) || f.safeParse(undefined).success));
    assert.ok(lists.length >= 4, 'list routes with a query schema');
    for (const r of lists) {
      for (const [q, field] of queries) {
        const error = await expectRefused(r, `${pathWith(r.path)}?${q}`, {}, `${key(r)}?${q.slice(0, 40)}`);
        assert.equal(error.field, field, `${key(r)}?${q.slice(0, 40)}`);
      }
      for (const name of Object.keys(objectOf(r.query)!.shape)) {
        if (['limit', 'offset'].includes(name)) continue;
        await expectRefused(r, `${pathWith(r.path)}?${name}=${encodeURIComponent(huge.slice(0, 3000))}`, {}, `${key(r)}?${name}=junk`);
      }
    }
  });

  it('when all the junk has been sent, then the data set up before is unchanged', async () => {
    const c = (await app.request('GET', '/api/campaigns/1', { token })).body;
    assert.deepEqual([c.name, c.state], ['Spring sale', 'running']);
    assert.equal((await app.request('GET', '/api/contacts/1', { token })).body.name, 'Lan');
    const s = (await app.request('GET', '/api/scripts/1', { token })).body;
    assert.deepEqual([s.name, s.questions.length], ['S', 1]);
    assert.equal((await app.request('GET', '/api/auth/me', { token })).status, 200);
  });
});
