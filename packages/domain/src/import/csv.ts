/** A CSV file as Swedish Excel and others write it: split into records of fields. Pure. */

export type Separator = ',' | ';' | '\t';

/**
 * The separator, from the header line: the candidate that occurs most often outside quotes.
 * Swedish Excel writes `;` (the comma is its decimal mark); others `,` or tab.
 */
export function detectSeparator(text: string): Separator {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of header) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const order: Separator[] = [';', '\t', ','];
  let best: Separator = ';';
  for (const s of order) if (counts[s] > counts[best]) best = s;
  return best;
}

/**
 * Splits text into records (RFC 4180: quoted fields may hold separators, quotes as `""`, and
 * line breaks). A record's index + 1 is its row number as a spreadsheet shows it.
 */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      inQuotes = true;
    } else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
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
