import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from './api.js';
import {
  csvField,
  EXCEL_CSV,
  exportFileName,
  exportRows,
  formatCsvNumber,
  neutraliseText,
  PLAIN_CSV,
  toCsv,
  type CsvDialect,
  type ExportCell,
} from './export.js';

/** A small RFC 4180 reader, written independently of the writer, for the round trip. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let inQuotes = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        inQuotes = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (c === separator) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

const cellArb: fc.Arbitrary<ExportCell> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ';', ',', 'a', 'å', ' ', '1', '.') }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
  fc.constant(null),
);
const tableArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
const dialects: [string, CsvDialect][] = [
  ['excel', EXCEL_CSV],
  ['plain', PLAIN_CSV],
];

const readNumber = (text: string, dialect: CsvDialect) => Number(dialect.decimal === ',' ? text.replace(',', '.') : text);

describe.each(dialects)('toCsv (%s)', (_, dialect) => {
  it('round-trips every field through an RFC 4180 reader: text (neutralised), numbers, empties', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const parsed = parseCsv(toCsv(table, dialect), dialect.separator);
        expect(parsed.length).toBe(table.length);
        table.forEach((row, r) =>
          row.forEach((cell, c) => {
            const out = parsed[r]![c]!;
            if (cell === null) expect(out).toBe('');
            else if (typeof cell === 'number') expect(readNumber(out, dialect)).toBe(cell === 0 ? 0 : cell);
            else expect(out).toBe(neutraliseText(cell));
          }),
        );
        expect(parsed.every((row, r) => row.length === table[r]!.length)).toBe(true);
      }),
    );
  });

  it('never lets a text cell start like a formula; only numbers may start with -', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const parsed = parseCsv(toCsv(table, dialect), dialect.separator);
        table.forEach((row, r) =>
          row.forEach((cell, c) => {
            const out = parsed[r]![c]!;
            if (/^[=+\-@\t\r]/.test(out)) {
              expect(typeof cell).toBe('number');
              expect(Number.isNaN(readNumber(out, dialect))).toBe(false);
            }
          }),
        );
      }),
    );
  });
});

describe('CSV dialects', () => {
  it('writes the Excel dialect: BOM, semicolons, decimal comma, CRLF', () => {
    expect(toCsv([['År', 'Värde'], [2019, 3.42]], EXCEL_CSV)).toBe('\uFEFFÅr;Värde\r\n2019;3,42\r\n');
  });

  it('writes the plain dialect: no BOM, commas, decimal point', () => {
    expect(toCsv([['År', 'Värde'], [2019, 3.42]], PLAIN_CSV)).toBe('År,Värde\r\n2019,3.42\r\n');
  });

  it('quotes a field with the separator, a quote or a line break, and doubles quotes', () => {
    expect(csvField('a;b', EXCEL_CSV)).toBe('"a;b"');
    expect(csvField('a;b', PLAIN_CSV)).toBe('a;b');
    expect(csvField('sa "hej"', PLAIN_CSV)).toBe('"sa ""hej"""');
    expect(csvField('rad\nny', PLAIN_CSV)).toBe('"rad\nny"');
  });

  it('neutralises formulas in text but writes negative numbers as numbers', () => {
    expect(csvField('=HYPERLINK("x")', PLAIN_CSV)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2', EXCEL_CSV)).toBe("'-2");
    expect(csvField('@SUM(A1)', EXCEL_CSV)).toBe("'@SUM(A1)");
    expect(csvField(-2.5, EXCEL_CSV)).toBe('-2,5');
    expect(csvField(null, EXCEL_CSV)).toBe('');
  });

  it('writes numbers in plain digits, never in exponent form', () => {
    expect(formatCsvNumber(1e21, '.')).toBe('1000000000000000000000');
    expect(formatCsvNumber(1e-7, ',')).toBe('0,0000001');
    expect(formatCsvNumber(-0, '.')).toBe('0');
    expect(() => formatCsvNumber(Number.NaN, '.')).toThrow();
  });
});

describe('exportFileName', () => {
  it('makes Swedish names ASCII-safe', () => {
    expect(exportFileName(['Sjukfrånvaro bland chefer', 'Socialförvaltningen'], 'csv')).toBe(
      'sjukfranvaro-bland-chefer_socialforvaltningen.csv',
    );
    expect(exportFileName(['Äldreomsorg / Öst, "hem"'], 'xlsx')).toBe('aldreomsorg-ost-hem.xlsx');
    expect(exportFileName(['!!!'], 'svg')).toBe('tillit.svg');
  });
});

describe('exportRows', () => {
  const metric = { name: { sv: 'Sjukfrånvaro bland chefer', en: 'Sick leave among managers' }, decimals: 2 };
  const point = (p: Partial<Point>): Point => ({
    year: 2019,
    value: 3.4199999,
    numerator: 342,
    denominator: 10000,
    suppressed: false,
    reason: null,
    source: 'Jönköpings kommun',
    isSynthetic: false,
    coverage: { reported: 1, expected: 1, isFinal: false },
    ...p,
  });

  it('says a shown figure of a year not every unit has reported is incomplete', () => {
    const [row] = exportRows(metric, { name: 'Hemtjänst' }, [point({ year: 2026, coverage: { reported: 2, expected: 8, isFinal: false } })]);
    expect(row![6]).toBe('ofullständigt: 2 av 8 enheter har rapporterat');
    const [final] = exportRows(metric, { name: 'Hemtjänst' }, [point({ year: 2026, coverage: { reported: 2, expected: 8, isFinal: true } })]);
    expect(final![6]).toBe('visas');
  });

  it('rounds a shown value to the metric’s decimals and says it is shown', () => {
    expect(exportRows(metric, { name: 'Soc' }, [point({})])).toEqual([
      [2019, 'Soc', 'Sjukfrånvaro bland chefer', 3.42, 342, 10000, 'visas', 'Jönköpings kommun'],
    ]);
  });

  it('never writes a number for a hidden point, even one that wrongly carries numbers', () => {
    const [row] = exportRows(metric, { name: 'Enhet' }, [point({ suppressed: true, reason: 'small_group' })]);
    expect(row!.slice(3, 7)).toEqual([null, null, null, 'dold: liten grupp']);
    const [secondary] = exportRows(metric, { name: 'Enhet' }, [point({ suppressed: true, reason: 'secondary' })]);
    expect(secondary![6]).toMatch(/^dold/);
    const [missing] = exportRows(metric, { name: 'Enhet' }, [point({ value: null, numerator: null, denominator: null })]);
    expect(missing![6]).toBe('saknas');
  });
});
