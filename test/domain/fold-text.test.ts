import assert from 'node:assert/strict';
import { foldTerms, foldText } from '../../src/domain/fold-text';

describe('foldText', () => {
  const cases: [string, string][] = [
    ['Nguyễn Văn An', 'nguyen van an'],
    ['TRẦN THỊ BÍCH NGỌC', 'tran thi bich ngoc'],
    ['Đặng Đức Đông', 'dang duc dong'],
    ['Lê  Hoàng-Phúc.', 'le hoang phuc'],
    ['Huỳnh Thị Ánh Tuyết', 'huynh thi anh tuyet'],
    ['Phạm Ngọc Ẩn', 'pham ngoc an'],
    ['Nguye\u0302\u0303n', 'nguyen'],
    ['  ', ''],
    ['Công ty ABC 123', 'cong ty abc 123'],
  ];
  for (const [input, folded] of cases) {
    it(`when ${JSON.stringify(input)} is folded, then it reads ${JSON.stringify(folded)}`, () => {
      assert.equal(foldText(input), folded);
    });
  }

  it('when random text mixes scripts, marks and punctuation, then the fast table gives what NFD, strip, lower and split give', () => {
    const reference = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 0);
    const pool = [...'aAđĐeêễỄoơớƠuưừỪyỳiíĩ-,. \t0123456789\u0301\u0303\u0323çñßøæİıÅЖжЁё東京Σσς'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 20) }, () => pool[Math.floor(next() * pool.length)]!).join('');
      assert.deepEqual(foldTerms(text), reference(text), JSON.stringify(text));
    }
  });

  it('when a query is split into terms, then each term is folded the same way', () => {
    assert.deepEqual(foldTerms('  nguyễn, AN '), ['nguyen', 'an']);
  });
});
