import assert from 'node:assert/strict';
import { writeXlsxOffThread } from '../../src/services/write-xlsx-off-thread';
import { sheetjs } from '../../src/spreadsheet/load-sheetjs';

describe('.xlsx built off the main thread', function () {
  this.timeout(30_000);

  it('when a workbook is written in the worker, then it reads back with every cell as given (text stays text)', async () => {
    const rows = [['Name', 'Phone', 'Attempts'], ['Lan Phạm', '0912345678', 2], ['Minh <b>Lê</b>', '+84987654321', null]];
    const body = await writeXlsxOffThread([{ name: 'Contacts', rows, widths: [20, 16, 8] }, { name: 'Summary', rows: [['Rows', 2]] }]);
    const book = sheetjs().read(body, { type: 'buffer' });
    assert.deepEqual(book.SheetNames, ['Contacts', 'Summary']);
    const back = sheetjs().utils.sheet_to_json<unknown[]>(book.Sheets.Contacts!, { header: 1, defval: null });
    assert.deepEqual(back, rows);
  });

  it('when a large workbook is built, then the main thread keeps turning meanwhile', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`Customer ${i}`, `09${String(i).padStart(8, '0')}`, i, 'interested', '2026-11-25T10:00:00Z']);
    let turns = 0;
    let spinning = true;
    const spin = () => { turns++; if (spinning) setImmediate(spin); };
    setImmediate(spin);
    const body = await writeXlsxOffThread([{ name: 'List', rows }]);
    spinning = false;
    assert.ok(body.length > 100_000, 'a real workbook came back');
    // Built on the main thread, not one turn could run until it was done.
    assert.ok(turns > 50, `the event loop ran ${turns} turns while the workbook was built`);
  });
});
