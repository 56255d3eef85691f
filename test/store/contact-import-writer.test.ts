import assert from 'node:assert/strict';
import type { ImportOptions } from '../../src/domain/import-job';
import { prepareContactRow } from '../../src/domain/prepare-import-row';
import { BlockListRepository } from '../../src/store/block-list-repository';
import { ContactImportWriter } from '../../src/store/contact-import-writer';
import { ContactRepository } from '../../src/store/contact-repository';
import { ImportJobRepository } from '../../src/store/import-job-repository';
import { LeadRotationRepository } from '../../src/store/lead-rotation-repository';
import { insertUser, openTestDb } from '../support/test-db';

describe('contact import batches', () => {
  let t: ReturnType<typeof openTestDb>;
  beforeEach(() => { t = openTestDb(); });
  afterEach(() => t.close());

  const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('when a row fails inside a batch, then the whole batch rolls back: no contact, phone, tag, rotation move or progress of it remains', () => {
    const admin = insertUser(t.db, 'boss', 'admin');
    const agent = insertUser(t.db, 'mai', 'agent');
    const jobs = new ImportJobRepository(t.db);
    const job = jobs.create({ kind: 'contacts', fileName: 'x.csv', filePath: '/tmp/none', format: 'csv', fileBytes: 1, createdBy: admin }, '2026-01-01T00:00:00.000Z');
    const options: ImportOptions = {
      sheet: 'CSV', headers: ['Name', 'Phone', 'Tags'], mapping: { fields: { name: 0, phone: 1, tags: 2 }, custom: {} },
      onExisting: 'skip', tags: [], source: null, reason: null, campaignId: null,
    };
    assert.ok(jobs.start(job.id, options, '2026-01-01T00:00:00.000Z'));
    let failAt = -1;
    const writer = new ContactImportWriter(t.db, new ContactRepository(t.db), new LeadRotationRepository(t.db), new BlockListRepository(t.db), jobs,
      { jobId: job.id, creator: { id: admin, role: 'admin' }, onExisting: 'skip', now: '2026-01-01T00:00:00.000Z', maxReportRows: 10 },
      (_id, row) => { if (row === failAt) throw new Error('disk full'); return { listed: true, blocked: false }; });
    const ctx = { mapping: options.mapping, headers: options.headers, region: 'VN', agents: new Map<string, number>(), extraTags: [], defaultSource: null };
    const rows = (from: number, phones: string[]) => phones.map((p, i) => ({ number: from + i, cells: [`Khách ${from + i}`, p, 'vip'] }));
    const prepare = (r: { number: number; cells: string[] }) => prepareContactRow(r, ctx);

    writer.write(rows(2, ['0912000001', '0912000002', 'bad']), prepare);
    failAt = 6;
    assert.throws(() => writer.write(rows(5, ['0912000003', '0912000004', '0912000005']), prepare), /disk full/);
    assert.deepEqual([count('contacts'), count('contact_phones'), count('contact_tags'), count('import_rejections')], [2, 2, 2, 1]);
    const after = jobs.get(job.id)!;
    assert.deepEqual([after.rowsDone, after.counts.imported, after.counts.rejected], [3, 2, 1]);
    assert.equal(new LeadRotationRepository(t.db).lastAssigned(), agent);
    assert.deepEqual(t.db.prepare("SELECT owner_id FROM contacts ORDER BY id").all(), [{ owner_id: agent }, { owner_id: agent }]);
  });
});
