import assert from 'node:assert/strict';
import { ROLES, type Role } from '../../src/domain/roles';
import { readServedDocument, SAMPLE_CSV, urlOf, type Operation } from '../support/openapi-operations';
import { acceptedTypes, placeAt, sampleOf, schemaNodes, validSample, type SchemaNode } from '../support/sample-body';
import { seedEveryResource, type Seeded } from '../support/seed-resources';
import { startTestApp, type TestApp } from '../support/test-app';
import { apiRoutes } from '../../src/api/api-routes';
import { allRoutes } from '../../src/api/create-app';
import { toOpenApiPath } from '../../src/api/openapi';
import type { RouteSpec } from '../../src/api/route';

/*
 * Junk one field at a time inside bodies that are otherwise valid (so the junk, not a missing field, is
 * what gets refused), ids that point at nothing, odd query strings and broken uploads, on every operation
 * of the served OpenAPI document, as a user its roles let through. Whatever comes, never a 5xx.
 */

const HUGE = 'x'.repeat(100_000);
const NOWHERE = 99_999_999;
const JUNK_OF_TYPE: Record<string, unknown> = { string: 'junk', number: 12345, boolean: true, object: { junk: 1 }, array: [['junk']], null: null };
const ODD_QUERY_VALUES = ['', 'abc', '-1', '0', '1.5', '1e400', '%00', 'true', '[]', '{}', '%F0%9F%92%A9', '..%2F..%2Fetc', `'%20OR%201=1--`];
const isId = (path: string[]) => /(^id$|Id$|Ids$)/.test([...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '');
/** The test app runs no dialer: the agent page's routes answer that once the input is valid (fuzzed with an engine in test/dialer/agent-routes-fuzz.test.ts). */
const noDialer = (res: { body: any }) => res.body?.error?.code === 'E_TELEPHONY_UNAVAILABLE';

describe('malformed fields, bad ids, queries and uploads on every operation', () => {
  let app: TestApp;
  let seeded: Seeded;
  let ops: Operation[];
  let routes: Map<string, RouteSpec>;
  const tokenOf = (op: Operation) => seeded.users[op.public ? 'owner' : ROLES.find((r: Role) => op.roles!.includes(r))!].token;
  const send = (op: Operation, url: string, body: unknown) => app.request(op.method, url, { token: tokenOf(op), body });
  const describeRes = (res: { status: number; body: any }) => `${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;

  /** A JSON error answer in the 4xx range. */
  function assertRefused(res: { status: number; body: any; headers: Headers }, label: string) {
    assert.ok(res.status >= 400 && res.status < 500, `${label}: ${describeRes(res)}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/, label);
    assert.equal(typeof res.body?.error?.code, 'string', label);
  }

  /** A valid body for the operation (checked against the route's own schema), or undefined when it takes none. */
  function baseBody(op: Operation): unknown {
    if (!op.body) return op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
    const schema = routes.get(op.key)!.body!;
    const body = validSample(op.body, (v) => { const r = schema.safeParse(v); return r.success ? undefined : r.error.issues[0]!.path.map(String); });
    assert.notEqual(body, undefined, `${op.key}: a valid sample body`);
    return body;
  }

  /** For every field: the body with only that field set, when the route's schema accepts it. */
  function fieldVariants(op: Operation): (SchemaNode & { body: unknown; named: string })[] {
    const base = baseBody(op);
    const schema = routes.get(op.key)!.body!;
    const seen = new Set<string>();
    return schemaNodes(op.body!).flatMap((node) => {
      const name = node.path.join('.');
      if (seen.has(name)) return [];
      seen.add(name);
      const value = validSample(node.schema, () => undefined);
      // On the valid sample, or else on the bare required fields (a field that excludes another, "either contactIds or filter").
      const body = [base, sampleOf(op.body!)].map((b) => placeAt(op.body!, b, node.path, value)).find((b) => schema.safeParse(b).success);
      // A wrong value below a union may be reported at the union (no option fits) or inside it (the one that fits by type).
      return body === undefined ? [] : [{ ...node, body, named: (node.unionAt ?? node.path).join('.') }];
    });
  }

  before(async () => {
    app = await startTestApp();
    seeded = await seedEveryResource(app);
    ops = (await readServedDocument(app, seeded.users.owner.token)).operations;
    const table = allRoutes({ routes: apiRoutes(app.services), health: () => ({ status: 'ok', db: true, telephony: '' }), version: '0' });
    routes = new Map(table.map((r) => [`${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`, r]));
  });
  after(async () => { await app.close(); });

  it('when one field of an otherwise valid body has a value of the wrong type, then 400 names exactly that field', async () => {
    let sent = 0;
    for (const op of ops.filter((o) => o.body)) {
      for (const { path, schema, body, named } of fieldVariants(op)) {
        const accepted = acceptedTypes(schema);
        // One structure, one scalar and null, of types the field does not take.
        const wrong = (types: string[]) => types.filter((t) => !accepted.has(t as never)).slice(0, 1);
        const junk = [...wrong(['object', 'array']), ...wrong(['string', 'number', 'boolean']), ...wrong(['null'])].map((t): [string, unknown] => [t, JUNK_OF_TYPE[t]]);
        if (schema.enum) junk.push(['not an option', 'not-an-option']);
        if (schema.type === 'integer') junk.push(['a fraction', 1.5], ['an unsafe integer', 2 ** 53 + 2]);
        for (const [what, value] of junk) {
          const label = `${op.key} with ${path.join('.')} = ${what}`;
          const res = await send(op, urlOf(op, 1, seeded.blockedPhone), placeAt(op.body!, body, path, value));
          assertRefused(res, label);
          assert.equal(res.body.error.code, 'E_VALIDATION', `${label}: ${describeRes(res)}`);
          assert.ok([named, path.join('.')].includes(res.body.error.field), `${label}: ${describeRes(res)}`);
          sent++;
        }
      }
    }
    assert.ok(sent >= 300, `${sent} requests`);
  });

  it('when a text field of an otherwise valid body is 100,000 characters long, then 400 names that field', async () => {
    const unbounded: string[] = [];
    for (const op of ops.filter((o) => o.body)) {
      for (const { path, schema, body, named } of fieldVariants(op)) {
        if (!acceptedTypes(schema).has('string' as never) || schema.enum) continue;
        const res = await send(op, urlOf(op, 1, seeded.blockedPhone), placeAt(op.body!, body, path, HUGE));
        if (res.status !== 400 || ![named, path.join('.')].includes(res.body?.error?.field)) unbounded.push(`${op.key} ${path.join('.')}: ${describeRes(res)}`);
      }
    }
    assert.deepEqual(unbounded, []);
  });

  it('when an id in the path or in an otherwise valid body points at nothing, then a 4xx or a plain answer, never a 5xx', async () => {
    for (const op of ops.filter((o) => !o.public)) {
      const base = baseBody(op);
      const variants: [string, string, unknown][] = [];
      if (op.path.includes('{')) variants.push(['path ids', urlOf(op, NOWHERE, '+84900000000'), base]);
      if (op.body) {
        for (const { path, schema, body } of fieldVariants(op)) {
          if (schema.type === 'integer' && isId(path)) variants.push([path.join('.'), urlOf(op, 1, seeded.blockedPhone), placeAt(op.body, body, path, NOWHERE)]);
        }
      }
      for (const [what, url, body] of variants) {
        const res = op.upload
          ? await app.request(op.method, url, { token: tokenOf(op), rawBody: SAMPLE_CSV, headers: { 'content-type': 'text/csv' } })
          : await send(op, url, body);
        assert.ok(res.status < 500 || noDialer(res), `${op.key} with ${what} at ${NOWHERE}: ${describeRes(res)}`);
        if (res.status >= 400) assert.equal(typeof res.body?.error?.code, 'string', `${op.key} with ${what}: JSON error`);
      }
    }
  });

  it('when an operation with query parameters gets unknown, repeated, odd or huge ones, then 4xx for the wrong and never a 5xx', async () => {
    const withQuery = ops.filter((o) => o.queryNames.length > 0);
    assert.ok(withQuery.some((o) => o.method !== 'GET'), 'a query on a write operation (the upload) is walked too');
    for (const op of withQuery) {
      const body = op.upload ? undefined : baseBody(op);
      const at = (query: string) => urlOf(op, 1, seeded.blockedPhone, query);
      const get = (query: string) => (op.upload
        ? app.request(op.method, at(query), { token: tokenOf(op), rawBody: SAMPLE_CSV, headers: { 'content-type': 'text/csv' } })
        : send(op, at(query), body));
      const unknown = await get('bogusParam=1');
      assertRefused(unknown, `${op.key}?bogusParam`);
      assert.equal(unknown.body.error.field, 'query', `${op.key}?bogusParam`);
      for (const name of op.queryNames) {
        const huge = await get(`${name}=${HUGE.slice(0, 3000)}`);
        assertRefused(huge, `${op.key}?${name}=<3000 characters>`);
        for (const query of [...ODD_QUERY_VALUES.map((v) => `${name}=${v}`), `${name}=1&${name}=2`, `${name}[]=1`, `${name}[x]=1`, `${name}`]) {
          const res = await get(query);
          assert.ok(res.status < 500, `${op.key}?${query}: ${describeRes(res)}`);
        }
      }
    }
  });

  it('when an upload gets the wrong media type, nothing, junk bytes, a broken zip or a huge name, then 4xx and no import is kept', async () => {
    const uploads = ops.filter((o) => o.upload);
    assert.ok(uploads.length >= 1, 'upload operations');
    const before = (await app.request('GET', '/api/imports', { token: seeded.users.owner.token })).body.imports.length;
    const junk: [string, string, Buffer | string, string][] = [
      ['HTML', 'text/html', '<html><script>alert(1)</script></html>', ''],
      ['a form', 'application/x-www-form-urlencoded', 'a=1&b=2', ''],
      ['JSON', 'application/json', '{"name":"x"}', ''],
      ['nothing', 'application/octet-stream', '', ''],
      ['random bytes', 'application/octet-stream', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), ''],
      ['a zip that is no workbook', 'application/octet-stream', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 1)]), ''],
      ['a header without rows', 'text/csv', 'name,phone\r\n', ''],
      ['NUL bytes as CSV', 'text/csv', Buffer.alloc(3000, 0), ''],
      ['a huge file name', 'text/csv', SAMPLE_CSV, `filename=${HUGE.slice(0, 3000)}`],
      ['an unknown kind', 'text/csv', SAMPLE_CSV, 'kind=everything'],
    ];
    for (const op of uploads) {
      for (const [what, type, body, query] of junk) {
        const res = await app.request(op.method, urlOf(op, 1, seeded.blockedPhone, query), { token: tokenOf(op), rawBody: body as unknown as string, headers: { 'content-type': type } });
        assertRefused(res, `${op.key} with ${what}`);
      }
    }
    assert.equal((await app.request('GET', '/api/imports', { token: seeded.users.owner.token })).body.imports.length, before, 'no import registered');
  });
});
