import assert from 'node:assert/strict';
import { NameIndexBulkLoad } from '../../src/store/name-index-bulk-load';
import { openTestDb } from '../support/test-db';

describe('the name index around bulk loads', () => {
  let t: ReturnType<typeof openTestDb>;
  beforeEach(() => { t = openTestDb(); });
  afterEach(() => t.close());

  const hasIndex = () => t.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'contacts_name'").get() as { n: number };

  it('when an import is large and larger than the table, then it is worth dropping the index; a small one or a big table is not', () => {
    const bulk = new NameIndexBulkLoad(t.db);
    assert.equal(bulk.worthIt(99_999), false);
    assert.equal(bulk.worthIt(100_000), true);
    t.db.prepare("INSERT INTO contacts (id, name, created_at, updated_at) VALUES (500000, 'x', 'now', 'now')").run();
    assert.equal(bulk.worthIt(400_000), false);
    assert.equal(bulk.worthIt(600_000), true);
  });

  it('when suspended and restored (twice), then the index is gone and back with its definition, and sorting by name uses it again', () => {
    const bulk = new NameIndexBulkLoad(t.db);
    const definition = (t.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'contacts_name'").get() as { sql: string }).sql;
    bulk.suspend();
    assert.equal(hasIndex().n, 0);
    bulk.restore();
    bulk.restore();
    assert.equal((t.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'contacts_name'").get() as { sql: string }).sql, definition);
    const plan = t.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM contacts ORDER BY name_folded LIMIT 5').all() as { detail: string }[];
    assert.match(plan.map((p) => p.detail).join(' '), /contacts_name/);
  });
});
