import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { WsHub } from '../../src/api/ws-hub';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../support/test-app';

function connect(url: string, headers: Record<string, string>): Promise<{ ws: WebSocket; messages: any[]; next: (type: string) => Promise<any> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: any[] = [];
    const waiters: { type: string; resolve: (m: any) => void }[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      messages.push(m);
      const i = waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(m);
    });
    const next = (type: string) => {
      const seen = messages.findIndex((m) => m.type === type);
      if (seen >= 0) return Promise.resolve(messages.splice(seen, 1)[0]);
      return new Promise((r) => waiters.push({ type, resolve: (m) => { messages.splice(messages.indexOf(m), 1); r(m); } }));
    };
    ws.once('open', () => resolve({ ws, messages, next }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('the WebSocket hub', () => {
  let app: TestApp;
  let hub: WsHub;
  const wsUrl = () => app.url.replace('http', 'ws') + '/ws';

  beforeEach(async () => {
    app = await startTestApp();
    hub = new WsHub({
      server: app.http.server, auth: app.services.auth, log: createLogger({ level: 'error', console: false }),
      authorizeTopic: (actor, topic) => actor.role !== 'agent' || !topic.startsWith('campaign:'),
      slowSocketBytes: -1,
    });
  });
  afterEach(async () => { hub.close(); await app.close(); });

  it('when no session is given, then the upgrade is refused with 401', async () => {
    await assert.rejects(connect(wsUrl(), {}), /status 401/);
  });

  it('when another site opens the socket with the user\'s cookie, then it is refused with 403', async () => {
    const { token } = await app.login('admin');
    await assert.rejects(connect(wsUrl(), { cookie: `dialer_session=${token}`, origin: 'http://evil.example' }), /status 403/);
  });

  it('when a user connects with the cookie, then hello names the user and user messages arrive', async () => {
    const { token, id } = await app.login('agent');
    const c = await connect(wsUrl(), { cookie: `dialer_session=${token}`, origin: app.url });
    assert.equal((await c.next('hello')).user.id, id);
    assert.equal(hub.sendToUser(id, { type: 'reminder', text: 'call back' }), 1);
    assert.equal((await c.next('reminder')).text, 'call back');
    c.ws.close();
  });

  it('when a supervisor follows a campaign, then keyed updates are coalesced to the latest', async () => {
    const { token } = await app.login('admin');
    const c = await connect(wsUrl(), { authorization: `Bearer ${token}` });
    c.ws.send(JSON.stringify({ type: 'subscribe', topic: 'campaign:7' }));
    await c.next('subscribed');
    for (let i = 1; i <= 5; i++) hub.publish('campaign:7', { type: 'stats', key: 'stats:7', n: i });
    const stats = await c.next('stats');
    assert.equal(stats.n, 5);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(c.messages.filter((m) => m.type === 'stats').length, 0);
    c.ws.close();
  });

  it('when an agent asks for a campaign topic or sends junk, then it gets an error and nothing else', async () => {
    const { token } = await app.login('agent');
    const c = await connect(wsUrl(), { authorization: `Bearer ${token}` });
    c.ws.send(JSON.stringify({ type: 'subscribe', topic: 'campaign:7' }));
    assert.match((await c.next('error')).message, /not allowed/);
    c.ws.send('{not json');
    assert.match((await c.next('error')).message, /bad message/);
    assert.equal(hub.publish('campaign:7', { type: 'stats' }), 0);
    c.ws.close();
  });

  describe('presence and session end', () => {
    let presence: WsHub;
    const events: string[] = [];
    beforeEach(() => {
      events.length = 0;
      hub.close();
      presence = hub = new WsHub({
        server: app.http.server, auth: app.services.auth, log: createLogger({ level: 'error', console: false }),
        authorizeTopic: () => true, pingIntervalMs: 30,
        onConnect: (actor) => events.push(`connect ${actor.user.username}`),
        onLastDisconnect: (actor) => events.push(`gone ${actor.user.username}`),
      });
    });
    const until = async (test: () => boolean) => {
      const limit = Date.now() + 2000;
      while (!test()) {
        if (Date.now() > limit) throw new Error(`timed out: ${events.join(', ')}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };

    it('when a user with two pages closes one, then nothing is reported; when the last one closes, then the user is gone', async () => {
      const { token } = await app.login('agent', 'pat');
      const one = await connect(wsUrl(), { authorization: `Bearer ${token}` });
      const two = await connect(wsUrl(), { authorization: `Bearer ${token}` });
      assert.equal(presence.connectionCount, 2);
      one.ws.close();
      await until(() => presence.connectionCount === 1);
      assert.deepEqual(events, ['connect pat', 'connect pat']);
      two.ws.close();
      await until(() => events.length === 3);
      assert.equal(events[2], 'gone pat');
    });

    it('when the session behind a socket ends (logout elsewhere), then the next heartbeat closes it with 4401 and the user is gone', async () => {
      const { token } = await app.login('agent', 'kim');
      const c = await connect(wsUrl(), { authorization: `Bearer ${token}` });
      const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
      app.services.auth.logout(token);
      assert.equal(await closed, 4401);
      await until(() => events.includes('gone kim'));
    });
  });
});
