import assert from 'node:assert/strict';
import { withTestApp, type TestApp } from '../support/test-app';

describe('contacts API', () => {
  let app: TestApp;
  let admin: string;
  withTestApp((a, token) => { app = a; admin = token; });

  const create = (body: object, token = admin) => app.request('POST', '/api/contacts', { token, body });

  it('when a contact is created with loose Vietnamese input, then the stored contact is normalised', async () => {
    const res = await create({
      name: 'Nguyễn Thị Lan', phones: ['0912.345.678', '+84 24 3826 1234'], email: 'lan@example.vn', address: '12 Lý Thường Kiệt, Hà Nội',
      birthday: '17/05/1990', tags: ['VIP'], stage: 'new', source: 'facebook', customFields: { company: 'ABC', score: 7 },
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.phones, [{ e164: '+84912345678', type: 'mobile' }, { e164: '+842438261234', type: 'fixed_line' }]);
    assert.equal(res.body.timezone, 'Asia/Ho_Chi_Minh');
    assert.equal(res.body.birthday, '1990-05-17');
    assert.deepEqual(res.body.tags, ['vip']);
    const row = app.services.db.prepare('SELECT name_folded, created_by FROM contacts WHERE id = ?').get(res.body.id) as { name_folded: string; created_by: number };
    assert.equal(row.name_folded, 'nguyen thi lan');
    const stored = await app.request('GET', `/api/contacts/${res.body.id}`, { token: admin });
    assert.deepEqual(stored.body, res.body);
  });

  it('when a phone is invalid, then 400 names the field', async () => {
    const res = await create({ name: 'X', phones: ['0912345678', '0123'] });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'E_VALIDATION');
    assert.equal(res.body.error.field, 'phones.1');
    assert.match(res.body.error.message, /0123/);
  });

  it('when another contact has the phone, then 409 unless shared phones are allowed', async () => {
    const first = await create({ name: 'A', phones: ['0912345678'] });
    const clash = await create({ name: 'B', phones: ['+84 912 345 678'] });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.error.field, 'phones.0');
    assert.match(clash.body.error.message, new RegExp(`contact ${first.body.id}`));
    const shared = await create({ name: 'B', phones: ['+84 912 345 678'], allowSharedPhones: true });
    assert.equal(shared.status, 201);
  });

  it('when a contact is edited, then only the given fields change and the name index follows', async () => {
    const c = (await create({ name: 'Trần Bình', phones: ['0987654321'], tags: ['a'] })).body;
    const res = await app.request('PATCH', `/api/contacts/${c.id}`, { token: admin, body: { name: 'Trần Văn Bình', stage: 'won' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.name, 'Trần Văn Bình');
    assert.deepEqual(res.body.tags, ['a']);
    assert.equal(res.body.stage, 'won');
    const found = await app.request('GET', '/api/contacts?name=van%20binh', { token: admin });
    assert.deepEqual(found.body.items.map((x: { id: number }) => x.id), [c.id]);
  });

  it('when a contact is deleted, then it and its phones are gone', async () => {
    const c = (await create({ phones: ['0987654321'] })).body;
    assert.equal((await app.request('DELETE', `/api/contacts/${c.id}`, { token: admin })).status, 204);
    assert.equal((await app.request('GET', `/api/contacts/${c.id}`, { token: admin })).status, 404);
    assert.equal((app.services.db.prepare('SELECT count(*) AS n FROM contact_phones').get() as { n: number }).n, 0);
  });

  it('when searching by name without diacritics, phone in another form, tag, stage and created range, then the matches come back', async () => {
    const lan = (await create({ name: 'Nguyễn Thị Lan', phones: ['0912345678'], tags: ['vip'], stage: 'new' })).body;
    app.clock.advance(3 * 3600_000);
    const hoa = (await create({ name: 'Nguyễn Hoa', phones: ['0912000111'], stage: 'won' })).body;
    const tam = (await create({ name: 'Lê Văn Tám', phones: ['0933000222'] })).body;
    const ids = async (q: string) => (await app.request('GET', `/api/contacts?${q}`, { token: admin })).body.items.map((c: { id: number }) => c.id);
    assert.deepEqual(await ids('name=nguyen'), [hoa.id, lan.id]);
    assert.deepEqual(await ids(`phone=${encodeURIComponent('+84 912-345-678')}`), [lan.id]);
    assert.deepEqual(await ids('phone=84912345678'), [lan.id]);
    assert.deepEqual(await ids('tag=VIP'), [lan.id]);
    assert.deepEqual(await ids('stage=won'), [hoa.id]);
    assert.deepEqual(await ids('createdTo=2026-11-25T10:00:00Z'), [lan.id]);
    assert.deepEqual(await ids('createdTo=2026-11-25'), [tam.id, hoa.id, lan.id]);
    assert.deepEqual(await ids('createdTo=2026-11-24'), []);
    assert.deepEqual(await ids('createdFrom=2026-11-25T10:00:00%2B00:00&name=nguyen'), [hoa.id]);
    const bad = await app.request('GET', '/api/contacts?phone=12ab', { token: admin });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'phone');
  });

  it('when there are more contacts than a page, then pages and totals follow the sort', async () => {
    for (let i = 0; i < 7; i++) {
      await create({ name: `Khách ${String.fromCharCode(71 - i)}`, phones: [`09120001${String(i).padStart(2, '0')}`] });
      app.clock.advance(1000);
    }
    const p1 = await app.request('GET', '/api/contacts?limit=3&sort=name', { token: admin });
    const p3 = await app.request('GET', '/api/contacts?limit=3&offset=6&sort=name', { token: admin });
    assert.deepEqual(p1.body.items.map((c: { name: string }) => c.name), ['Khách A', 'Khách B', 'Khách C']);
    assert.deepEqual(p3.body.items.map((c: { name: string }) => c.name), ['Khách G']);
    assert.equal(p1.body.total, 7);
    assert.equal(p1.body.totalExact, true);
    const newest = await app.request('GET', '/api/contacts?limit=2', { token: admin });
    assert.deepEqual(newest.body.items.map((c: { name: string }) => c.name), ['Khách A', 'Khách B']);
    const bad = await app.request('GET', '/api/contacts?limit=0', { token: admin });
    assert.equal(bad.body.error.field, 'limit');
  });

  it('when an agent searches or reads, then only their own contacts are visible', async () => {
    const agent = await app.login('agent');
    const mine = (await create({ name: 'Mine', phones: ['0912345678'] }, agent.token)).body;
    const other = (await create({ name: 'Other', phones: ['0243 826 1234'] })).body;
    const list = await app.request('GET', '/api/contacts', { token: agent.token });
    assert.deepEqual(list.body.items.map((c: { id: number }) => c.id), [mine.id]);
    assert.equal((await app.request('GET', `/api/contacts/${other.id}`, { token: agent.token })).status, 404);
    assert.equal((await app.request('DELETE', `/api/contacts/${mine.id}`, { token: agent.token })).status, 403);
  });

  it('when a filter is saved, then searching with it applies it and explicit parameters refine it', async () => {
    const a = (await create({ name: 'Nguyễn A', phones: ['0912345678'], stage: 'new' })).body;
    await create({ name: 'Nguyễn B', phones: ['0912345679'], stage: 'won' });
    const saved = await app.request('POST', '/api/contact-filters', { token: admin, body: { name: 'new nguyen', filter: { name: 'nguyen', stage: 'new' } } });
    assert.equal(saved.status, 201);
    assert.deepEqual(saved.body.filter, { name: 'nguyen', stage: 'new' });
    const res = await app.request('GET', `/api/contacts?savedFilterId=${saved.body.id}`, { token: admin });
    assert.deepEqual(res.body.items.map((c: { id: number }) => c.id), [a.id]);
    const other = await app.login('admin');
    assert.equal((await app.request('GET', `/api/contacts?savedFilterId=${saved.body.id}`, { token: other.token })).status, 404);
    const dup = await app.request('POST', '/api/contact-filters', { token: admin, body: { name: 'new nguyen', filter: {} } });
    assert.equal(dup.status, 409);
  });

  it('when contacts are put in a group by id and by filter, then the group filter finds them', async () => {
    const a = (await create({ name: 'A', phones: ['0912345678'], tags: ['x'] })).body;
    const b = (await create({ name: 'B', phones: ['0912345679'], tags: ['x'] })).body;
    const c = (await create({ name: 'C', phones: ['0912345670'] })).body;
    const g = (await app.request('POST', '/api/contact-groups', { token: admin, body: { name: 'Hà Nội' } })).body;
    const byId = await app.request('POST', `/api/contact-groups/${g.id}/members`, { token: admin, body: { contactIds: [c.id, 999] } });
    assert.equal(byId.body.added, 1);
    const byFilter = await app.request('POST', `/api/contact-groups/${g.id}/members`, { token: admin, body: { filter: { tag: ['x'] } } });
    assert.equal(byFilter.body.added, 2);
    assert.equal(byFilter.body.group.size, 3);
    const removed = await app.request('POST', `/api/contact-groups/${g.id}/members/remove`, { token: admin, body: { contactIds: [a.id] } });
    assert.equal(removed.body.removed, 1);
    const res = await app.request('GET', `/api/contacts?groupId=${g.id}`, { token: admin });
    assert.deepEqual(res.body.items.map((x: { id: number }) => x.id).sort(), [b.id, c.id].sort());
  });
});
