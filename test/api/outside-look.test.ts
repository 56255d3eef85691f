import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Transport from 'winston-transport';
import { createLogger, format } from 'winston';
import { insecureCookieWarning } from '../../src/api/cookie-warning';
import { upload } from '../support/spreadsheets';
import { startTestApp, type TestApp } from '../support/test-app';
import { zipBomb } from '../support/zip-bomb';

/** What the outside look at the running demo found, each kept fixed. */
describe('security findings of the outside look', () => {
  let app: TestApp;
  let admin: string;
  const logged: Record<string, unknown>[] = [];
  beforeEach(async () => {
    logged.length = 0;
    const sink = new (class extends Transport {
      override log(info: Record<string, unknown>, done: () => void): void { logged.push(info); done(); }
    })();
    app = await startTestApp({}, { log: createLogger({ level: 'info', format: format.json(), transports: [sink] }) });
    admin = (await app.login('admin', 'hoa')).token;
  });
  afterEach(async () => { await app.close(); });

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    app.request('POST', '/api/auth/login', { body: { username, password }, headers });

  it('when wrong passwords keep coming, then logins back off with 429 and Retry-After, and every failure is logged without the password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login('hoa', `wrong-${i}`)).status);
    assert.deepEqual(statuses.slice(0, 6), [401, 401, 401, 401, 401, 401]);
    assert.deepEqual(statuses.slice(6), [429, 429]);
    const blocked = await login('hoa', 'correct horse battery');
    assert.equal(blocked.status, 429, 'even the right password waits while blocked');
    assert.equal(blocked.body.error.code, 'E_TOO_MANY_ATTEMPTS');
    const retry = Number(blocked.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 2, `Retry-After ${retry}`);
    app.clock.advance(retry * 1000);
    assert.equal((await login('hoa', 'correct horse battery')).status, 200);
    const failures = logged.filter((l) => l.message === 'login failed');
    assert.equal(failures.length, 9);
    assert.ok(failures.every((l) => l.username === 'hoa' && typeof l.address === 'string'));
    assert.ok(!JSON.stringify(logged).includes('wrong-'), 'no password in the log');
  });

  it('when a cookie-style POST comes from another site, then it is refused; from this server it goes through', async () => {
    const c = await app.request('POST', '/api/contacts', { token: admin, body: { name: 'A', phones: ['0912000001'] }, headers: { origin: 'http://evil.example' } });
    assert.equal(c.status, 403);
    assert.match(c.body.error.message, /cross-site/);
    const viaReferer = await app.request('POST', '/api/contacts', { token: admin, body: { name: 'A', phones: ['0912000001'] }, headers: { referer: 'http://evil.example/page' } });
    assert.equal(viaReferer.status, 403);
    const own = new URL(app.url).origin;
    const ok = await app.request('POST', '/api/contacts', { token: admin, body: { name: 'A', phones: ['0912000001'] }, headers: { origin: own, referer: `${own}/admin` } });
    assert.equal(ok.status, 201);
    assert.equal((await app.request('GET', '/api/contacts', { token: admin, headers: { origin: 'http://evil.example' } })).status, 200, 'reads are not state changes');
  });

  it('when a JSON route gets a text/plain or form body, then it is 415 and nothing changes', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await app.request('POST', '/api/contacts', { token: admin, rawBody: '{"name":"A","phones":["0912000001"]}', headers: { 'content-type': type } });
      assert.equal(res.status, 415, type);
      assert.equal(res.body.error.field, 'body');
    }
    assert.equal((app.services.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n, 0);
  });

  it('when an agent uploads a large file to the import route, then it is 403 and nothing is written to disk', async () => {
    const agent = await app.login('agent', 'minh');
    const body = Buffer.alloc(8 * 1024 * 1024, 0x41);
    const res = await fetch(`${app.url}/api/imports?kind=contacts&filename=a.csv`, {
      method: 'POST', headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'text/csv' }, body,
    }).catch((err: Error) => err);
    if (!(res instanceof Error)) assert.equal(res.status, 403);
    const dir = path.join(app.config.dataDir, 'imports');
    assert.deepEqual(readdirSync(dir), []);
  });

  it('when an admin uploads a zip bomb as .xlsx, then it is refused with 413 and a message, and the file is gone', async () => {
    const res = await upload(app, admin, await zipBomb(300));
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'E_IMPORT_INFLATED');
    assert.deepEqual(readdirSync(path.join(app.config.dataDir, 'imports')), []);
  });

  it('when users change their own password, then the current one is required; an admin resetting an agent needs none', async () => {
    const me = (await app.request('GET', '/api/auth/me', { token: admin })).body.user;
    const none = await app.request('PATCH', `/api/users/${me.id}`, { token: admin, body: { password: 'a new long password' } });
    assert.equal(none.status, 400);
    assert.equal(none.body.error.field, 'currentPassword');
    const wrong = await app.request('PATCH', `/api/users/${me.id}`, { token: admin, body: { password: 'a new long password', currentPassword: 'guess' } });
    assert.equal(wrong.status, 400);
    assert.equal((await login('hoa', 'a new long password')).status, 401, 'the refused change did not happen');
    const right = await app.request('PATCH', `/api/users/${me.id}`, { token: admin, body: { password: 'a new long password', currentPassword: 'correct horse battery' } });
    assert.equal(right.status, 200);
    assert.equal((await login('hoa', 'a new long password')).status, 200);
    const agent = await app.login('agent', 'minh');
    const admin2 = (await login('hoa', 'a new long password')).body.token;
    assert.equal((await app.request('PATCH', `/api/users/${agent.id}`, { token: admin2, body: { password: 'reset by admin 1' } })).status, 200);
  });

  it('when a contact search names % or _, then they are characters, not wildcards', async () => {
    for (const name of ['Nguyễn An', 'Lan 50%', 'a_b']) {
      assert.equal((await app.request('POST', '/api/contacts', { token: admin, body: { name, phones: [`09120000${10 + name.length}`] } })).status, 201);
    }
    const names = async (q: string) => (await app.request('GET', `/api/contacts?name=${encodeURIComponent(q)}`, { token: admin })).body.items.map((c: { name: string }) => c.name).sort();
    assert.deepEqual(await names('%'), []);
    assert.deepEqual(await names('_'), []);
    assert.deepEqual(await names('an'), ['Nguyễn An']);
  });
});

describe('Secure session cookie', () => {
  it('when HTTPS ends at a trusted proxy on loopback, then the cookie is Secure; a forwarded header from an untrusted setup is ignored', async () => {
    for (const trustProxy of [true, false]) {
      const app = await startTestApp({ trustProxy });
      try {
        await app.services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'admin', password: 'a long secret 1' });
        const res = await app.request('POST', '/api/auth/login', { body: { username: 'lan', password: 'a long secret 1' }, headers: { 'x-forwarded-proto': 'https' } });
        assert.equal(res.status, 200);
        assert.equal(/;\s*Secure/i.test(res.headers.get('set-cookie') ?? ''), trustProxy, `trustProxy ${trustProxy}`);
      } finally {
        await app.close();
      }
    }
  });

  it('when the server listens beyond loopback with neither setting, then start-up warns', () => {
    assert.match(insecureCookieWarning('0.0.0.0', false, false)!, /without Secure/);
    assert.equal(insecureCookieWarning('127.0.0.1', false, false), undefined);
    assert.equal(insecureCookieWarning('0.0.0.0', false, true), undefined);
    assert.equal(insecureCookieWarning('0.0.0.0', true, false), undefined);
  });
});
