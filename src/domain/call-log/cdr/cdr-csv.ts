/**
 * One line of Asterisk's cdr_csv Master.csv, with `loguniqueid` and `loguserfield` on (the shared test
 * Asterisk's and the README's cdr.conf): accountcode, src, dst, dcontext, clid, channel, dstchannel,
 * lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield.
 */
export interface CdrRow {
  src: string;
  dst: string;
  dcontext: string;
  channel: string;
  dstchannel: string;
  lastapp: string;
  /** As written: `YYYY-MM-DD HH:MM:SS`, UTC when cdr.conf has usegmtime = yes. */
  start: string;
  answer: string;
  end: string;
  duration: number;
  billsec: number;
  disposition: string;
  uniqueid: string;
}

const FIELDS = 18;

/** Splits one CSV line as cdr_csv writes it: fields in double quotes (a quote doubled inside), empty ones bare. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        value += line.slice(i, q);
        if (line[q + 1] === '"') { value += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      out.push(value);
    } else {
      const comma = line.indexOf(',', i);
      out.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) break;
    if (line[i] !== ',') throw new Error(`expected a comma at ${i}`);
    i++;
    if (i === line.length) out.push('');
  }
  return out;
}

/** Parses Master.csv text; a line that is not a CDR of that layout is reported by its number, never guessed at. */
export function parseCdrCsv(text: string): { rows: CdrRow[]; bad: { line: number; reason: string }[] } {
  const rows: CdrRow[] = [];
  const bad: { line: number; reason: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let f: string[];
    try {
      f = splitCsvLine(line);
    } catch (err) {
      bad.push({ line: index + 1, reason: (err as Error).message });
      return;
    }
    if (f.length < FIELDS) {
      bad.push({ line: index + 1, reason: `${f.length} fields, expected ${FIELDS} (is loguniqueid = yes in cdr.conf?)` });
      return;
    }
    rows.push({
      src: f[1]!, dst: f[2]!, dcontext: f[3]!, channel: f[5]!, dstchannel: f[6]!, lastapp: f[7]!,
      start: f[9]!, answer: f[10]!, end: f[11]!, duration: Number(f[12]), billsec: Number(f[13]), disposition: f[14]!, uniqueid: f[16]!,
    });
  });
  return { rows, bad };
}
