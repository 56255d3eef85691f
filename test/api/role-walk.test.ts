import assert from 'node:assert/strict';
import { apiRoutes } from '../../src/api/api-routes';
import { allRoutes } from '../../src/api/create-app';
import { roleRefusal } from '../../src/api/mount-routes';
import { toOpenApiPath } from '../../src/api/openapi';
import type { RouteSpec } from '../../src/api/route';
import { ROLES, type Role } from '../../src/domain/roles';
import { readServedDocument, SAMPLE_CSV, urlOf, type Operation } from '../support/openapi-operations';
import { validSample } from '../support/sample-body';
import { seedEveryResource, type Seeded } from '../support/seed-resources';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Who may call what, walked from the OpenAPI document the app serves: every operation names its roles
 * (x-roles), the role gate refuses everyone else before anything is read, and the services refuse them
 * too when the gate is taken away. A new route is walked the day it is added.
 */

const PUBLIC = ['GET /health', 'GET /metrics', 'GET /ready', 'POST /api/auth/login'];
/**
 * Outside /api/agent/ (the agent page, agents only), what an agent may call: their own session, account,
 * campaigns they work, notifications, their own contacts and filters, blank import templates, the pause
 * codes they pick from and their own performance figures. Opening one
 * more operation to agents is decided here, on purpose; new owner and admin routes need nothing.
 */
/** Agents' own phone calls outside campaigns: agents only (like /api/agent/), though not under it (the contact pages call them too). */
const CLICK_TO_CALL = ['POST /api/calls', 'GET /api/calls/current', 'POST /api/calls/current/hangup', 'POST /api/calls/current/close'];
const AGENT_MAY_CALL = [
  'POST /api/auth/logout', 'GET /api/auth/me', 'GET /api/openapi.json',
  'GET /api/users', 'GET /api/users/{id}', 'PATCH /api/users/{id}',
  'GET /api/campaigns', 'GET /api/campaigns/{id}',
  'GET /api/notifications', 'POST /api/notifications/read-all', 'POST /api/notifications/{id}/read',
  'GET /api/contacts', 'POST /api/contacts', 'GET /api/contacts/{id}', 'PATCH /api/contacts/{id}', 'PUT /api/contacts/{id}/do-not-contact',
  'PUT /api/leads/agents/{id}/receiving',
  'GET /api/pause-codes', 'GET /api/reports/agent-performance', 'GET /api/reports/agent-performance/export',
  // An agent's own call log (the service narrows it to the calls they were on) and the recordings of those calls.
  'GET /api/reports/calls', 'GET /api/reports/calls/stats', 'GET /api/reports/calls/export', 'GET /api/reports/calls/{id}/recording',
  'GET /api/contact-filters', 'POST /api/contact-filters', 'GET /api/contact-filters/{id}', 'PUT /api/contact-filters/{id}', 'DELETE /api/contact-filters/{id}',
  ...['contacts', 'dnc', 'blacklist'].flatMap((k) => [`GET /api/import-templates/${k}.xlsx`, `GET /api/import-templates/${k}.csv`]),
  // Click-to-call (issue 15 item 1): agents call their contacts or a typed-in number from the contact pages and their own page;
  // the notes they save on a contact, and its call history, are read on the contact page (the service checks the contact is theirs).
  ...CLICK_TO_CALL,
  'GET /api/contacts/{id}/notes', 'GET /api/contacts/{id}/calls',
];
/** Reviewing campaigns is the owners' alone. */
const OWNERS_ONLY = ['POST /api/campaigns/{id}/approve', 'POST /api/campaigns/{id}/reject'];
const MISSING = 999_999;
const UNKNOWN_PHONE = '+84900000000';
/** Answers of a test app that runs no dialer: the route was reached and said so. */
const NO_DIALER = new Set(['E_TELEPHONY_UNAVAILABLE']);
const isNoDialer = (op: Operation, res: { status: number; body: any }) => NO_DIALER.has(res.body?.error?.code)
  || (op.key === 'GET /api/campaigns/{id}/live' && /not running or paused in the dialer/.test(res.body?.error?.message));

type Requester = Pick<TestApp, 'request'>;

function call(app: Requester, op: Operation, token: string, url: string, body?: unknown) {
  if (op.upload) return app.request(op.method, url, { token, rawBody: SAMPLE_CSV, headers: { 'content-type': 'text/csv' } });
  return app.request(op.method, url, { token, body: body ?? (op.method === 'GET' || op.method === 'DELETE' ? undefined : {}) });
}

const gateMessage = (op: Operation, url: string, role: Role) => roleRefusal(`${op.method} ${url.split('?')[0]}`, op.roles!, role);
const excluded = (op: Operation) => ROLES.filter((r) => !op.public && !op.roles!.includes(r));

describe('who may call what, walked from the served OpenAPI document', () => {
  let app: TestApp;
  let seeded: Seeded;
  let ops: Operation[];

  before(async () => {
    app = await startTestApp();
    seeded = await seedEveryResource(app);
    ops = (await readServedDocument(app, seeded.users.owner.token)).operations;
  });
  after(async () => { await app.close(); });

  it('when the document is read, then every operation but login, health, readiness and metrics names the roles that may call it', () => {
    assert.ok(ops.length >= 100, `${ops.length} operations`);
    assert.deepEqual(ops.filter((o) => o.public).map((o) => o.key).sort(), PUBLIC);
    for (const op of ops) {
      if (op.public) { assert.equal(op.roles, undefined, op.key); continue; }
      assert.ok(Array.isArray(op.roles) && op.roles.length > 0, `${op.key} x-roles`);
      assert.deepEqual([...new Set(op.roles)].sort(), [...op.roles].sort(), `${op.key} roles listed once`);
      for (const r of op.roles) assert.ok(ROLES.includes(r), `${op.key} role ${r}`);
    }
    for (const [what, roles] of [['owner-only', ['owner']], ['staff', ['owner', 'admin']], ['agent-only', ['agent']], ['anyone\'s', ROLES]] as const) {
      assert.ok(ops.some((o) => JSON.stringify(o.roles) === JSON.stringify(roles)), `some ${what} operations`);
    }
  });

  it('when the document is read, then agents may call the agent page\'s operations and exactly the listed others, and admins all but the owners\' and the agents\'', () => {
    const secured = ops.filter((o) => !o.public);
    for (const op of secured.filter((o) => o.path.startsWith('/api/agent/'))) assert.deepEqual(op.roles, ['agent'], op.key);
    const agents = secured.filter((o) => !o.path.startsWith('/api/agent/') && o.roles!.includes('agent')).map((o) => o.key);
    assert.deepEqual(agents.sort(), [...AGENT_MAY_CALL].sort(), 'operations open to agents');
    const agentsOnly = (o: Operation) => o.path.startsWith('/api/agent/') || CLICK_TO_CALL.includes(o.key);
    const notAdmins = secured.filter((o) => !o.roles!.includes('admin') && !agentsOnly(o)).map((o) => o.key);
    assert.deepEqual(notAdmins.sort(), [...OWNERS_ONLY].sort(), 'operations closed to admins');
    for (const op of secured) assert.ok(op.roles!.includes('owner') || agentsOnly(op), `${op.key} open to owners`);
  });

  it('when each role calls every operation it is not named in, on resources that exist and it may see, then 403 from the role gate', async () => {
    let refused = 0;
    for (const op of ops) {
      for (const role of excluded(op)) {
        const url = urlOf(op, 1, seeded.blockedPhone);
        const res = await call(app, op, seeded.users[role].token, url);
        const label = `${role} ${op.method} ${url}`;
        assert.equal(res.status, 403, `${label}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'E_FORBIDDEN', label);
        assert.equal(res.body.error.message, gateMessage(op, url, role), label);
        refused++;
      }
    }
    assert.ok(refused >= 80, `${refused} refusals`);
    // Nothing the refused requests asked for happened.
    const { owner } = seeded.users;
    assert.equal((await app.request('GET', '/api/campaigns/1', { token: owner.token })).body.state, 'running');
    for (const path of ['/api/contacts/1', '/api/groups/1', '/api/scripts/1', '/api/imports/1', '/api/contact-groups/1', '/api/campaign-entries/1']) {
      assert.equal((await app.request('GET', path, { token: owner.token })).status, 200, path);
    }
    assert.equal((await app.request('GET', '/api/imports', { token: owner.token })).body.imports.length, 1, 'no upload was registered');
  });

  it('when a role named in x-roles calls the operation, then the role gate lets it through (and nothing answers 5xx)', async () => {
    for (const op of ops.filter((o) => !o.public)) {
      for (const role of op.roles!) {
        // Missing ids, so nothing is changed; logging out ends a session of its own.
        const token = op.key === 'POST /api/auth/logout' ? (await app.login(role)).token : seeded.users[role].token;
        const url = urlOf(op, MISSING, UNKNOWN_PHONE);
        const res = await call(app, op, token, url);
        const label = `${role} ${op.method} ${url}: ${res.status} ${JSON.stringify(res.body)}`;
        assert.ok(!(res.status === 403 && res.body?.error?.message === gateMessage(op, url, role)), label);
        assert.ok(res.status < 500 || isNoDialer(op, res), label);
      }
    }
  });

  it('when a role named on a read operation uses it, then it can read something with it (the roles are not wider than the services)', async () => {
    const unreadable: string[] = [];
    for (const op of ops.filter((o) => !o.public && o.method === 'GET')) {
      const idQuery = op.queryNames.filter((n) => /Id$/.test(n)).map((n) => `${n}=1`).join('&');
      const join = (...parts: string[]) => parts.filter(Boolean).join('&');
      for (const role of op.roles!) {
        let read = false;
        for (const id of [1, 2, 3, 4]) {
          for (const query of idQuery ? [op.requiredQuery, join(op.requiredQuery, idQuery)] : [op.requiredQuery]) {
            const res = await call(app, op, seeded.users[role].token, urlOf(op, id, seeded.blockedPhone, query));
            read ||= (res.status >= 200 && res.status < 300) || isNoDialer(op, res);
          }
          if (read || !op.path.includes('{')) break;
        }
        if (!read) unreadable.push(`${role} ${op.key}`);
      }
    }
    assert.deepEqual(unreadable, []);
  });
});

describe('the services refuse on their own when the role gate is taken away', () => {
  let app: TestApp;
  let seeded: Seeded;
  let ops: Operation[];
  let routes: Map<string, RouteSpec>;

  before(async () => {
    // The same app, every route open to every role at the gate: only the services decide.
    const open = (s: Parameters<typeof apiRoutes>[0]) => apiRoutes(s).map((r): RouteSpec => (r.public ? r : { ...r, roles: ROLES }));
    app = await startTestApp({}, { routes: open });
    seeded = await seedEveryResource(app);
    const declared = await startTestApp();
    try {
      ops = (await readServedDocument(declared, (await declared.login('owner')).token)).operations;
    } finally {
      await declared.close();
    }
    const table = allRoutes({ routes: apiRoutes(app.services), health: () => ({ status: 'ok', db: true, telephony: '' }), version: '0' });
    routes = new Map(table.map((r) => [`${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`, r]));
  });
  after(async () => { await app.close(); });

  it('when a role the document leaves out sends a valid request on resources that exist, then 403 or 404 from the service', async () => {
    const letThrough: string[] = [];
    let checked = 0;
    for (const op of ops) {
      const route = routes.get(op.key);
      assert.ok(route, `${op.key} in the route table`);
      const body = op.body && validSample(op.body, (v) => {
        const r = route.body!.safeParse(v);
        return r.success ? undefined : r.error.issues[0]!.path.map(String);
      });
      assert.ok(!op.body || body !== undefined, `${op.key}: a valid sample body`);
      // A valid request carries the required query parameters too (a report's date range), so the parse lets it reach the service.
      const ids = op.queryNames.filter((n) => /Id$/.test(n) && !op.requiredQuery.split('&').some((p) => p.startsWith(`${n}=`)));
      const query = [op.requiredQuery, ...ids.map((n) => `${n}=1`)].filter(Boolean).join('&');
      for (const role of excluded(op)) {
        const res = await call(app, op, seeded.users[role].token, urlOf(op, 1, seeded.blockedPhone, query), body);
        checked++;
        if (!((res.status === 403 && res.body.error.code === 'E_FORBIDDEN') || (res.status === 404 && res.body.error.code === 'E_NOT_FOUND'))) {
          letThrough.push(`${role} ${op.key}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
      }
    }
    assert.ok(checked >= 80, `${checked} requests`);
    assert.deepEqual(letThrough, []);
  });
});
