import assert from 'node:assert/strict';
import { actOk, createCampaign } from '../support/campaign-helpers';
import { startTestApp, type TestApp } from '../support/test-app';

describe('notifications over HTTP', () => {
  let app: TestApp;
  let owner: { token: string; id: number };
  let secondOwner: { token: string; id: number };
  let admin: { token: string; id: number };
  beforeEach(async () => {
    app = await startTestApp();
    owner = await app.login('owner');
    secondOwner = await app.login('owner');
    admin = await app.login('admin');
  });
  afterEach(async () => { await app.close(); });

  /** Three submissions → three notifications for each owner. */
  const submitThree = async () => {
    for (const name of ['one', 'two', 'three']) {
      const c = await createCampaign(app, admin.token, { name });
      await actOk(app, admin.token, c.id, 'submit');
    }
  };

  it('when campaigns are submitted, then every owner has a notification naming the campaign and the submitter', async () => {
    const c = await createCampaign(app, admin.token, { name: 'Winter' });
    await actOk(app, admin.token, c.id, 'submit');
    for (const o of [owner, secondOwner]) {
      const res = await app.request('GET', '/api/notifications', { token: o.token });
      assert.equal(res.status, 200);
      assert.equal(res.body.total, 1);
      assert.equal(res.body.unread, 1);
      const [n] = res.body.items;
      assert.deepEqual([n.kind, n.campaignId, n.readAt], ['campaign_submitted', c.id, null]);
      assert.match(n.message, /"Winter" was submitted for approval by admin/);
    }
    assert.equal((await app.request('GET', '/api/notifications', { token: admin.token })).body.total, 0);
  });

  it('when notifications are paged, then they come newest first with totals', async () => {
    await submitThree();
    const first = await app.request('GET', '/api/notifications?limit=2', { token: owner.token });
    const second = await app.request('GET', '/api/notifications?limit=2&offset=2', { token: owner.token });
    const messages = [...first.body.items, ...second.body.items].map((n: any) => n.message.match(/"(\w+)"/)[1]);
    assert.deepEqual(messages, ['three', 'two', 'one']);
    assert.deepEqual([first.body.total, first.body.limit, second.body.offset], [3, 2, 2]);
  });

  it('when one is marked read, then the unread filter and count drop it and the row has a read time', async () => {
    await submitThree();
    const all = await app.request('GET', '/api/notifications', { token: owner.token });
    const target = all.body.items[1];
    assert.equal((await app.request('POST', `/api/notifications/${target.id}/read`, { token: owner.token })).status, 204);
    const unread = await app.request('GET', '/api/notifications?unread=true', { token: owner.token });
    assert.deepEqual([unread.body.total, unread.body.unread], [2, 2]);
    assert.ok(!unread.body.items.some((n: any) => n.id === target.id));
    const row = app.services.db.prepare('SELECT read_at FROM notifications WHERE id = ?').get(target.id) as { read_at: string };
    assert.equal(row.read_at, app.clock.now().toISOString());
    // Marking it again is harmless.
    assert.equal((await app.request('POST', `/api/notifications/${target.id}/read`, { token: owner.token })).status, 204);
  });

  it('when all are marked read, then only this user\'s notifications change', async () => {
    await submitThree();
    const res = await app.request('POST', '/api/notifications/read-all', { token: owner.token });
    assert.deepEqual([res.status, res.body.marked], [200, 3]);
    assert.equal((await app.request('GET', '/api/notifications?unread=true', { token: owner.token })).body.total, 0);
    assert.equal((await app.request('GET', '/api/notifications?unread=true', { token: secondOwner.token })).body.total, 3);
  });

  it('when a user marks someone else\'s notification, then 404 and it stays unread', async () => {
    await submitThree();
    const theirs = (await app.request('GET', '/api/notifications', { token: secondOwner.token })).body.items[0];
    const res = await app.request('POST', `/api/notifications/${theirs.id}/read`, { token: owner.token });
    assert.equal(res.status, 404);
    const row = app.services.db.prepare('SELECT read_at FROM notifications WHERE id = ?').get(theirs.id) as { read_at: string | null };
    assert.equal(row.read_at, null);
  });

  it('when the filter or page is malformed, then 400 names the query field', async () => {
    for (const [q, field] of [['unread=yes', 'unread'], ['limit=0', 'limit'], ['offset=-1', 'offset'], ['limit=abc', 'limit'], ['color=red', 'query']] as const) {
      const res = await app.request('GET', `/api/notifications?${q}`, { token: owner.token });
      assert.equal(res.status, 400, q);
      assert.equal(res.body.error.field, field, q);
    }
  });
});
