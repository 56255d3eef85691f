import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { readSheet } from '../../support/spreadsheets';
import { startTestApp, type TestApp } from '../../support/test-app';
import { seedCustomers, type SeededCustomers, type Who } from './seed-customers';

describe('customer results export', () => {
  let app: TestApp;
  let s: SeededCustomers;
  const download = async (who: Who, query: string) => {
    const res = await fetch(`${app.url}/api/reports/customers/export?${query}`, { headers: { authorization: `Bearer ${s.t[who].token}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };
  const csvRows = (buf: Buffer) => buf.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  const firstIds = (lines: string[]) => lines.slice(1).map((l) => Number(l.split(',')[0]));

  beforeEach(async () => {
    app = await startTestApp();
    s = await seedCustomers(app);
  });
  afterEach(async () => { await app.close(); });

  it('when exported as CSV, then a row per contact of the filters in the report\'s order, answers as columns, formula-like text written as text', async () => {
    const r = await download('sue', `campaignId=${s.a}&format=csv`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /text\/csv/);
    assert.match(r.headers.get('content-disposition')!, new RegExp(`customers-campaign-${s.a}\\.csv`));
    const lines = csvRows(r.body);
    assert.equal(lines[0], 'Entry ID,Name,Number dialled,Phones,Status,Attempts,Last call (UTC),Last outcome,Disposition,Callback (UTC),Agent,'
      + "Budget?,'=Interested?,Products");
    assert.deepEqual(firstIds(lines), [s.e.cmd, s.e.binh, s.e.an, s.e.chi]);
    assert.equal(lines[1], `${s.e.cmd},'=cmd(),+84912345678,'+84912345678; +84287654321,Success,2,2026-12-02T02:00:00.000Z,Answered,Closed deal,,ann,`
      + '10 triệu,Yes,A; B');
    assert.equal(lines[3], `${s.e.an},An,+84912000222,+84912000222,Not called yet,0,,,,,,,,`);
    const filtered = csvRows((await download('sue', `campaignId=${s.a}&agentId=${s.t.ann.id}&sort=attempts&order=desc`)).body);
    assert.deepEqual(firstIds(filtered), [s.e.chi, s.e.cmd, s.e.binh], 'the filters and the order apply');
  });

  it('when the user reads Vietnamese, then the headers and the coded values are Vietnamese (the questions as the script words them)', async () => {
    app.services.db.prepare("UPDATE users SET language = 'vi' WHERE id = ?").run(s.t.sue.id);
    const lines = csvRows((await download('sue', `campaignId=${s.a}&status=success`)).body);
    assert.equal(lines[0], 'Mã dòng,Tên khách hàng,Số đã gọi,Các số điện thoại,Trạng thái,Số lần gọi,Lần gọi cuối (UTC),Kết quả lần cuối,Phân loại,'
      + "Hẹn gọi lại (UTC),Nhân viên,Budget?,'=Interested?,Products");
    assert.match(lines[1]!, /,Thành công,2,.*,Đã trả lời,Chốt đơn,,ann,/);
    const sheet = readSheet((await download('sue', `campaignId=${s.a}&format=xlsx`)).body);
    assert.deepEqual(sheet[0]!.slice(0, 3), ['Mã dòng', 'Tên khách hàng', 'Số đã gọi']);
  });

  it('when exported as .xlsx, then the same rows read back, and the formula-like name and question are text cells with no formula', async () => {
    const r = await download('boss', `campaignId=${s.a}&format=xlsx&sort=name`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition')!, new RegExp(`customers-campaign-${s.a}\\.xlsx`));
    const rows = readSheet(r.body);
    assert.equal(rows.length, 5);
    assert.deepEqual(rows.slice(1).map((x) => x[0]), [s.e.cmd, s.e.an, s.e.binh, s.e.chi]);
    assert.deepEqual(rows[1]!.slice(1, 6), ['=cmd()', '+84912345678', '+84912345678; +84287654321', 'Success', 2]);
    assert.deepEqual(rows[1]!.slice(11), ['10 triệu', 'Yes', 'A; B']);
    const sheet = XLSX.read(r.body, { type: 'buffer', cellFormula: true }).Sheets.Customers!;
    for (const text of ['=cmd()', '=Interested?']) {
      const cell = Object.entries(sheet).find(([k, v]) => !k.startsWith('!') && (v as XLSX.CellObject).v === text)![1] as XLSX.CellObject;
      assert.deepEqual([cell.t, cell.f], ['s', undefined], text);
    }
    assert.deepEqual(rows.map((x) => x.length).slice(0, 2), [14, 14]);
  });

  it('when the filters are wrong or the campaign not the user\'s, then the export answers an error, not a file', async () => {
    const bad = await app.request('GET', `/api/reports/customers/export?campaignId=${s.a}&format=pdf`, { token: s.t.boss.token });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'format']);
    const foreign = await app.request('GET', `/api/reports/customers/export?campaignId=${s.b}&format=xlsx`, { token: s.t.sue.token });
    assert.deepEqual([foreign.status, foreign.body.error.code], [403, 'E_FORBIDDEN']);
  });

  it('when more contacts match than a batch of the export, then the CSV streams every one of them once, in order, across null last calls', async () => {
    const db = app.services.db;
    const contact = db.prepare("INSERT INTO contacts (name, name_folded, created_at, updated_at) VALUES ('X', 'x', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
    const entry = db.prepare(`INSERT INTO campaign_contacts (campaign_id, contact_id, phone, status, attempts, last_call_at, added_at, updated_at)
      VALUES (?, ?, '+84900000000', 'failed_will_retry', ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
    db.transaction(() => {
      for (let i = 0; i < 2500; i++) {
        const c = Number(contact.run().lastInsertRowid);
        // A third never called; the others on a few instants only, so ties are broken by id across batches.
        entry.run(s.b, c, i % 4, i % 3 === 0 ? null : `2026-12-0${1 + (i % 5)}T00:00:00.000Z`);
      }
    })();
    const all = db.prepare('SELECT id, last_call_at AS at, attempts FROM campaign_contacts WHERE campaign_id = ?').all(s.b) as Array<{ id: number; at: string | null; attempts: number }>;
    const key = (x: { at: string | null }) => x.at ?? '';
    for (const order of ['asc', 'desc'] as const) {
      const got = firstIds(csvRows((await download('boss', `campaignId=${s.b}&sort=lastCallAt&order=${order}`)).body));
      const want = [...all].sort((p, q) => (key(p) === key(q) ? p.id - q.id : key(p) < key(q) ? -1 : 1)).map((x) => x.id);
      assert.deepEqual(got, order === 'asc' ? want : want.reverse(), order);
    }
    const byAttempts = firstIds(csvRows((await download('boss', `campaignId=${s.b}&sort=attempts`)).body));
    assert.deepEqual(byAttempts, [...all].sort((p, q) => p.attempts - q.attempts || p.id - q.id).map((x) => x.id));
    const byName = firstIds(csvRows((await download('boss', `campaignId=${s.b}&sort=name&order=desc`)).body));
    assert.equal(new Set(byName).size, 2501);
  });
});
