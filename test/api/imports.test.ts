import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';
import { download, importFile, readSheet, upload, workbook, type Cells } from '../support/spreadsheets';

const HEADER: Cells = ['Họ và tên', 'Số điện thoại', 'SĐT 2', 'Email', 'Ngày sinh', 'Nhân viên', 'Công ty', 'Múi giờ'];
/** Row 2 onwards: every phone form, every rejection reason, duplicates, a blank row and a DNC hit. */
const ROWS: Cells[] = [
  ['Nguyễn Văn An', '0912 000 001', null, 'an@example.vn', '17/05/1990', null, 'ABC', null], // 2
  ['Trần Thị Bình', 912000002, '024 3826 1234', null, 33010, null, null, null], // 3: number cell, Excel date
  ['Lê Hoàng Cường', '84912000003', null, null, null, null, null, null], // 4
  ['Phạm Dũng', '+84 912.000.004', null, null, null, 'agent_b', null, null], // 5: owner from the file
  ['Hoàng Yến', '(+84) 912-000-005', null, null, null, null, null, null], // 6
  ['Vũ Đức', '0084 912 000 006', null, null, null, null, null, 'Asia/Bangkok'], // 7
  ['Đặng Giang', '0912-000-001', null, null, null, null, null, null], // 8: same phone as row 2
  ['Bùi Hà', '0987 000 001', null, null, null, null, null, null], // 9: phone of an existing contact
  ['Đỗ Ích', null, null, null, null, null, null, null], // 10: no phone
  ['Hồ Khánh', '0123', null, null, null, null, null, null], // 11: invalid phone
  ['Ngô Lan', '0912000012', 'abc', null, null, null, null, null], // 12: invalid second phone
  ['Dương Minh', '0912000013', null, 'not-an-email', null, null, null, null], // 13
  ['Lý Nam', '0912000014', null, null, '31/02/1990', null, null, null], // 14
  ['Mai Oanh', '0912000015', null, null, null, 'ghost', null, null], // 15: unknown agent
  [null, null, null, null, null, null, null, null], // 16: blank, skipped
  ['Trịnh Phúc', '0912 000 009', null, null, null, null, null, null], // 17: on the DNC list
  ['Quách Quế', '0912000018', null, null, null, null, null, 'Mars/Olympus'], // 18: unknown time zone
  ['Tên '.repeat(60), '0912000019', null, null, null, null, null, null], // 19: name too long
  ['Kim Ngân', '0912000020', null, null, null, null, 'x'.repeat(2001), null], // 20: custom field too long
];

describe('imports API', () => {
  let app: TestApp;
  let admin: string;
  let a1: { id: number; token: string };
  let a2: { id: number; token: string };
  beforeEach(async () => {
    app = await startTestApp();
    admin = (await app.login('admin')).token;
    a1 = await app.login('agent', 'agent_a');
    a2 = await app.login('agent', 'agent_b');
  });
  afterEach(async () => { await app.close(); });

  const contactCount = () => (app.services.db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;

  it('when a Vietnamese .xlsx is uploaded, then the preview suggests the mapping and the import reports every row', async () => {
    const existing = (await app.request('POST', '/api/contacts', { token: admin, body: { name: 'Cũ', phones: ['0987000001'] } })).body;
    assert.equal(existing.ownerId, a1.id);
    await app.request('POST', '/api/block-lists/dnc', { token: admin, body: { phone: '0912000009', reason: 'asked' } });
    const file = workbook({ 'Khách hàng': [HEADER, ...ROWS] });
    const up = await upload(app, admin, file);
    assert.equal(up.status, 201);
    assert.equal(up.body.job.status, 'uploaded');
    assert.equal(up.body.job.format, 'xlsx');
    assert.deepEqual(up.body.preview.sheets, ['Khách hàng']);
    assert.deepEqual(up.body.preview.suggestedMapping, {
      name: 'Họ và tên', phone: 'Số điện thoại', phone2: 'SĐT 2', email: 'Email', birthday: 'Ngày sinh', agent: 'Nhân viên', timezone: 'Múi giờ',
    });
    assert.deepEqual(up.body.preview.rows[1], { row: 3, cells: ROWS[1] });
    const started = await app.request('POST', `/api/imports/${up.body.job.id}/start`, { token: admin, body: { customFields: { company: 'Công ty' }, tags: ['Tháng 11'] } });
    assert.equal(started.status, 202);
    await app.services.crm.imports.waitFor(up.body.job.id);
    const job = (await app.request('GET', `/api/imports/${up.body.job.id}`, { token: admin })).body;
    assert.equal(job.status, 'done');
    assert.deepEqual([job.rowsDone, job.rowsTotal], [19, 19]);
    assert.deepEqual(job.counts, { imported: 7, updated: 0, duplicate: 2, rejected: 9, blockedHits: 1, listed: 0 });

    const report = await download(app, admin, `/api/imports/${job.id}/rejected.xlsx`);
    assert.equal(report.status, 200);
    const rows = readSheet(report.body);
    assert.deepEqual(rows[0]!.slice(0, 4), ['Row', 'Result', 'Reason', 'Họ và tên']);
    const reasons = new Map(rows.slice(1).map((r) => [r[0], `${String(r[1])}: ${String(r[2])}`]));
    assert.deepEqual([...reasons.keys()], [8, 9, 10, 11, 12, 13, 14, 15, 18, 19, 20]);
    assert.equal(reasons.get(8), 'duplicate: phone +84912000001 repeats row 2');
    assert.equal(reasons.get(9), `duplicate: phone +84987000001 already belongs to contact ${existing.id}`);
    assert.equal(reasons.get(10), 'rejected: column "Số điện thoại" (B): phone is empty');
    assert.equal(reasons.get(11), 'rejected: column "Số điện thoại" (B): "0123" is not a valid phone number');
    assert.equal(reasons.get(12), 'rejected: column "SĐT 2" (C): "abc" is not a phone number');
    assert.match(reasons.get(13)!, /^rejected: column "Email" \(D\): "not-an-email"/);
    assert.match(reasons.get(14)!, /^rejected: column "Ngày sinh" \(E\): "31\/02\/1990" is not a date/);
    assert.equal(reasons.get(15), 'rejected: column "Nhân viên" (F): no active agent "ghost"');
    assert.match(reasons.get(18)!, /^rejected: column "Múi giờ" \(H\): "Mars\/Olympus" is not a known time zone/);
    assert.equal(reasons.get(19), 'rejected: column "Họ và tên" (A): at most 200 characters');
    assert.equal(reasons.get(20), 'rejected: column "Công ty" (G): at most 2000 characters');
    assert.deepEqual(rows[1]!.slice(3, 5), ['Đặng Giang', '0912-000-001'], 'the original cells follow the reason');
    assert.deepEqual(readSheet(report.body, 'Summary').find((r) => r[0] === 'Rejected'), ['Rejected', 9]);

    const stored = (await app.request('GET', '/api/contacts?limit=20&sort=name', { token: admin })).body.items as { name: string; phones: { e164: string }[]; ownerId: number; birthday: string | null; customFields: object; tags: string[]; timezone: string }[];
    const byName = new Map(stored.map((c) => [c.name, c]));
    assert.deepEqual(byName.get('Trần Thị Bình')!.phones.map((p) => p.e164), ['+84912000002', '+842438261234']);
    assert.equal(byName.get('Trần Thị Bình')!.birthday, '1990-05-17');
    assert.deepEqual(byName.get('Nguyễn Văn An')!.customFields, { company: 'ABC' });
    assert.deepEqual(byName.get('Nguyễn Văn An')!.tags, ['tháng 11']);
    assert.equal(byName.get('Vũ Đức')!.timezone, 'Asia/Bangkok');
    assert.equal(byName.get('Hoàng Yến')!.timezone, 'Asia/Ho_Chi_Minh');
    // The rotation went on from the contact created before (a1): a2, a1, a2, (row 5 named agent_b), a1, a2, a1.
    const owners = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Dũng', 'Hoàng Yến', 'Vũ Đức', 'Trịnh Phúc'].map((n) => byName.get(n)!.ownerId);
    assert.deepEqual(owners, [a2.id, a1.id, a2.id, a2.id, a1.id, a2.id, a1.id]);
    const found = await app.request('GET', '/api/contacts?name=nguyen%20an', { token: admin });
    assert.deepEqual(found.body.items.map((c: { name: string }) => c.name), ['Nguyễn Văn An']);

    const again = await importFile(app, admin, file, { customFields: { company: 'Công ty' } });
    assert.deepEqual(again.counts, { imported: 0, updated: 0, duplicate: 9, rejected: 9, blockedHits: 0, listed: 0 });
    assert.equal(contactCount(), 8, 'the second import of the same file added nothing');
  });

  it('when rows match existing contacts and onExisting is update, then changed ones are updated and the rest are duplicates', async () => {
    await importFile(app, admin, workbook({ S: [['Name', 'Phone'], ['Lan', '0912000001'], ['Hoa', '0912000002']] }));
    const job = await importFile(app, admin, workbook({ S: [['Name', 'Phone', 'Email', 'Tags'], ['Lan', '0912000001', 'lan@x.vn', 'vip'], ['Hoa', '+84912000002', null, null]] }), { onExisting: 'update' });
    assert.deepEqual(job.counts, { imported: 0, updated: 1, duplicate: 1, rejected: 0, blockedHits: 0, listed: 0 });
    const lan = (await app.request('GET', '/api/contacts?phone=0912000001', { token: admin })).body.items[0];
    assert.deepEqual([lan.email, lan.tags], ['lan@x.vn', ['vip']]);
    assert.equal(contactCount(), 2);
  });

  it('when an .xls workbook has a notes sheet first, then another sheet is chosen and imported', async () => {
    const file = workbook({ 'Ghi chú': [['Danh sách tháng 11'], ['gọi trước 17h']], 'Danh sách': [['Tên', 'Di động'], ['Nguyễn Thị Hoa', '0912 111 222'], ['Lê Văn Tám', 84933444555]] }, 'xls');
    const up = await upload(app, admin, file, 'filename=export.xls');
    assert.equal(up.body.job.format, 'xls');
    assert.equal(up.body.preview.sheet, 'Ghi chú');
    const noPhone = await app.request('POST', `/api/imports/${up.body.job.id}/start`, { token: admin, body: {} });
    assert.equal(noPhone.status, 422);
    assert.equal(noPhone.body.error.code, 'E_IMPORT_NO_PHONE_COLUMN');
    const preview = await app.request('POST', `/api/imports/${up.body.job.id}/preview`, { token: admin, body: { sheet: 'Danh sách' } });
    assert.deepEqual(preview.body.suggestedMapping, { name: 'Tên', phone: 'Di động' });
    const missing = await app.request('POST', `/api/imports/${up.body.job.id}/preview`, { token: admin, body: { sheet: 'Nope' } });
    assert.equal(missing.body.error.field, 'sheet');
    const started = await app.request('POST', `/api/imports/${up.body.job.id}/start`, { token: admin, body: { sheet: 'Danh sách' } });
    assert.equal(started.status, 202);
    await app.services.crm.imports.waitFor(up.body.job.id);
    const job = (await app.request('GET', `/api/imports/${up.body.job.id}`, { token: admin })).body;
    assert.deepEqual([job.status, job.counts.imported], ['done', 2]);
    const again = await app.request('POST', `/api/imports/${up.body.job.id}/start`, { token: admin, body: { sheet: 'Danh sách' } });
    assert.equal(again.status, 409);
  });

  it('when a CSV uses semicolons, a BOM and quoted line breaks, then it imports like a workbook', async () => {
    const text = '\ufeffHọ tên;SĐT;Địa chỉ\r\n"Nguyễn Văn An";0912 345 678;"12 Lý Thường Kiệt\nHà Nội"\r\nLê Thị Bé;+84 987 654 321;\r\n';
    const job = await importFile(app, admin, text, { mapping: { name: 'Họ tên', phone: 'SĐT', address: 'Địa chỉ' } }, 'filename=list.csv');
    assert.equal(job.format, 'csv');
    assert.deepEqual([job.rowsTotal, job.counts.imported], [2, 2]);
    const an = (await app.request('GET', '/api/contacts?phone=0912345678', { token: admin })).body.items[0];
    assert.deepEqual([an.name, an.address], ['Nguyễn Văn An', '12 Lý Thường Kiệt\nHà Nội']);
  });

  it('when a CSV is in the Windows-1258 code page, then Vietnamese names arrive composed', async () => {
    // "Nguyễn" in Windows-1258: ê is 0xEA, the tilde a combining mark 0xDE.
    const bytes = Buffer.concat([Buffer.from('Name,Phone\r\nNguy'), Buffer.from([0xea, 0xde]), Buffer.from('n,0912345678\r\n')]);
    const job = await importFile(app, admin, bytes, {}, 'filename=legacy.csv');
    assert.equal(job.counts.imported, 1);
    const c = (await app.request('GET', '/api/contacts?name=nguyen', { token: admin })).body.items[0];
    assert.equal(c.name, 'Nguyễn');
  });

  it('when a file is not a spreadsheet, empty, header-only, too large or sent as JSON, then a clear 4xx', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const notSheet = await upload(app, admin, png, 'filename=photo.xlsx');
    assert.deepEqual([notSheet.status, notSheet.body.error.code], [415, 'E_IMPORT_NOT_SPREADSHEET']);
    const brokenZip = await upload(app, admin, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
    assert.deepEqual([brokenZip.status, brokenZip.body.error.code], [415, 'E_IMPORT_NOT_SPREADSHEET']);
    const empty = await upload(app, admin, Buffer.alloc(0));
    assert.deepEqual([empty.status, empty.body.error.code], [422, 'E_IMPORT_EMPTY']);
    const headerOnly = await upload(app, admin, workbook({ S: [['Name', 'Phone']] }));
    assert.deepEqual([headerOnly.status, headerOnly.body.error.code], [422, 'E_IMPORT_EMPTY']);
    const json = await upload(app, admin, '{"rows":[]}', 'filename=x.csv', 'application/json');
    assert.deepEqual([json.status, json.body.error.code], [415, 'E_UNSUPPORTED_MEDIA']);
    const badMapping = await upload(app, admin, 'Name,Phone\nA,0912345678\n', 'filename=x.csv');
    const unknownColumn = await app.request('POST', `/api/imports/${badMapping.body.job.id}/start`, { token: admin, body: { mapping: { phone: 'Điện thoại' } } });
    assert.deepEqual([unknownColumn.status, unknownColumn.body.error.field], [400, 'mapping.phone']);
    const agent = await upload(app, a1.token, 'Name,Phone\nA,0912345678\n', 'filename=x.csv');
    assert.equal(agent.status, 403);
    const files = (app.services.db.prepare('SELECT count(*) AS n FROM import_jobs').get() as { n: number }).n;
    assert.equal(files, 1, 'refused uploads leave no job behind');
  });

  it('when a file is over import.maxFileBytes, then 413 and nothing is kept', async () => {
    await app.close();
    app = await startTestApp({ import: { maxFileBytes: 2048, batchRows: 2000, maxReportRows: 100, cacheMb: 8 } });
    admin = (await app.login('admin')).token;
    const big = 'Name,Phone\n' + 'Nguyễn Văn An,0912345678\n'.repeat(200);
    const res = await upload(app, admin, big, 'filename=big.csv');
    assert.deepEqual([res.status, res.body.error.code], [413, 'E_PAYLOAD_TOO_LARGE']);
  });

  it('when the file breaks after two batches, then the job fails and keeps exactly the committed batches', async () => {
    await app.close();
    app = await startTestApp({ import: { maxFileBytes: 50_000_000, batchRows: 1000, maxReportRows: 100, cacheMb: 8 } });
    admin = (await app.login('admin')).token;
    let text = 'Name,Phone\n';
    for (let i = 0; i < 2500; i++) text += `Khách ${i},09${String(10000000 + i)}\n`;
    text += '"Unclosed,0912999999\nNext,0912999998\n';
    const job = await importFile(app, admin, text, {}, 'filename=broken.csv');
    assert.equal(job.status, 'failed');
    assert.match(job.error, /row 2502: a quoted field is not closed/);
    assert.deepEqual([job.rowsDone, job.counts.imported], [2000, 2000]);
    assert.equal(contactCount(), 2000);
    const phones = (app.services.db.prepare('SELECT count(*) AS n FROM contact_phones').get() as { n: number }).n;
    assert.equal(phones, 2000, 'every kept contact is complete');
  });

  it('when a DNC file is imported, then numbers are listed with their reason, repeats and bad rows reported', async () => {
    await app.request('POST', '/api/block-lists/dnc', { token: admin, body: { phone: '0912000003', reason: 'earlier' } });
    const file = workbook({ DNC: [['Số điện thoại', 'Lý do'], ['0912 000 001', 'khiếu nại'], ['84912000002', null], ['+84 912 000 001', 'again'], ['0912000003', 'x'], ['12', 'bad']] });
    const job = await importFile(app, admin, file, { reason: 'danh sách DNC quý 4' }, 'kind=dnc&filename=dnc.xlsx');
    assert.deepEqual(job.counts, { imported: 2, updated: 0, duplicate: 2, rejected: 1, blockedHits: 0, listed: 0 });
    assert.deepEqual(app.services.crm.blockLists.check('+84912000001'), { blocked: true, list: 'dnc', reason: 'khiếu nại' });
    assert.deepEqual(app.services.crm.blockLists.check('+84912000002'), { blocked: true, list: 'dnc', reason: 'danh sách DNC quý 4' });
    const rejections = (await app.request('GET', `/api/imports/${job.id}/rejections`, { token: admin })).body.items;
    assert.deepEqual(rejections.map((r: { row: number; reason: string }) => [r.row, r.reason]), [
      [4, 'phone +84912000001 repeats an earlier row'], [5, 'phone +84912000003 is already on the DNC list'], [6, 'column "Số điện thoại" (A): "12" is not a valid phone number'],
    ]);
  });

  it('when a process stopped during a bulk import, then start-up marks the job failed and restores the name index', async () => {
    const up = await upload(app, admin, 'Name,Phone\nA,0912345678\n', 'filename=x.csv');
    app.services.db.prepare("UPDATE import_jobs SET status = 'running' WHERE id = ?").run(up.body.job.id);
    app.services.db.exec('DROP INDEX contacts_name');
    app.services.crm.imports.recoverInterrupted();
    const job = (await app.request('GET', `/api/imports/${up.body.job.id}`, { token: admin })).body;
    assert.equal(job.status, 'failed');
    assert.match(job.error, /stopped during the import/);
    assert.equal((app.services.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'contacts_name'").get() as { n: number }).n, 1);
  });

  it('when the template is downloaded, then it has the columns and imports as is', async () => {
    const xlsx = await download(app, admin, '/api/import-templates/contacts.xlsx');
    assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.deepEqual(readSheet(xlsx.body)[0], ['Name', 'Phone', 'Phone 2', 'Phone 3', 'Email', 'Address', 'Birthday', 'Tags', 'Stage', 'Source', 'Timezone', 'Agent']);
    const job = await importFile(app, admin, xlsx.body);
    assert.deepEqual([job.counts.imported, job.counts.rejected], [2, 0]);
    const csvTemplate = await download(app, admin, '/api/import-templates/dnc.csv');
    assert.match(csvTemplate.body.toString('utf8'), /^\ufeffPhone,Reason\r\n/);
  });
});
