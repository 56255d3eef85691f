import assert from 'node:assert/strict';
import { act, actOk, approvedCampaign, createCampaign } from '../support/campaign-helpers';
import { startTestApp, type TestApp } from '../support/test-app';

type Who = { token: string; id: number };

describe('campaign permissions by role over HTTP', () => {
  let app: TestApp;
  let owner: Who;
  let creator: Who;
  let manager: Who;
  let stranger: Who;
  let agent: Who;
  beforeEach(async () => {
    app = await startTestApp();
    owner = await app.login('owner');
    creator = await app.login('admin');
    manager = await app.login('admin');
    stranger = await app.login('admin');
    agent = await app.login('agent');
  });
  afterEach(async () => { await app.close(); });

  const managed = (settings: Record<string, unknown> = {}) => createCampaign(app, creator.token, { managerIds: [manager.id], ...settings });
  const expectError = (res: { status: number; body: any }, status: number, code: string, message?: RegExp) => {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.equal(res.body.error.code, code);
    if (message) assert.match(res.body.error.message, message);
  };

  it('when an agent tries to create a campaign, then 403', async () => {
    const res = await app.request('POST', '/api/campaigns', { token: agent.token, body: { name: 'x', dialingMode: 'manual' } });
    expectError(res, 403, 'E_FORBIDDEN', /POST \/api\/campaigns is for owners and admins only \(your role: agent\)/);
  });

  it('when an admin who neither created nor manages a campaign acts on it, then 403 for every action, edit and delete', async () => {
    const c = await managed();
    expectError(await app.request('PATCH', `/api/campaigns/${c.id}`, { token: stranger.token, body: { name: 'mine' } }), 403, 'E_FORBIDDEN', /created or manage/);
    expectError(await app.request('DELETE', `/api/campaigns/${c.id}`, { token: stranger.token }), 403, 'E_FORBIDDEN');
    expectError(await act(app, stranger.token, c.id, 'submit'), 403, 'E_FORBIDDEN');
    await actOk(app, creator.token, c.id, 'submit');
    await actOk(app, owner.token, c.id, 'approve');
    for (const action of ['activate', 'pause', 'resume', 'end']) expectError(await act(app, stranger.token, c.id, action), 403, 'E_FORBIDDEN');
    // ...but an unrelated admin may still read it.
    assert.equal((await app.request('GET', `/api/campaigns/${c.id}`, { token: stranger.token })).status, 200);
  });

  it('when an admin or a manager tries to approve or reject, then 403: only owners review', async () => {
    const c = await managed();
    await actOk(app, creator.token, c.id, 'submit');
    for (const who of [creator, manager]) {
      expectError(await act(app, who.token, c.id, 'approve'), 403, 'E_FORBIDDEN', /is for owners only \(your role: admin\)/);
      expectError(await act(app, who.token, c.id, 'reject', 'no'), 403, 'E_FORBIDDEN');
    }
    assert.equal((await actOk(app, owner.token, c.id, 'approve')).state, 'approved');
  });

  it('when a campaign is pending, then an owner may edit or delete it and its admins get 409', async () => {
    const c = await managed();
    await actOk(app, creator.token, c.id, 'submit');
    expectError(await app.request('PATCH', `/api/campaigns/${c.id}`, { token: creator.token, body: { maxAttempts: 4 } }), 409, 'E_TRANSITION_DENIED', /only an owner/);
    expectError(await app.request('DELETE', `/api/campaigns/${c.id}`, { token: manager.token }), 409, 'E_TRANSITION_DENIED');
    const edited = await app.request('PATCH', `/api/campaigns/${c.id}`, { token: owner.token, body: { maxAttempts: 4 } });
    assert.equal(edited.status, 200);
    assert.deepEqual([edited.body.state, edited.body.maxAttempts], ['pending_approval', 4]);
    assert.equal((await app.request('DELETE', `/api/campaigns/${c.id}`, { token: owner.token })).status, 204);
  });

  it('when the owner, the creator or a managing admin activates, pauses, resumes and ends, then each may', async () => {
    for (const who of [owner, creator, manager]) {
      const c = await approvedCampaign(app, creator.token, owner.token, { managerIds: [manager.id] });
      assert.equal((await actOk(app, who.token, c.id, 'activate')).state, 'running');
      assert.equal((await actOk(app, who.token, c.id, 'pause')).state, 'paused');
      assert.equal((await actOk(app, who.token, c.id, 'resume')).state, 'running');
      assert.equal((await actOk(app, who.token, c.id, 'end')).state, 'ended');
    }
  });

  it('when an agent works a running campaign, then they may list and read it but do nothing else', async () => {
    const c = await approvedCampaign(app, creator.token, owner.token, { agentIds: [agent.id] });
    await actOk(app, creator.token, c.id, 'activate');
    const list = await app.request('GET', '/api/campaigns', { token: agent.token });
    assert.deepEqual(list.body.items.map((x: any) => x.id), [c.id]);
    const read = await app.request('GET', `/api/campaigns/${c.id}`, { token: agent.token });
    assert.equal(read.status, 200);
    assert.equal(read.body.name, c.name);
    for (const action of ['pause', 'end', 'submit', 'approve', 'activate']) expectError(await act(app, agent.token, c.id, action, 'x'), 403, 'E_FORBIDDEN', /your role: agent/);
    expectError(await app.request('PATCH', `/api/campaigns/${c.id}`, { token: agent.token, body: { name: 'x' } }), 403, 'E_FORBIDDEN');
    expectError(await app.request('DELETE', `/api/campaigns/${c.id}`, { token: agent.token }), 403, 'E_FORBIDDEN');
    expectError(await app.request('GET', `/api/campaigns/${c.id}/events`, { token: agent.token }), 403, 'E_FORBIDDEN');
    expectError(await app.request('GET', '/api/scripts', { token: agent.token }), 403, 'E_FORBIDDEN');
  });

  it('when an agent is in a group assigned to a running campaign, then they see it; not drafts, paused ones or others', async () => {
    const group = await app.request('POST', '/api/groups', { token: owner.token, body: { name: 'Team A', memberIds: [agent.id] } });
    const viaGroup = await approvedCampaign(app, creator.token, owner.token, { name: 'via group', agentGroupIds: [group.body.id] });
    await actOk(app, creator.token, viaGroup.id, 'activate');
    const paused = await approvedCampaign(app, creator.token, owner.token, { name: 'paused', agentIds: [agent.id] });
    await actOk(app, creator.token, paused.id, 'activate');
    await actOk(app, creator.token, paused.id, 'pause');
    const draft = await createCampaign(app, creator.token, { name: 'draft', agentIds: [agent.id] });
    const notMine = await approvedCampaign(app, creator.token, owner.token, { name: 'not mine' });
    await actOk(app, creator.token, notMine.id, 'activate');

    const list = await app.request('GET', '/api/campaigns?limit=50', { token: agent.token });
    assert.deepEqual(list.body.items.map((x: any) => x.name), ['via group']);
    assert.equal(list.body.total, 1);
    for (const hidden of [paused, draft, notMine]) {
      expectError(await app.request('GET', `/api/campaigns/${hidden.id}`, { token: agent.token }), 404, 'E_NOT_FOUND');
    }
    const ownersView = await app.request('GET', '/api/campaigns', { token: owner.token });
    assert.equal(ownersView.body.total, 4);
  });
});
