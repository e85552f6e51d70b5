import { roundTo } from './ratio.js';
import type { Point } from './api.js';
import { isIncomplete, type Coverage } from './org/coverage.js';
import type { Metric, Unit } from './schemas.js';

/** A cell of an exported table: text, a number, or empty (a hidden or missing figure). */
export type ExportCell = string | number | null;

export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
  /** A byte-order mark, so that Excel reads the file as UTF-8. */
  hasBom: boolean;
}

/** What Swedish Excel writes and reads: `;` between fields, decimal comma, UTF-8 with BOM. */
export const EXCEL_CSV: CsvDialect = { separator: ';', decimal: ',', hasBom: true };
/** For programs: `,` between fields, decimal point, no BOM. */
export const PLAIN_CSV: CsvDialect = { separator: ',', decimal: '.', hasBom: false };

export const CSV_FORMATS = { excel: EXCEL_CSV, plain: PLAIN_CSV } as const;
export type CsvFormat = keyof typeof CSV_FORMATS;

// A spreadsheet reads a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading `'`, so it stays text. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as plain digits (never `1e21`), with the dialect's decimal mark. */
export function formatCsvNumber(n: number, decimal: CsvDialect['decimal']): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot export ${n} as a number`);
  const s = expandExponent(String(n === 0 ? 0 : n));
  return decimal === '.' ? s : s.replace('.', decimal);
}

/** `1.5e+21` → `1500000000000000000000`, `5e-7` → `0.0000005`: the same digits, no exponent. */
function expandExponent(s: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!match) return s;
  const [, sign = '', whole = '', fraction = '', exp = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** One field, quoted per RFC 4180 when it holds the separator, a quote or a line break. */
export function csvField(cell: ExportCell, dialect: CsvDialect): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? formatCsvNumber(cell, dialect.decimal) : neutraliseText(cell);
  const needsQuotes = text.includes(dialect.separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: CRLF after every record (RFC 4180), a BOM when the dialect wants one. */
export function toCsv(rows: readonly (readonly ExportCell[])[], dialect: CsvDialect): string {
  const body = rows.map((row) => row.map((cell) => csvField(cell, dialect)).join(dialect.separator) + '\r\n').join('');
  return (dialect.hasBom ? '\uFEFF' : '') + body;
}

/** An ASCII-safe file name from Swedish names: `sjukfranvaro-bland-chefer_socialforvaltningen.csv`. */
export function exportFileName(parts: readonly string[], extension: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const name = parts.map(slug).filter((p) => p.length > 0).join('_') || 'tillit';
  return `${name}.${extension}`;
}

export const EXPORT_HEADER = ['År', 'Enhet', 'Nyckeltal', 'Värde', 'Täljare', 'Nämnare', 'Status', 'Källa'] as const;

/**
 * Why a row has no figure, in the export's words (Swedish, like Kolada's `..` but spelled out),
 * or that a shown figure is of a year not every expected unit has reported yet.
 */
export function exportStatus(point: Pick<Point, 'value' | 'suppressed' | 'reason'> & { coverage?: Coverage | null }): string {
  if (point.suppressed) {
    switch (point.reason) {
      case 'small_group':
        return 'dold: liten grupp';
      case 'secondary':
        return 'dold: skulle röja en annan dold siffra';
      case 'unknown_group_size':
        return 'dold: okänd gruppstorlek';
      default:
        return 'dold';
    }
  }
  if (point.value === null) return 'saknas';
  const c = point.coverage;
  return c && isIncomplete(c) ? `ofullständigt: ${c.reported} av ${c.expected} enheter har rapporterat` : 'visas';
}

/**
 * The rows of a unit's yearly series as exported. A hidden point gives empty number cells even
 * if a caller wrongly passes one with numbers: only the status says why.
 */
export function exportRows(
  metric: Pick<Metric, 'name' | 'decimals'>,
  unit: Pick<Unit, 'name'>,
  points: readonly Point[],
): ExportCell[][] {
  return points.map((p) => {
    const isShown = !p.suppressed;
    return [
      p.year,
      unit.name,
      metric.name.sv,
      isShown && p.value !== null ? roundTo(p.value, metric.decimals) : null,
      isShown ? p.numerator : null,
      isShown ? p.denominator : null,
      exportStatus(p),
      p.source,
    ];
  });
}
