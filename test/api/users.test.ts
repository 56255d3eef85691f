import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

describe('users and groups API', () => {
  let app: TestApp;
  beforeEach(async () => { app = await startTestApp(); });
  afterEach(async () => { await app.close(); });

  const newUser = (role: string, username: string) => ({ username, displayName: username, role, password: 'long enough pw' });

  it('when an owner creates users of every role, then they exist and can log in', async () => {
    const owner = await app.login('owner');
    for (const role of ['owner', 'admin', 'agent']) {
      const res = await app.request('POST', '/api/users', { token: owner.token, body: newUser(role, `u-${role}`) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.role, role);
    }
    const login = await app.request('POST', '/api/auth/login', { body: { username: 'u-agent', password: 'long enough pw' } });
    assert.equal(login.status, 200);
  });

  it('when an admin creates an admin or an owner, then 403; an agent, then 201', async () => {
    const admin = await app.login('admin');
    assert.equal((await app.request('POST', '/api/users', { token: admin.token, body: newUser('admin', 'x1') })).status, 403);
    assert.equal((await app.request('POST', '/api/users', { token: admin.token, body: newUser('owner', 'x2') })).status, 403);
    assert.equal((await app.request('POST', '/api/users', { token: admin.token, body: newUser('agent', 'x3') })).status, 201);
  });

  it('when an agent lists users, then it sees only itself, and it cannot create users', async () => {
    await app.login('admin');
    const agent = await app.login('agent');
    const res = await app.request('GET', '/api/users', { token: agent.token });
    assert.deepEqual(res.body.users.map((u: { id: number }) => u.id), [agent.id]);
    assert.equal((await app.request('POST', '/api/users', { token: agent.token, body: newUser('agent', 'yy') })).status, 403);
  });

  it('when the password is short or the username taken, then 4xx naming the field', async () => {
    const owner = await app.login('owner', 'boss');
    const short = await app.request('POST', '/api/users', { token: owner.token, body: { ...newUser('agent', 'a1'), password: 'short' } });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.field, 'password');
    const taken = await app.request('POST', '/api/users', { token: owner.token, body: newUser('agent', 'boss') });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.field, 'username');
    const badRole = await app.request('POST', '/api/users', { token: owner.token, body: { ...newUser('agent', 'a2'), role: 'god' } });
    assert.equal(badRole.status, 400);
    assert.equal(badRole.body.error.field, 'role');
  });

  it('when a password is changed, then the user\'s old sessions end', async () => {
    const owner = await app.login('owner');
    const agent = await app.login('agent');
    const res = await app.request('PATCH', `/api/users/${agent.id}`, { token: owner.token, body: { password: 'a brand new pw' } });
    assert.equal(res.status, 200);
    assert.equal((await app.request('GET', '/api/auth/me', { token: agent.token })).status, 401);
  });

  it('when a user tries to change their own role, then 403', async () => {
    const owner = await app.login('owner');
    const res = await app.request('PATCH', `/api/users/${owner.id}`, { token: owner.token, body: { role: 'agent' } });
    assert.equal(res.status, 403);
  });

  it('when a group is created with agents, then it lists them; a non-agent member is refused', async () => {
    const admin = await app.login('admin');
    const a1 = await app.login('agent');
    const a2 = await app.login('agent');
    const res = await app.request('POST', '/api/groups', { token: admin.token, body: { name: 'Team A', memberIds: [a1.id, a2.id] } });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.memberIds, [a1.id, a2.id]);
    const bad = await app.request('POST', '/api/groups', { token: admin.token, body: { name: 'Team B', memberIds: [admin.id] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'memberIds.0');
    const agent = await app.request('POST', '/api/groups', { token: a1.token, body: { name: 'Team C' } });
    assert.equal(agent.status, 403);
  });
});
