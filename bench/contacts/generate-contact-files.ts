import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as XLSX from '@e965/xlsx';
import { createSeededRandom } from '../../src/domain/dialer/seeded-random';

/**
 * Deterministic contact files as Vietnamese CRMs export them: names with diacritics, phones written
 * every usual way (09…, 84…, +84 with spaces, dots, dashes, (+84), 0084, Excel number cells), some
 * emails, birthdays, tags, stages and sources. Row i always has the same unique number.
 */
const FAMILY: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2], ['Võ', 2],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8], ['Trương', 0.8],
  ['Lương', 0.5], ['Mai', 0.5], ['Cao', 0.4], ['Tạ', 0.3], ['Quách', 0.2], ['Châu', 0.3], ['Kiều', 0.2],
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Kim', 'Gia', 'Hoàng', 'Xuân', 'Thu', 'Bảo', 'Anh', 'Công', 'Đình', 'Mỹ'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga',
  'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến', 'Hương', 'Huy', 'Khoa', 'Nhung', 'Oanh', 'Phúc', 'Quân',
  'Thắng', 'Trung', 'Vy', 'Duy', 'Hiếu', 'Lộc', 'Ngân', 'Nhi', 'Tú', 'Uyên', 'Vinh', 'Xuyến', 'Đạt', 'Ánh', 'Ẩn', 'Ổn', 'Ửng'];
const PREFIXES = ['32', '33', '34', '35', '36', '37', '38', '39', '70', '76', '77', '78', '79', '81', '82', '83', '84', '85', '86', '88', '90', '91', '93', '94', '96', '97', '98'];
const TAGS = ['vip', 'hà nội', 'tp hcm', 'đà nẵng', 'khách cũ', 'quan tâm', 'zalo'];
const STAGES = ['new', 'contacted', 'qualified', 'won', 'lost'];
const SOURCES = ['facebook', 'website', 'zalo', 'hotline', 'event', 'referral'];

export const CSV_HEADER = ['Họ và tên', 'Số điện thoại', 'Email', 'Ngày sinh', 'Tags', 'Giai đoạn', 'Nguồn'];

const FAMILY_TOTAL = FAMILY.reduce((s, [, w]) => s + w, 0);
function family(r: number): string {
  let x = r * FAMILY_TOTAL;
  for (const [name, w] of FAMILY) if ((x -= w) < 0) return name;
  return FAMILY[0]![0];
}

/** The national significant number of row i: unique for i < 270,000,000. */
export function nationalNumber(i: number): string {
  const p = PREFIXES[i % PREFIXES.length]!;
  const sub = (Math.floor(i / PREFIXES.length) * 7919 + 13) % 10_000_000;
  return p + String(sub).padStart(7, '0');
}

function written(nat: string, form: number): string | number {
  const g = (s: string, sep: string) => `${s.slice(0, 2)}${sep}${s.slice(2, 5)}${sep}${s.slice(5)}`;
  switch (form % 8) {
    case 0: return `0${nat}`;
    case 1: return `0${nat.slice(0, 3)} ${nat.slice(3, 6)} ${nat.slice(6)}`;
    case 2: return `84${nat}`;
    case 3: return `+84 ${g(nat, ' ')}`;
    case 4: return `+84.${g(nat, '.')}`;
    case 5: return `0${nat.slice(0, 3)}-${nat.slice(3, 6)}-${nat.slice(6)}`;
    case 6: return `(+84) ${nat}`;
    default: return Number(nat); // an Excel number cell that lost its leading zero
  }
}

export function row(i: number): (string | number)[] {
  const r = createSeededRandom(i * 2654435761);
  const name = `${family(r())} ${MIDDLE[Math.floor(r() * MIDDLE.length)]} ${GIVEN[Math.floor(r() * GIVEN.length)]}`;
  const phone = written(nationalNumber(i), Math.floor(r() * 8));
  const email = r() < 0.5 ? `kh${i}@example.vn` : '';
  const birthday = r() < 0.3 ? `${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/${1960 + Math.floor(r() * 45)}` : '';
  const tags = r() < 0.3 ? TAGS[Math.floor(r() * TAGS.length)]! : '';
  const stage = r() < 0.6 ? STAGES[Math.floor(r() * STAGES.length)]! : '';
  const source = SOURCES[Math.floor(r() * SOURCES.length)]!;
  return [name, phone, email, birthday, tags, stage, source];
}

const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes rows [from, from + count) as a UTF-8 CSV with BOM, streaming. */
export async function writeCsv(path: string, from: number, count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('\ufeff' + CSV_HEADER.join(',') + '\r\n');
  let chunk = '';
  for (let i = from; i < from + count; i++) {
    chunk += row(i).map(csvField).join(',') + '\r\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Writes rows [from, from + count) as an .xlsx workbook (SheetJS). */
export function writeXlsx(path: string, from: number, count: number): void {
  const rows: (string | number)[][] = [CSV_HEADER];
  for (let i = from; i < from + count; i++) rows.push(row(i));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { dense: true }), 'Khách hàng');
  XLSX.writeFile(book, path, { bookType: 'xlsx', compression: true });
}

if (require.main === module) {
  const [kind, path, from, count] = process.argv.slice(2);
  const run = kind === 'csv' ? writeCsv(path!, Number(from), Number(count)) : Promise.resolve(writeXlsx(path!, Number(from), Number(count)));
  run.catch((err: unknown) => { process.stderr.write(`${String(err)}\n`); process.exit(1); });
}
