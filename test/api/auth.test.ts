import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

describe('authentication', () => {
  let app: TestApp;
  beforeEach(async () => { app = await startTestApp(); });
  afterEach(async () => { await app.close(); });

  it('when the password is right, then login returns a token, an httpOnly SameSite cookie, and /me works with either', async () => {
    await app.services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'admin', password: 'a long secret 1' });
    const res = await app.request('POST', '/api/auth/login', { body: { username: 'lan', password: 'a long secret 1' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.user.username, 'lan');
    assert.equal(res.body.user.password_hash, undefined);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /dialer_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    const byBearer = await app.request('GET', '/api/auth/me', { token: res.body.token });
    assert.equal(byBearer.body.user.username, 'lan');
    const byCookie = await app.request('GET', '/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(byCookie.status, 200);
  });

  it('when the password is wrong or the user unknown, then 401 with the same message', async () => {
    await app.services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'admin', password: 'a long secret 1' });
    const wrong = await app.request('POST', '/api/auth/login', { body: { username: 'lan', password: 'nope' } });
    const unknown = await app.request('POST', '/api/auth/login', { body: { username: 'ghost', password: 'nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
  });

  it('when a user logs out, then the token stops working', async () => {
    const { token } = await app.login('agent');
    assert.equal((await app.request('POST', '/api/auth/logout', { token })).status, 204);
    assert.equal((await app.request('GET', '/api/auth/me', { token })).status, 401);
  });

  it('when a session is older than its time to live, then it is refused', async () => {
    const { token } = await app.login('agent');
    app.clock.advance((app.config.sessionTtlHours + 1) * 3600_000);
    assert.equal((await app.request('GET', '/api/auth/me', { token })).status, 401);
  });

  it('when a password is stored, then only a scrypt hash is in the database', async () => {
    await app.services.users.createUnchecked({ username: 'lan', displayName: 'Lan', role: 'admin', password: 'a long secret 1' });
    const row = app.services.db.prepare("SELECT password_hash FROM users WHERE username = 'lan'").get() as { password_hash: string };
    assert.match(row.password_hash, /^scrypt\$\d+\$/);
    assert.ok(!row.password_hash.includes('a long secret 1'));
  });
});
