import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../src/domain/roles';
import { actOk, createCampaign } from './campaign-helpers';
import type { TestApp } from './test-app';

export interface Seeded {
  users: Record<Role, { token: string; id: number }>;
  /** Another agent: whose events the first agent must not follow. */
  otherAgent: { token: string; id: number };
  /** A number on the DNC list (path `:phone`). */
  blockedPhone: string;
}

async function ok(app: TestApp, token: string, method: string, path: string, body?: unknown, status = 201): Promise<any> {
  const res = await app.request(method, path, { token, body });
  assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * On a fresh app, id 1 of every kind of resource a path names, each as close to the agent as it can be,
 * so a refusal comes from a role check and not from the agent not seeing it: users (1 owner, 2 admin,
 * 3 agent), agent group 1 with the agent, script 1 with question 1, campaign 1 running with the agent on
 * it (created and managed by the admin), contact 1 owned by the agent and entry 1 of campaign 1's list,
 * contact group 1, saved filter 1 (the agent's, shared), import 1, a notification for the owner, a DNC number and call 1
 * (the agent's, in campaign 1, with its recording in the recording directory).
 */
export async function seedEveryResource(app: TestApp): Promise<Seeded> {
  const owner = await app.login('owner');
  const admin = await app.login('admin');
  const agent = await app.login('agent');
  const otherAgent = await app.login('agent');
  assert.deepEqual([owner.id, admin.id, agent.id], [1, 2, 3], 'seed on a fresh app');
  const group = await ok(app, admin.token, 'POST', '/api/groups', { name: 'Team A', memberIds: [agent.id] });
  const script = await ok(app, admin.token, 'POST', '/api/scripts', { name: 'S', sharing: 'all_admins', questions: [{ kind: 'free_text', text: 'q' }] });
  const campaign = await createCampaign(app, admin.token, { managerIds: [admin.id], agentIds: [agent.id], scriptId: script.id });
  await actOk(app, admin.token, campaign.id, 'submit');
  await actOk(app, owner.token, campaign.id, 'approve');
  await actOk(app, admin.token, campaign.id, 'activate');
  const contact = await ok(app, agent.token, 'POST', '/api/contacts', { name: 'Lan', phones: ['+84912345678'] });
  assert.equal(contact.ownerId, agent.id);
  await ok(app, admin.token, 'POST', `/api/campaigns/${campaign.id}/list`, { contactIds: [contact.id] }, 200);
  const contactGroup = await ok(app, owner.token, 'POST', '/api/contact-groups', { name: 'VIP' });
  await ok(app, owner.token, 'POST', `/api/contact-groups/${contactGroup.id}/members`, { contactIds: [contact.id] }, 200);
  const filter = await ok(app, agent.token, 'POST', '/api/contact-filters', { name: 'mine', shared: true, filter: { name: 'Lan' } });
  const blockedPhone = '+84987654321';
  await ok(app, owner.token, 'POST', '/api/block-lists/dnc', { phone: blockedPhone, reason: 'asked' });
  const upload = await app.request('POST', '/api/imports?filename=list.csv', { token: admin.token, rawBody: 'name,phone\r\nHoa,+84911111111\r\n', headers: { 'content-type': 'text/csv' } });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const entries = await ok(app, owner.token, 'GET', `/api/campaign-entries?campaignId=${campaign.id}`, undefined, 200);
  const notifications = await ok(app, owner.token, 'GET', '/api/notifications', undefined, 200);
  assert.deepEqual(
    [group.id, script.id, script.questions[0].id, campaign.id, contact.id, entries.items[0].id, contactGroup.id, filter.id, upload.body.job.id, notifications.items.at(-1).id],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'id 1 of every kind',
  );
  mkdirSync(app.config.recordings.dir, { recursive: true });
  writeFileSync(path.join(app.config.recordings.dir, 'seed-call-1.wav'), Buffer.from('RIFF\x04\x00\x00\x00WAVE', 'latin1'));
  const call = app.services.repos.callRecords.insert({
    flow: 'agent-first', attemptId: null, campaignId: campaign.id, contactId: contact.id, agentId: agent.id, phoneNumber: '+84912345678',
    dialAt: new Date('2026-11-25T07:59:00Z'), answerAt: new Date('2026-11-25T07:59:10Z'), bridgeAt: new Date('2026-11-25T07:59:10Z'),
    endAt: new Date('2026-11-25T07:59:40Z'), hangupCause: 16, dialStatus: 'ANSWER', amdStatus: null, outcome: 'answered',
    endReason: 'customer_hangup', recordingName: 'seed-call-1', answers: [],
  });
  assert.equal(call, 1, 'call 1');
  return { users: { owner, admin, agent }, otherAgent, blockedPhone };
}
