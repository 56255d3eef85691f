import assert from 'node:assert/strict';
import { topicAuthorizer } from '../../src/api/topic-authorizer';
import { WsHub } from '../../src/api/ws-hub';
import { ROLES, type Role } from '../../src/domain/roles';
import { createLogger } from '../../src/logger';
import { readServedDocument, type ServedDocument } from '../support/openapi-operations';
import { seedEveryResource, type Seeded } from '../support/seed-resources';
import { startTestApp, type TestApp } from '../support/test-app';
import { connectWs, type WsClient } from '../support/ws-client';

/**
 * For each kind of topic the document lists: the id of one its roles may follow (the resource closest to
 * them), and ids nobody of that role may (someone else's, or one that does not exist). A topic kind added
 * to ws-topics.ts without a line here fails the first test.
 */
const FIXTURES: Record<string, { mine: (s: Seeded, role: Role) => number; others: (s: Seeded, role: Role) => number[] }> = {
  // Another agent's events, another user's notifications: never, whatever the role.
  user: { mine: (s, role) => s.users[role].id, others: (s, role) => [s.otherAgent.id, ...ROLES.filter((r) => r !== role).map((r) => s.users[r].id)] },
  // Campaign 1 runs with the agent on it (the agent reads it over HTTP), yet its live view is for supervisors only.
  campaign: { mine: () => 1, others: () => [999_999] },
};
const JUNK = ['campaign:01', 'campaign:1 ', 'campaign:abc', 'campaign:-1', 'campaigns:1', 'campaign', 'campaign:1:x', '__proto__:1', 'constructor:1', 'user:99999999999999999999', '*', 'campaign:*'];

describe('who may follow which WebSocket topic, walked from the served OpenAPI document', () => {
  let app: TestApp;
  let hub: WsHub;
  let seeded: Seeded;
  let ws: ServedDocument['websocket'];
  const clients: WsClient[] = [];
  const open = async (token: string) => {
    const c = await connectWs(app.url.replace('http', 'ws') + ws.path, { authorization: `Bearer ${token}` });
    clients.push(c);
    await c.next('hello');
    return c;
  };

  before(async () => {
    app = await startTestApp();
    // As main.ts builds it.
    hub = new WsHub({ server: app.http.server, auth: app.services.auth, log: createLogger({ level: 'error', console: false }), authorizeTopic: topicAuthorizer(app.services.campaigns) });
    seeded = await seedEveryResource(app);
    ws = (await readServedDocument(app, seeded.users.owner.token)).websocket;
  });
  after(async () => {
    for (const c of clients) c.ws.close();
    hub.close();
    await app.close();
  });

  it('when the document is read, then it lists the socket and each topic with its roles, and each has a fixture here', () => {
    assert.equal(ws.path, '/ws');
    const kinds = ws.topics.map((t) => t.topic.split(':')[0]!);
    assert.deepEqual(kinds.sort(), Object.keys(FIXTURES).sort());
    // Agents follow their own messages only; opening another topic to them is decided here, on purpose.
    assert.deepEqual(ws.topics.filter((t) => t.roles.includes('agent')).map((t) => t.topic), ['user:{id}']);
    for (const t of ws.topics) {
      assert.match(t.topic, /^[a-z-]+:\{id\}$/);
      assert.ok(t.roles.length > 0 && t.roles.every((r) => ROLES.includes(r)), t.topic);
      assert.ok(t.summary.length > 10, t.topic);
    }
  });

  it('when no session or a forged one opens the socket, then the upgrade is refused with 401', async () => {
    const url = app.url.replace('http', 'ws') + ws.path;
    await assert.rejects(connectWs(url, {}), /status 401/);
    await assert.rejects(connectWs(url, { authorization: 'Bearer forged' }), /status 401/);
    await assert.rejects(connectWs(url, { cookie: 'dialer_session=forged' }), /status 401/);
  });

  it('when each role follows each topic, then only its roles get their own, nobody gets someone else\'s, and a refused follower receives nothing', async () => {
    const sockets = {} as Record<Role, WsClient>;
    for (const role of ROLES) sockets[role] = await open(seeded.users[role].token);
    const followers = new Map<string, Role[]>();
    for (const t of ws.topics) {
      const kind = t.topic.split(':')[0]!;
      const fixture = FIXTURES[kind]!;
      for (const role of ROLES) {
        const topic = `${kind}:${fixture.mine(seeded, role)}`;
        const answer = await sockets[role].follow(topic);
        if (t.roles.includes(role)) {
          assert.equal(answer, 'subscribed', `${role} ${topic}`);
          followers.set(topic, [...(followers.get(topic) ?? []), role]);
        } else {
          assert.match(answer, /not allowed/, `${role} ${topic}`);
        }
        for (const id of fixture.others(seeded, role)) {
          assert.match(await sockets[role].follow(`${kind}:${id}`), /not allowed/, `${role} ${kind}:${id}`);
        }
      }
    }
    // What is published reaches exactly the followers that were let in.
    for (const [topic, roles] of followers) {
      assert.equal(hub.publish(topic, { type: 'probe', topic }), roles.length, topic);
      for (const role of ROLES) {
        const got = roles.includes(role) ? await sockets[role].next('probe') : undefined;
        if (got) assert.equal(got.topic, topic);
      }
    }
    await new Promise((r) => setTimeout(r, 50));
    for (const role of ROLES) assert.deepEqual(sockets[role].messages.filter((m) => m.type === 'probe'), [], `${role} got nothing else`);
  });

  it('when a topic is malformed or not served, then every role is refused', async () => {
    for (const role of ROLES) {
      const c = await open(seeded.users[role].token);
      for (const topic of JUNK) assert.match(await c.follow(topic), /not allowed|bad message/, `${role} ${JSON.stringify(topic)}`);
    }
  });
});
