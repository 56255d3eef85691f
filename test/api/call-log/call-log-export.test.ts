import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { readSheet } from '../../support/spreadsheets';
import { startTestApp, type TestApp } from '../../support/test-app';
import { seedCalls, type SeededCalls, type Who } from './seed-calls';

const DAY = 'from=2026-12-01&to=2026-12-01';

describe('call log export', () => {
  let app: TestApp;
  let s: SeededCalls;
  const download = async (who: Who, query: string) => {
    const res = await fetch(`${app.url}/api/reports/calls/export?${query}`, { headers: { authorization: `Bearer ${s.t[who].token}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };
  const csvRows = (buf: Buffer) => buf.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');

  beforeEach(async () => {
    app = await startTestApp();
    s = await seedCalls(app);
  });
  afterEach(async () => { await app.close(); });

  it('when exported as CSV, then a row per call of the filters, newest first, with a formula-like contact name written as text', async () => {
    const r = await download('boss', `${DAY}&format=csv`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /text\/csv/);
    assert.match(r.headers.get('content-disposition')!, /calls-2026-12-01-2026-12-01\.csv/);
    const lines = csvRows(r.body);
    assert.equal(lines[0], 'Call ID,Campaign,Contact,Number dialled,Agent,Direction,Start (UTC),Ring (UTC),Answer (UTC),Bridge (UTC),End (UTC),'
      + 'Ring time,Hold time,Talk time,Hangup cause,Cause name,Hung up by,AMD,Outcome,Disposition,Recording');
    assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), [s.c.c7, s.c.c8, s.c.c6, s.c.c3, s.c.c2, s.c.c1, s.c.c4]);
    const c1 = lines.find((l) => l.startsWith(`${s.c.c1},`))!;
    assert.equal(c1, `${s.c.c1},A,'=cmd(),+84912345678,ann,Outbound,2026-12-01T00:59:50.000Z,2026-12-01T01:00:00.000Z,2026-12-01T01:00:10.000Z,`
      + '2026-12-01T01:00:12.000Z,2026-12-01T01:02:12.000Z,0:00:10,0:00:02,0:02:00,16,Normal Clearing,Customer,HUMAN,Answered,Closed deal,Yes');
    const filtered = csvRows((await download('boss', `${DAY}&outcome=answered&format=csv`)).body);
    assert.deepEqual(filtered.slice(1).map((l) => Number(l.split(',')[0])), [s.c.c6, s.c.c3, s.c.c1], 'the filters apply');
    const ann = csvRows((await download('ann', DAY)).body);
    assert.deepEqual(ann.slice(1).map((l) => Number(l.split(',')[0])), [s.c.c3, s.c.c2, s.c.c1], 'an agent exports their own calls');
  });

  it('when the user reads Vietnamese, then the headers and the coded values are Vietnamese', async () => {
    app.services.db.prepare("UPDATE users SET language = 'vi' WHERE id = ?").run(s.t.sue.id);
    const lines = csvRows((await download('sue', `${DAY}&outcome=answered`)).body);
    assert.match(lines[0]!, /^Mã cuộc gọi,Chiến dịch,Khách hàng,Số đã gọi,Nhân viên,Chiều gọi,Bắt đầu \(UTC\)/);
    assert.match(lines.find((l) => l.startsWith(`${s.c.c1},`))!, /,Gọi ra,.*,Khách hàng,HUMAN,Đã trả lời,Chốt đơn,Có$/);
    assert.deepEqual(readSheet((await download('sue', `${DAY}&format=xlsx`)).body)[0]!.slice(0, 3), ['Mã cuộc gọi', 'Chiến dịch', 'Khách hàng']);
  });

  it('when exported as .xlsx, then the same rows read back, and the formula-like name is a text cell with no formula', async () => {
    const r = await download('boss', `${DAY}&format=xlsx`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition')!, /calls-2026-12-01-2026-12-01\.xlsx/);
    const rows = readSheet(r.body);
    assert.equal(rows.length, 8);
    assert.deepEqual(rows.slice(1).map((x) => x[0]), [s.c.c7, s.c.c8, s.c.c6, s.c.c3, s.c.c2, s.c.c1, s.c.c4]);
    const c1 = rows.find((x) => x[0] === s.c.c1)!;
    assert.deepEqual(c1.slice(1, 5), ['A', '=cmd()', '+84912345678', 'ann']);
    const sheet = XLSX.read(r.body, { type: 'buffer', cellFormula: true }).Sheets.Calls!;
    const cell = Object.entries(sheet).find(([k, v]) => !k.startsWith('!') && (v as XLSX.CellObject).v === '=cmd()')![1] as XLSX.CellObject;
    assert.deepEqual([cell.t, cell.f], ['s', undefined]);
    const csvLines = csvRows((await download('boss', `${DAY}&format=csv`)).body);
    assert.deepEqual(rows.map((x) => x.length), csvLines.map(() => 21));
  });

  it('when the filters are wrong or the campaign not the user\'s, then the export answers an error, not a file', async () => {
    const bad = await app.request('GET', `/api/reports/calls/export?${DAY}&format=pdf`, { token: s.t.boss.token });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'format']);
    const foreign = await app.request('GET', `/api/reports/calls/export?${DAY}&campaignId=${s.b}&format=xlsx`, { token: s.t.sue.token });
    assert.deepEqual([foreign.status, foreign.body.error.code], [403, 'E_FORBIDDEN']);
    const other = await app.request('GET', `/api/reports/calls/export?${DAY}&agentId=${s.t.ben.id}`, { token: s.t.ann.token });
    assert.deepEqual([other.status, other.body.error.field], [403, 'agentId']);
  });

  it('when more calls match than a page of the export, then the CSV streams every one of them in order', async () => {
    const insert = app.services.db.prepare(`INSERT INTO call_records (flow, campaign_id, agent_id, phone_number, dial_at, end_at, hangup_cause, outcome, end_reason)
      VALUES ('agent-first', ?, ?, '+84900000000', ?, ?, 17, 'busy', 'not_reached')`);
    app.services.db.transaction(() => {
      for (let i = 0; i < 2500; i++) insert.run(s.b, s.t.ben.id, '2026-12-01T12:00:00.000Z', '2026-12-01T12:00:30.000Z'); // the same end time: ties by id
    })();
    const lines = csvRows((await download('boss', `${DAY}&campaignId=${s.b}`)).body);
    assert.equal(lines.length, 1 + 2502);
    const got = lines.slice(1).map((l) => Number(l.split(',')[0]));
    assert.equal(new Set(got).size, 2502);
    assert.deepEqual(got.slice(0, 2), [s.c.c7, Math.max(...got.slice(1, -1))]);
    assert.equal(got.at(-1), s.c.c6);
  });
});
