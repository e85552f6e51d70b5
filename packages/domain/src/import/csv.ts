/** A CSV file as Swedish Excel and others write it: split into records of fields. Pure. */

export type Separator = ',' | ';' | '\t';

/**
 * The separator, from the top of the file: the candidate that occurs most often outside quotes
 * in its first lines (up to 20, so that a title row above the header does not decide alone).
 * Swedish Excel writes `;` (the comma is its decimal mark); others `,` or tab. A `sep=` line
 * (see `sepLine`) wins over this guess.
 */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    else if (!inQuotes && ch === '\n') lines++;
  }
  const order: Separator[] = [';', '\t', ','];
  let best: Separator = ';';
  for (const s of order) if (counts[s] > counts[best]) best = s;
  return best;
}

/**
 * Excel's `sep=;` first line (it hides the line and splits with that character): the separator
 * and the length of the line with its line break, or null when the text does not start so.
 */
export function sepLine(text: string): { separator: Separator; length: number } | null {
  const m = /^\ufeff?sep=([;,\t])[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (!m) return null;
  return { separator: m[1] as Separator, length: m[0].length };
}

/**
 * Splits text into records (RFC 4180: quoted fields may hold separators, quotes as `""`, and
 * line breaks). A record's index + 1 is its row number as a spreadsheet shows it.
 */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): string[][] {
  const records: string[][] = [];
  const parser = new CsvStreamParser(separator);
  parser.push(text, records);
  parser.end(records);
  return records;
}

/** A record longer than this is not a row of figures; holding it would let one line eat the memory. */
export const CSV_MAX_RECORD_CHARS = 1_000_000;

export class CsvRecordTooLongError extends Error {
  constructor(readonly recordNumber: number) {
    super(`Rad ${recordNumber} är längre än ${CSV_MAX_RECORD_CHARS} tecken: troligen ett citattecken (") som aldrig stängs. Kontrollera citattecknen på raden.`);
    this.name = 'CsvRecordTooLongError';
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The same splitting as `parseCsv`, fed text piece by piece, so that a file of any size is read
 * with only the current record in memory. A record cut by a chunk boundary waits, as raw text,
 * for the next chunk (records are short, so re-reading that tail costs nothing).
 */
export class CsvStreamParser {
  private pending = '';
  private isFirst = true;
  /** The last chunk ended on CR: a LF starting the next one belongs to that line break. */
  private skipLf = false;
  /** Records emitted so far: the next record's row number is this + 1. */
  recordCount = 0;
  private readonly sep: number;

  constructor(separator: Separator) {
    this.sep = separator.charCodeAt(0);
  }

  /** Parses `chunk`, appending each complete record to `out`. */
  push(chunk: string, out: string[][]): void {
    let text = this.pending === '' ? chunk : this.pending + chunk;
    if (this.isFirst && text.length > 0) {
      this.isFirst = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLf && text.length > 0) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    const consumed = this.scan(text, out, false);
    this.pending = text.slice(consumed);
    if (this.pending.length > CSV_MAX_RECORD_CHARS) throw new CsvRecordTooLongError(this.recordCount + 1);
  }

  /** The last record, when the text does not end with a line break. */
  end(out: string[][]): void {
    const text = this.pending;
    this.pending = '';
    if (text.length > 0) this.scan(text, out, true);
  }

  /** Emits complete records from `text`; returns where the first incomplete one starts. */
  private scan(text: string, out: string[][], isLast: boolean): number {
    const n = text.length;
    const sep = this.sep;
    let recordStart = 0;
    let record: string[] = [];
    let i = 0;
    for (;;) {
      // One field starts at i.
      let field: string;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let value = '';
        let from = j;
        for (;;) {
          if (j >= n) {
            if (!isLast) return recordStart;
            value += text.slice(from, n);
            break;
          }
          if (text.charCodeAt(j) === QUOTE) {
            if (j + 1 >= n && !isLast) return recordStart;
            if (text.charCodeAt(j + 1) === QUOTE) {
              value += text.slice(from, j + 1);
              j += 2;
              from = j;
              continue;
            }
            value += text.slice(from, j);
            j++;
            break;
          }
          j++;
        }
        // After the closing quote, anything up to the separator belongs to the field, as written.
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          k++;
        }
        field = k > j ? value + text.slice(j, k) : value;
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          k++;
        }
        field = text.slice(i, k);
        i = k;
      }
      if (i >= n) {
        if (!isLast) return recordStart;
        record.push(field);
        out.push(record);
        this.recordCount++;
        return n;
      }
      const c = text.charCodeAt(i);
      record.push(field);
      i++;
      if (c === sep) continue;
      if (c === CR) {
        if (i < n) {
          if (text.charCodeAt(i) === LF) i++;
        } else this.skipLf = true;
      }
      out.push(record);
      this.recordCount++;
      record = [];
      recordStart = i;
      if (i >= n) return n;
    }
  }
}

export type NumberParse = { ok: true; value: number } | { ok: false };

const PLAIN = /^[-+]?\d+([.,]\d+)?$/;
// Thousands grouped by a space, no-break space or narrow no-break space: `1 234,5`.
const GROUPED = /^[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;

/** A number as Swedes and others write it: `3,42`, `3.42`, `1 234,5`, `−2` (Unicode minus). */
export function parseNumber(raw: string): NumberParse {
  const s = raw.trim().replace(/^\u2212/, '-');
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { ok: false };
  const value = Number(s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
