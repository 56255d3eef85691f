import assert from 'node:assert/strict';
import { CsvParser } from '../../src/spreadsheet/csv-parser';
import { startTestApp, type TestApp } from '../support/test-app';
import { download, importFile, readSheet } from '../support/spreadsheets';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const p = new CsvParser(',', (fields) => rows.push(fields));
  p.push(text);
  p.end();
  return rows;
}

describe('contact exports API', () => {
  let app: TestApp;
  let admin: string;
  beforeEach(async () => {
    app = await startTestApp();
    admin = (await app.login('admin')).token;
    const add = (body: object) => app.request('POST', '/api/contacts', { token: admin, body });
    await add({ name: 'Nguyễn Văn An', phones: ['0912345678', '024 3826 1234'], tags: ['vip'], customFields: { company: 'ABC, Ltd' }, birthday: '1990-05-17' });
    await add({ name: 'Lê Thị "Bé"', phones: ['0987654321'], address: '1 Lê Lợi\nQuận 1' });
    await add({ name: '=cmd()', phones: ['0933444555'] });
  });
  afterEach(async () => { await app.close(); });

  it('when contacts are exported as CSV, then every contact is a row in the import columns, Vietnamese intact and formulas defused', async () => {
    const res = await download(app, admin, '/api/exports/contacts', { format: 'csv' });
    assert.equal(res.status, 200);
    assert.match(res.type ?? '', /^text\/csv/);
    const text = res.body.toString('utf8');
    assert.ok(text.startsWith('\ufeff'));
    const rows = parseCsv(text.slice(1));
    assert.deepEqual(rows[0]!.slice(0, 4), ['Name', 'Phone', 'Phone 2', 'Phone 3']);
    assert.equal(rows.length, 4);
    const an = rows.find((r) => r[0] === 'Nguyễn Văn An')!;
    assert.deepEqual(an.slice(1, 3), ['+84912345678', '+842438261234']);
    assert.equal(an[6], '1990-05-17');
    assert.equal(an[16], '{"company":"ABC, Ltd"}');
    assert.equal(rows.find((r) => r[1] === '+84987654321')![5], '1 Lê Lợi\nQuận 1');
    assert.equal(rows.find((r) => r[1] === '+84933444555')![0], "'=cmd()");
  });

  it('when the export is filtered, then only matching contacts are in the .xlsx', async () => {
    const res = await download(app, admin, '/api/exports/contacts', { format: 'xlsx', filter: { name: 'nguyen' } });
    assert.equal(res.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = readSheet(res.body);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1]!.slice(0, 3), ['Nguyễn Văn An', '+84912345678', '+842438261234']);
  });

  it('when an export is imported back, then nothing is added', async () => {
    const csvFile = await download(app, admin, '/api/exports/contacts', { format: 'csv' });
    const job = await importFile(app, admin, csvFile.body, {}, 'filename=contacts.csv');
    assert.deepEqual([job.counts.imported, job.counts.duplicate, job.counts.rejected], [0, 3, 0]);
  });

  it('when an agent asks for an export, then 403 before any file starts', async () => {
    const agent = await app.login('agent');
    const res = await app.request('POST', '/api/exports/contacts', { token: agent.token, body: { format: 'csv' } });
    assert.equal(res.status, 403);
    const bad = await app.request('POST', '/api/exports/contacts', { token: admin, body: { filter: { phone: 'xx' } } });
    assert.equal(bad.body.error.field, 'phone');
  });
});
