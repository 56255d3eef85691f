import assert from 'node:assert/strict';
import { normalizeContact, type ContactInput } from '../../src/domain/contact-draft';
import type { ContactFilter } from '../../src/domain/contact-filter';
import { ContactRepository } from '../../src/store/contact-repository';
import { ContactSearch } from '../../src/store/contact-search';
import type { Db } from '../../src/store/database';
import { insertUser, openTestDb } from '../support/test-db';

describe('contact search in the store', () => {
  let t: ReturnType<typeof openTestDb>;
  let repo: ContactRepository;
  let agent: number;
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
  });
  after(() => t.close());

  // Both strategies must agree: the word index (few matches) and the sort-index walk (many matches).
  for (const [label, limit] of [['the word index', 50_000], ['the sort-index walk', -1]] as const) {
    describe(`through ${label}`, () => {
      const find = (filter: ContactFilter, sort: 'createdAt' | 'name' = 'createdAt') =>
        new ContactSearch(t.db, limit).search(filter, { offset: 0, limit: 10, sort, order: sort === 'name' ? 'asc' : 'desc' }, 100).ids;

      it('when searching "nguyen", then Nguyễn, Nguyệt (prefix) and Nguyên are found, newest first', () => {
        assert.deepEqual(find({ name: 'nguyen' }), [ids.duc, ids.an]);
        assert.deepEqual(find({ name: 'nguy' }), [ids.duc, ids.nguyet, ids.an]);
      });

      it('when searching with diacritics and several words, then every word must start a word of the name', () => {
        assert.deepEqual(find({ name: 'Nguyễn An' }), [ids.an]);
        assert.deepEqual(find({ name: 'dang duc' }), [ids.duc]);
        assert.deepEqual(find({ name: 'van bich' }), []);
        assert.deepEqual(find({ name: 'guyen' }), [], 'the middle of a word does not match');
      });

      it('when combined with stage or agent, then both must hold', () => {
        assert.deepEqual(find({ name: 'nguy', stage: 'won' }), [ids.nguyet]);
        assert.deepEqual(find({ name: 'nguy', ownerId: agent }), [ids.nguyet, ids.an]);
      });
    });
  }

  const find = (filter: ContactFilter, sort: 'createdAt' | 'name' = 'createdAt') =>
    new ContactSearch(t.db).search(filter, { offset: 0, limit: 10, sort, order: sort === 'name' ? 'asc' : 'desc' }, 100);

  it('when searching by a second phone, then its contact is found', () => {
    assert.deepEqual(find({ phone: '+842438261234' }).ids, [ids.binh]);
  });

  it('when filtering by tags, then contacts with all of them are found', () => {
    assert.deepEqual(find({ tags: ['vip'] }).ids, [ids.binh, ids.an]);
    assert.deepEqual(find({ tags: ['vip', 'hanoi'] }).ids, [ids.binh]);
  });

  it('when filtering by the pool, by created range, then the right ones come back', () => {
    assert.deepEqual(find({ ownerId: 'none' }).ids, [ids.duc, ids.binh]);
    assert.deepEqual(find({ createdFrom: '2026-01-02T00:00:00.000Z', createdTo: '2026-01-03T23:59:59.999Z' }).ids, [ids.nguyet, ids.binh]);
  });

  it('when sorting by name, then folded names are in order', () => {
    assert.deepEqual(find({}, 'name').ids, [ids.duc, ids.nguyet, ids.an, ids.binh]);
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
