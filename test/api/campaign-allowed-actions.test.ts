import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

describe('campaign answers carry what the user may do', () => {
  let app: TestApp;
  beforeEach(async () => { app = await startTestApp(); });
  afterEach(async () => { await app.close(); });

  it('when a draft goes through approval, then each user is offered exactly the actions the lifecycle allows them', async () => {
    const owner = await app.login('owner');
    const admin = await app.login('admin');
    const stranger = await app.login('admin');
    const created = await app.request('POST', '/api/campaigns', { token: admin.token, body: { name: 'Renewals', dialingMode: 'progressive' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as number;
    assert.deepEqual(created.body.allowedActions, ['submit']);
    assert.equal(created.body.canEdit, true);
    const seen = async (token: string) => (await app.request('GET', `/api/campaigns/${id}`, { token })).body;
    assert.deepEqual((await seen(stranger.token)).allowedActions, []);
    assert.equal((await seen(stranger.token)).canEdit, false);
    const submitted = await app.request('POST', `/api/campaigns/${id}/submit`, { token: admin.token, body: {} });
    assert.deepEqual(submitted.body.allowedActions, []);
    const forOwner = await seen(owner.token);
    assert.deepEqual(forOwner.allowedActions, ['approve', 'reject']);
    assert.equal(forOwner.canEdit, true, 'owners also edit campaigns pending approval');
    assert.equal((await seen(admin.token)).canEdit, false);
    await app.request('POST', `/api/campaigns/${id}/approve`, { token: owner.token, body: {} });
    const list = await app.request('GET', '/api/campaigns', { token: admin.token });
    assert.deepEqual(list.body.items.find((c: { id: number }) => c.id === id).allowedActions, ['activate', 'end']);
  });
});
