import assert from 'node:assert/strict';
import { withTestApp, type TestApp } from '../support/test-app';

describe('leads API', () => {
  let app: TestApp;
  let admin: string;
  withTestApp((a, token) => { app = a; admin = token; });

  const create = async (phone: string, token = admin) => (await app.request('POST', '/api/contacts', { token, body: { phones: [phone] } })).body;
  const rotation = () => (app.services.db.prepare('SELECT last_agent_id FROM lead_rotation').get() as { last_agent_id: number | null }).last_agent_id;

  it('when an admin creates mobile contacts, then they go round robin over the agents who are ON, and the position is stored', async () => {
    const a1 = await app.login('agent');
    const a2 = await app.login('agent');
    const a3 = await app.login('agent');
    const off = await app.request('PUT', `/api/leads/agents/${a2.id}/receiving`, { token: admin, body: { on: false } });
    assert.equal(off.body.leadReceiving, false);
    const owners = [];
    for (let i = 0; i < 5; i++) owners.push((await create(`091234567${i}`)).ownerId);
    assert.deepEqual(owners, [a1.id, a3.id, a1.id, a3.id, a1.id]);
    assert.equal(rotation(), a1.id);
    await app.request('PUT', `/api/leads/agents/${a2.id}/receiving`, { token: a2.token, body: { on: true } });
    assert.equal((await create('0912345680')).ownerId, a2.id, 'the rotation goes on from where it stopped');
    const agents = (await app.request('GET', '/api/leads/agents', { token: admin })).body.agents;
    assert.deepEqual(agents.map((a: { id: number; leads: number }) => [a.id, a.leads]), [[a1.id, 3], [a2.id, 1], [a3.id, 2]]);
  });

  it('when the creator is an agent, then the lead is theirs; a landline-only contact stays in the pool', async () => {
    const agent = await app.login('agent');
    await app.request('PUT', `/api/leads/agents/${agent.id}/receiving`, { token: agent.token, body: { on: false } });
    assert.equal((await create('0912345678', agent.token)).ownerId, agent.id);
    assert.equal((await create('024 3826 1234')).ownerId, null);
    assert.equal(rotation(), null);
  });

  it('when no agent is ON, then a new lead stays in the pool', async () => {
    const agent = await app.login('agent');
    await app.request('PUT', `/api/leads/agents/${agent.id}/receiving`, { token: admin, body: { on: false } });
    assert.equal((await create('0912345678')).ownerId, null);
  });

  it('when a lead is unassigned and reassigned, then the owner follows; only admins may', async () => {
    const a1 = await app.login('agent');
    const a2 = await app.login('agent');
    const c = await create('0912345678');
    assert.equal(c.ownerId, a1.id);
    const un = await app.request('POST', `/api/contacts/${c.id}/unassign`, { token: admin });
    assert.equal(un.status, 200);
    assert.equal(un.body.ownerId, null);
    const pool = await app.request('GET', '/api/contacts?agentId=none', { token: admin });
    assert.deepEqual(pool.body.items.map((x: { id: number }) => x.id), [c.id]);
    const re = await app.request('POST', `/api/contacts/${c.id}/assign`, { token: admin, body: { agentId: a2.id } });
    assert.equal(re.body.ownerId, a2.id);
    assert.equal((await app.request('GET', `/api/contacts/${c.id}`, { token: a2.token })).status, 200);
    assert.equal((await app.request('POST', `/api/contacts/${c.id}/unassign`, { token: a2.token })).status, 403);
    const notAgent = await app.request('POST', `/api/contacts/${c.id}/assign`, { token: admin, body: { agentId: 1 } });
    assert.equal(notAgent.status, 400);
    assert.equal(notAgent.body.error.field, 'agentId');
  });

  it('when an agent switches another agent, then 403', async () => {
    const a1 = await app.login('agent');
    const a2 = await app.login('agent');
    assert.equal((await app.request('PUT', `/api/leads/agents/${a2.id}/receiving`, { token: a1.token, body: { on: false } })).status, 403);
  });
});

describe('DNC and blacklist API', () => {
  let app: TestApp;
  let admin: string;
  withTestApp((a, token) => { app = a; admin = token; });

  it('when numbers are added in any form, then the check finds them and the blacklist wins over DNC', async () => {
    const dnc = await app.request('POST', '/api/block-lists/dnc', { token: admin, body: { phone: '0912 345 678', reason: 'asked on call', source: 'hotline' } });
    assert.equal(dnc.status, 201);
    assert.deepEqual([dnc.body.added, dnc.body.entry.e164, dnc.body.entry.source], [true, '+84912345678', 'hotline']);
    const again = await app.request('POST', '/api/block-lists/dnc', { token: admin, body: { phone: '+84912345678', reason: 'other' } });
    assert.equal(again.body.added, false);
    assert.equal(again.body.entry.reason, 'asked on call');
    const check = await app.request('GET', `/api/block-lists/check/${encodeURIComponent('84 912.345.678')}`, { token: admin });
    assert.deepEqual(check.body, { e164: '+84912345678', blocked: true, list: 'dnc', reason: 'asked on call' });
    await app.request('POST', '/api/block-lists/blacklist', { token: admin, body: { phone: '0912345678', reason: 'fraud' } });
    assert.deepEqual(app.services.crm.blockLists.check('+84912345678'), { blocked: true, list: 'blacklist', reason: 'fraud' });
    assert.equal(app.services.crm.blockLists.isBlocked('+84987654321'), false);
    const page = await app.request('GET', '/api/block-lists/dnc', { token: admin });
    assert.equal(page.body.total, 1);
    assert.equal((await app.request('DELETE', `/api/block-lists/blacklist/${encodeURIComponent('+84912345678')}`, { token: admin })).status, 204);
    assert.deepEqual(app.services.crm.blockLists.check('+84912345678'), { blocked: true, list: 'dnc', reason: 'asked on call' });
    const bad = await app.request('POST', '/api/block-lists/dnc', { token: admin, body: { phone: '12', reason: '' } });
    assert.equal(bad.body.error.field, 'phone');
  });

  it('when a contact is marked do not contact, then its numbers are on the DNC list until it is cleared', async () => {
    const c = (await app.request('POST', '/api/contacts', { token: admin, body: { phones: ['0912345678', '024 3826 1234'] } })).body;
    const marked = await app.request('PUT', `/api/contacts/${c.id}/do-not-contact`, { token: admin, body: { reason: 'complained' } });
    assert.equal(marked.status, 200);
    assert.deepEqual([marked.body.doNotContact, marked.body.doNotContactReason], [true, 'complained']);
    assert.equal(app.services.crm.blockLists.isBlocked('+842438261234'), true);
    const search = await app.request('GET', '/api/contacts?doNotContact=true', { token: admin });
    assert.deepEqual(search.body.items.map((x: { id: number }) => x.id), [c.id]);
    const noReason = await app.request('PUT', `/api/contacts/${c.id}/do-not-contact`, { token: admin, body: {} });
    assert.equal(noReason.body.error.field, 'reason');
    const cleared = await app.request('DELETE', `/api/contacts/${c.id}/do-not-contact`, { token: admin });
    assert.equal(cleared.body.doNotContact, false);
    assert.equal(app.services.crm.blockLists.isBlocked('+84912345678'), false);
  });

  it('when an agent manages the lists, then 403', async () => {
    const agent = await app.login('agent');
    assert.equal((await app.request('POST', '/api/block-lists/dnc', { token: agent.token, body: { phone: '0912345678' } })).status, 403);
  });
});
