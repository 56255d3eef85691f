import assert from 'node:assert/strict';
import { normalizeContact, type ContactInput } from '../../src/domain/contact-draft';
import type { ContactFilter } from '../../src/domain/contact-filter';
import { ContactRepository } from '../../src/store/contact-repository';
import { ContactSearch, type SearchTuning } from '../../src/store/contact-search';
import type { Db } from '../../src/store/database';
import { insertUser, openTestDb } from '../support/test-db';

describe('contact search in the store', () => {
  let t: ReturnType<typeof openTestDb>;
  let repo: ContactRepository;
  let agent: number;
  let group: number;
  const ids: Record<string, number> = {};

  function add(db: Db, key: string, input: ContactInput, meta: { ownerId?: number | null; at: string }) {
    const r = normalizeContact(input, 'VN');
    if (!r.ok) throw new Error(r.error.message);
    ids[key] = db.transaction(() => repo.insert(r.draft, { ownerId: meta.ownerId ?? null, createdBy: null, now: meta.at }))();
  }

  before(() => {
    t = openTestDb();
    repo = new ContactRepository(t.db);
    agent = insertUser(t.db, 'mai', 'agent');
    add(t.db, 'an', { name: 'Nguyễn Văn An', phones: ['0912345678'], tags: ['vip'], stage: 'new' }, { ownerId: agent, at: '2026-01-01T00:00:00.000Z' });
    add(t.db, 'binh', { name: 'Trần Thị Bình', phones: ['0987654321', '024 3826 1234'], tags: ['vip', 'hanoi'] }, { at: '2026-01-02T00:00:00.000Z' });
    add(t.db, 'nguyet', { name: 'Lê Ánh Nguyệt', phones: ['0903000111'], stage: 'won' }, { ownerId: agent, at: '2026-01-03T00:00:00.000Z' });
    add(t.db, 'duc', { name: 'ĐẶNG ĐỨC NGUYÊN', phones: ['0933444555'] }, { at: '2026-01-04T00:00:00.000Z' });
    group = Number(t.db.prepare("INSERT INTO contact_groups (name, created_at) VALUES ('g', '2026-01-01')").run().lastInsertRowid);
    for (const id of [ids.an, ids.duc]) t.db.prepare("INSERT INTO contact_group_members VALUES (?, ?, '2026-01-01')").run(group, id);
  });
  after(() => t.close());

  // Every strategy must give the same answers: reading a selective list (word index, tag, phone, group)
  // and sorting it, or walking the sort order and testing each contact.
  const strategies: [string, SearchTuning][] = [
    ['reading selective lists', { rareNameShare: 2, sortable: 1000 }],
    ['walking the sort order', { rareNameShare: 0, sortable: 0 }],
  ];
  for (const [label, tuning] of strategies) {
    describe(`by ${label}`, () => {
      const search = () => new ContactSearch(t.db, tuning);
      const find = (filter: ContactFilter, sort: 'createdAt' | 'name' = 'createdAt') =>
        search().search(filter, { offset: 0, limit: 10, sort, order: sort === 'name' ? 'asc' : 'desc' }, 100).ids;

      it('when searching "nguyen", then Nguyễn, Nguyệt (prefix) and Nguyên are found, newest first', () => {
        assert.deepEqual(find({ name: 'nguyen' }), [ids.duc, ids.an]);
        assert.deepEqual(find({ name: 'nguy' }), [ids.duc, ids.nguyet, ids.an]);
      });

      it('when searching with diacritics and several words, then every word must start a word of the name', () => {
        assert.deepEqual(find({ name: 'Nguyễn An' }), [ids.an]);
        assert.deepEqual(find({ name: 'dang duc' }), [ids.duc]);
        assert.deepEqual(find({ name: 'van bich' }), []);
        assert.deepEqual(find({ name: 'guyen' }), [], 'the middle of a word does not match');
        assert.deepEqual(find({ name: 'nguy an' }), [], 'words before the last are whole words');
        assert.deepEqual(find({ name: 'nguyen van a' }), [ids.an], 'the last word may be partly typed');
      });

      it('when combined with stage, agent, tag or group, then all must hold', () => {
        assert.deepEqual(find({ name: 'nguy', stage: 'won' }), [ids.nguyet]);
        assert.deepEqual(find({ name: 'nguy', ownerId: agent }), [ids.nguyet, ids.an]);
        assert.deepEqual(find({ name: 'nguy', tags: ['vip'] }), [ids.an]);
        assert.deepEqual(find({ name: 'nguy', groupId: group }), [ids.duc, ids.an]);
        assert.deepEqual(find({ name: 'nguy', ownerId: agent }, 'name'), [ids.nguyet, ids.an]);
        assert.deepEqual(find({ doNotContact: false, stage: 'won' }), [ids.nguyet]);
      });

      it('when searching by a second phone, by tags or by group, then those contacts are found', () => {
        assert.deepEqual(find({ phone: '+842438261234' }), [ids.binh]);
        assert.deepEqual(find({ phone: '+84999999999' }), []);
        assert.deepEqual(find({ tags: ['vip'] }), [ids.binh, ids.an]);
        assert.deepEqual(find({ tags: ['vip', 'hanoi'] }), [ids.binh]);
        assert.deepEqual(find({ groupId: group }, 'name'), [ids.duc, ids.an]);
      });

      it('when a result is walked page by page in id order, then every match comes once', () => {
        const s = search();
        assert.deepEqual([...s.idsAfter({ name: 'nguy' }, 0, 2), ...s.idsAfter({ name: 'nguy' }, ids.nguyet!, 2)], [ids.an, ids.nguyet, ids.duc]);
        assert.deepEqual(s.idsAfter({ tags: ['vip'] }, ids.an!, 10), [ids.binh]);
      });

      it('when counting, then the total is exact up to the cap', () => {
        assert.deepEqual(search().search({ name: 'nguy' }, { offset: 0, limit: 1, sort: 'name', order: 'asc' }, 10), { ids: [ids.duc], total: 3, totalExact: true });
        assert.deepEqual(search().search({ tags: ['vip'] }, { offset: 1, limit: 5, sort: 'createdAt', order: 'desc' }, 1), { ids: [ids.an], total: 1, totalExact: false });
      });
    });
  }

  const find = (filter: ContactFilter, sort: 'createdAt' | 'name' = 'createdAt') =>
    new ContactSearch(t.db).search(filter, { offset: 0, limit: 10, sort, order: sort === 'name' ? 'asc' : 'desc' }, 100);

  it('when filtering by the pool, by created range, then the right ones come back', () => {
    assert.deepEqual(find({ ownerId: 'none' }).ids, [ids.duc, ids.binh]);
    assert.deepEqual(find({ createdFrom: '2026-01-02T00:00:00.000Z', createdTo: '2026-01-03T23:59:59.999Z' }).ids, [ids.nguyet, ids.binh]);
  });

  it('when sorting by name, then folded names are in order', () => {
    assert.deepEqual(find({}, 'name').ids, [ids.duc, ids.nguyet, ids.an, ids.binh]);
  });

  it('when counting would examine more contacts than the budget, then the total is extrapolated and marked inexact', () => {
    const r = new ContactSearch(t.db, { countBudget: 2 }).search({}, { offset: 0, limit: 1, sort: 'createdAt', order: 'desc' }, 100);
    assert.deepEqual(r, { ids: [ids.duc], total: 4, totalExact: false });
  });

  it('when more match than the count cap, then the total stops at the cap and says so', () => {
    const r = new ContactSearch(t.db).search({}, { offset: 0, limit: 2, sort: 'createdAt', order: 'desc' }, 3);
    assert.deepEqual(r, { ids: [ids.duc, ids.nguyet], total: 3, totalExact: false });
    const exact = new ContactSearch(t.db).search({}, { offset: 2, limit: 2, sort: 'createdAt', order: 'desc' }, 10);
    assert.deepEqual(exact, { ids: [ids.binh, ids.an], total: 4, totalExact: true });
  });

  describe('after a rename', () => {
    it('when a contact is renamed, then the word index follows', () => {
      const r = normalizeContact({ name: 'Phạm Minh Khôi', phones: ['0933444555'] }, 'VN');
      assert.ok(r.ok);
      t.db.transaction(() => repo.replace(ids.duc!, r.draft, '2026-01-05T00:00:00.000Z'))();
      assert.deepEqual(find({ name: 'nguyen' }).ids, [ids.an]);
      assert.deepEqual(find({ name: 'khoi' }).ids, [ids.duc]);
    });
  });
});
