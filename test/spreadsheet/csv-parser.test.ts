import assert from 'node:assert/strict';
import { CsvParser, CsvSyntaxError, detectDelimiter } from '../../src/spreadsheet/csv-parser';

function parse(pieces: string[], delimiter = ','): [number, string[]][] {
  const out: [number, string[]][] = [];
  const p = new CsvParser(delimiter, (fields, row) => out.push([row, fields]));
  for (const piece of pieces) p.push(piece);
  p.end();
  return out;
}

/** Every way of cutting the text in two must give the same records. */
function parseAllSplits(text: string, delimiter = ','): [number, string[]][] {
  const whole = parse([text], delimiter);
  for (let i = 1; i < text.length; i++) assert.deepEqual(parse([text.slice(0, i), text.slice(i)], delimiter), whole, `split at ${i}`);
  return whole;
}

describe('CsvParser', () => {
  it('when fields are quoted with delimiters, "" and line breaks, then they come out whole, however the text is cut', () => {
    const text = 'name,phone,note\r\n"Nguyễn, Văn An",0912345678,"say ""hi""\nsecond line"\r\nLê B,+84 987,\n';
    assert.deepEqual(parseAllSplits(text), [
      [1, ['name', 'phone', 'note']],
      [2, ['Nguyễn, Văn An', '0912345678', 'say "hi"\nsecond line']],
      [3, ['Lê B', '+84 987', '']],
    ]);
  });

  it('when lines end in LF, CRLF or CR and the last has no break, then each is a record and blank lines keep their row number', () => {
    assert.deepEqual(parseAllSplits('a;b\n\nc;d\re;f\r\ng;h', ';'), [[1, ['a', 'b']], [2, ['']], [3, ['c', 'd']], [4, ['e', 'f']], [5, ['g', 'h']]]);
  });

  it('when a record ends with a delimiter, then it has an empty last field', () => {
    assert.deepEqual(parseAllSplits('a,b,\n1,,'), [[1, ['a', 'b', '']], [2, ['1', '', '']]]);
  });

  it('when a quote is never closed, then end() fails naming the row', () => {
    assert.throws(() => parse(['a,b\n1,2\n"3,4\n5,6\n']), (err: unknown) => err instanceof CsvSyntaxError && err.row === 3 && /not closed/.test(err.message));
  });

  it('when the first line is read, then the most used delimiter is chosen, quotes ignored', () => {
    assert.equal(detectDelimiter('Họ tên;SĐT;Email\n1,2,3,4'), ';');
    assert.equal(detectDelimiter('"a;b;c",d,e\n'), ',');
    assert.equal(detectDelimiter('a\tb\tc'), '\t');
    assert.equal(detectDelimiter('only'), ',');
  });
});
