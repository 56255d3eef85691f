const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvSyntaxError extends Error {
  constructor(readonly row: number, message: string) {
    super(`row ${row}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * A streaming RFC 4180 parser: text goes in by pieces, complete records come out. Quoted fields may hold
 * delimiters, "" and line breaks; CRLF, LF and CR all end a record. Only the unfinished last record is
 * kept between pieces, so memory stays flat whatever the file size.
 */
export class CsvParser {
  private pending = '';
  private recordCount = 0;

  constructor(private readonly delimiter: string, private readonly onRecord: (fields: string[], row: number) => void) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`bad CSV delimiter ${JSON.stringify(delimiter)}`);
  }

  /** Records emitted so far (blank lines included), i.e. the row number of the last one. */
  get rows(): number {
    return this.recordCount;
  }

  push(text: string): void {
    this.pending = this.parse(this.pending + text, false);
  }

  /** Flushes the last record; an unclosed quote is a syntax error naming its row. */
  end(): void {
    if (this.pending.length > 0) this.parse(this.pending, true);
    this.pending = '';
  }

  /** Parses complete records of `buf` and returns the unparsed tail. */
  private parse(buf: string, final: boolean): string {
    const len = buf.length;
    const delim = this.delimiter.charCodeAt(0);
    let recordStart = 0;
    let i = 0;
    let fields: string[] = [];
    while (i <= len) {
      if (i === len) {
        if (!final || (i === recordStart && fields.length === 0)) return buf.slice(recordStart);
        this.emit(fields.concat(''));
        return '';
      }
      let value: string;
      if (buf.charCodeAt(i) === QUOTE) {
        const quoted = readQuoted(buf, i + 1, final);
        if (quoted === undefined) {
          if (final) throw new CsvSyntaxError(this.recordCount + 1, 'a quoted field is not closed');
          return buf.slice(recordStart);
        }
        value = quoted.value;
        i = quoted.end;
        // Text after the closing quote (a"b"c) is kept, as spreadsheet programs do.
        const stop = nextStop(buf, i, delim);
        if (stop > i) value += buf.slice(i, stop);
        i = stop;
      } else {
        const stop = nextStop(buf, i, delim);
        value = buf.slice(i, stop);
        i = stop;
      }
      fields.push(value);
      if (i === len) {
        if (!final) return buf.slice(recordStart);
        this.emit(fields);
        return '';
      }
      const c = buf.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i === len && final) { fields.push(''); this.emit(fields); return ''; }
        continue;
      }
      // A CR at the very end may be the first half of a CRLF split between pieces.
      if (c === CR && i + 1 === len && !final) return buf.slice(recordStart);
      i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
      this.emit(fields);
      fields = [];
      recordStart = i;
      if (i === len) return '';
    }
    return '';
  }

  private emit(fields: string[]): void {
    this.recordCount++;
    this.onRecord(fields, this.recordCount);
  }
}

function nextStop(buf: string, from: number, delim: number): number {
  for (let k = from; k < buf.length; k++) {
    const c = buf.charCodeAt(k);
    if (c === delim || c === LF || c === CR) return k;
  }
  return buf.length;
}

function readQuoted(buf: string, from: number, final: boolean): { value: string; end: number } | undefined {
  let value = '';
  let j = from;
  for (;;) {
    const k = buf.indexOf('"', j);
    if (k === -1) return undefined;
    if (k + 1 === buf.length && !final) return undefined; // cannot tell "" from a closing quote yet
    if (buf.charCodeAt(k + 1) === QUOTE) {
      value += buf.slice(j, k + 1);
      j = k + 2;
      continue;
    }
    return { value: value + buf.slice(j, k), end: k + 1 };
  }
}

/** The delimiter of a CSV from its first record: the most frequent of , ; tab | outside quotes (comma on a tie). */
export function detectDelimiter(sample: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}
