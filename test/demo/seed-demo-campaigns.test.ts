import assert from 'node:assert/strict';
import { demoContacts, seedDemoCampaigns } from '../../src/demo/seed-demo-campaigns';
import { seedDemoUsers } from '../../src/demo/seed-demo-users';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo campaigns', () => {
  let app: TestApp;
  beforeEach(async () => { app = await startTestApp(); });
  afterEach(async () => { await app.close(); });

  it('when demo mode seeds a fresh database, then a preview and a predictive campaign run with 30 customers each and every agent', async () => {
    const log = createLogger({ level: 'error', console: false });
    const logins = await seedDemoUsers(app.services, ['1001', '1002'], log);
    assert.ok(logins);
    const users = app.services.repos.users.list();
    const owner = users.find((u) => u.role === 'owner')!;
    const agents = users.filter((u) => u.role === 'agent').map((u) => u.id);
    await seedDemoCampaigns(app.services, owner.id, agents, log);
    const { token } = await app.request('POST', '/api/auth/login', { body: { username: 'owner', password: logins.password } }).then((r) => r.body);
    const list = await app.request('GET', '/api/campaigns?limit=10', { token });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const campaigns = list.body.items as { id: number; dialingMode: string; state: string; agentIds: number[] }[];
    assert.deepEqual(campaigns.map((c) => c.dialingMode).sort(), ['predictive', 'preview']);
    for (const c of campaigns) {
      assert.equal(c.state, 'running');
      assert.deepEqual([...c.agentIds].sort(), [...agents].sort());
      const entries = await app.request('GET', `/api/campaign-entries?campaignId=${c.id}&limit=100`, { token });
      assert.equal(entries.status, 200, JSON.stringify(entries.body));
      assert.equal(entries.body.total, 30);
    }
  });

  it('when demo customers are made, then every number is a valid Vietnamese mobile and names are distinct enough to tell apart', () => {
    const contacts = demoContacts(60);
    assert.equal(new Set(contacts.map((c) => c.phones[0])).size, 60);
    for (const c of contacts) assert.match(c.phones[0]!, /^09\d{8}$/);
  });
});
