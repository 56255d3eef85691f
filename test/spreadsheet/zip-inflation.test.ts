import assert from 'node:assert/strict';
import { checkZipInflation, declaredInflatedBytes } from '../../src/spreadsheet/zip-inflation';
import { workbook } from '../support/spreadsheets';
import { zipBomb } from '../support/zip-bomb';

describe('zip inflation check', () => {
  it('when a small .xlsx-looking file unpacks to gigabytes, then it is refused with 413 before inflating', async () => {
    const bomb = await zipBomb(300);
    assert.ok(bomb.length < 1024 * 1024, `bomb is ${bomb.length} bytes`);
    assert.equal(declaredInflatedBytes(bomb), 300 * 1024 * 1024);
    assert.throws(() => checkZipInflation(bomb), (err: { code: string; httpStatus: number; message: string }) =>
      err.code === 'E_IMPORT_INFLATED' && err.httpStatus === 413 && /unpacks to 300 MiB/.test(err.message));
  });

  it('when the unpacked size is allowed but the ratio is absurd, then it is refused too', async () => {
    const bomb = await zipBomb(40);
    assert.throws(() => checkZipInflation(bomb), /times its size/);
    assert.doesNotThrow(() => checkZipInflation(bomb, { maxInflatedBytes: 1e9, maxRatio: 1e9, ratioFromBytes: 0 }));
  });

  it('when a real workbook is checked, then it passes with its true unpacked size', () => {
    const file = workbook({ Sheet1: [['Name', 'Phone'], ...Array.from({ length: 500 }, (_, i) => [`Khách ${i}`, `09120${String(i).padStart(5, '0')}`])] });
    const inflated = declaredInflatedBytes(file)!;
    assert.ok(inflated > 10_000, `declares ${inflated} bytes of sheet XML`);
    assert.doesNotThrow(() => checkZipInflation(file));
    assert.equal(declaredInflatedBytes(Buffer.from('name,phone\n')), undefined);
  });
});
