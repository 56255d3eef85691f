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

  it('when a query is split into terms, then each term is folded the same way', () => {
    assert.deepEqual(foldTerms('  nguyễn, AN '), ['nguyen', 'an']);
  });
});
