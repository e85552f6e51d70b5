import type { Metric, Unit } from '../schemas.js';
import { parseNumber } from './csv.js';

/** What is wrong, where: the row as a spreadsheet numbers it (header = 1) and the column's name. */
export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

/** One valid row of a file, ready to be written. */
export interface ImportValue {
  row: number;
  unitId: string;
  metricKey: string;
  year: number;
  numerator: number;
  denominator: number;
  groupSize: number | null;
  /** The file's source column, or null: the importer then names the file. */
  source: string | null;
}

export interface ImportValidation {
  rowsRead: number;
  values: ImportValue[];
  errors: ImportError[];
}

export type ImportField = 'unit' | 'metric' | 'year' | 'numerator' | 'denominator' | 'groupSize' | 'source';

const REQUIRED: readonly ImportField[] = ['unit', 'metric', 'year', 'numerator', 'denominator'];

/** The name a missing column is asked for by. */
const SWEDISH_NAME: Record<ImportField, string> = {
  unit: 'enhet',
  metric: 'nyckeltal',
  year: 'år',
  numerator: 'täljare',
  denominator: 'nämnare',
  groupSize: 'gruppstorlek',
  source: 'källa',
};

const ALIASES: Record<string, ImportField> = {
  enhet: 'unit',
  unit: 'unit',
  enhetsid: 'unit',
  unitid: 'unit',
  nyckeltal: 'metric',
  metric: 'metric',
  metrickey: 'metric',
  ar: 'year',
  year: 'year',
  taljare: 'numerator',
  numerator: 'numerator',
  namnare: 'denominator',
  denominator: 'denominator',
  gruppstorlek: 'groupSize',
  groupsize: 'groupSize',
  kalla: 'source',
  source: 'source',
};

/** Case-, accent- and punctuation-insensitive: `År` → `ar`, `Group size` → `groupsize`. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface ImportContext {
  units: readonly Pick<Unit, 'id' | 'name'>[];
  metrics: readonly Pick<Metric, 'key' | 'name' | 'numeratorKind' | 'denominatorKind' | 'scale'>[];
  /** Figures for years after this + 1 are refused. */
  currentYear: number;
}

export function mapHeaders(header: readonly string[]): { columns: Map<ImportField, number>; errors: ImportError[] } {
  const columns = new Map<ImportField, number>();
  const errors: ImportError[] = [];
  header.forEach((name, i) => {
    const field = ALIASES[normalizeName(name)];
    if (!field) return;
    if (columns.has(field)) {
      errors.push({ row: 1, column: name.trim(), message: `Kolumnen "${name.trim()}" finns två gånger.` });
    } else columns.set(field, i);
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) {
      errors.push({
        row: 1,
        column: SWEDISH_NAME[field],
        message: `Kolumnen "${SWEDISH_NAME[field]}" saknas i rubrikraden.`,
      });
    }
  }
  return { columns, errors };
}

const twoDecimals = (n: number) => Number(n.toFixed(2)) === n;
const isShare = (m: ImportContext['metrics'][number]) =>
  m.scale === 'percent' &&
  (m.numeratorKind === 'persons' || m.numeratorKind === 'hours') &&
  m.numeratorKind === m.denominatorKind;

/**
 * Turns parsed records (the first is the header) into values, or says for each row what is
 * wrong. Blank rows are skipped but keep their number, as in the spreadsheet.
 */
export function validateRecords(records: readonly (readonly string[])[], ctx: ImportContext): ImportValidation {
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) {
    return { rowsRead: 0, values: [], errors: [{ row: 1, column: null, message: 'Filen är tom eller saknar rubrikrad.' }] };
  }
  const { columns, errors } = mapHeaders(header);
  if (errors.length > 0) return { rowsRead: Math.max(0, records.length - 1), values: [], errors };

  const unitById = new Map(ctx.units.map((u) => [u.id.toLowerCase(), u.id]));
  const unitsByName = new Map<string, string[]>();
  for (const u of ctx.units) {
    const k = u.name.trim().toLowerCase();
    unitsByName.set(k, [...(unitsByName.get(k) ?? []), u.id]);
  }
  const metricByName = new Map<string, (typeof ctx.metrics)[number]>();
  for (const m of ctx.metrics) {
    for (const n of [m.name.sv, m.name.en]) metricByName.set(normalizeName(n), m);
  }
  for (const m of ctx.metrics) metricByName.set(normalizeName(m.key), m);

  const label = (f: ImportField) => header[columns.get(f) ?? -1]?.trim() || SWEDISH_NAME[f];
  const values: ImportValue[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;

  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (record.every((c) => c.trim() === '')) continue;
    rowsRead++;
    const row = i + 1;
    const rowErrors: ImportError[] = [];
    const err = (f: ImportField, message: string) => rowErrors.push({ row, column: label(f), message });
    const cell = (f: ImportField) => {
      const c = columns.get(f);
      return c === undefined ? '' : (record[c] ?? '').trim();
    };

    const unitText = cell('unit');
    let unitId: string | undefined = unitById.get(unitText.toLowerCase());
    if (!unitId) {
      const byName = unitsByName.get(unitText.toLowerCase()) ?? [];
      if (byName.length === 1) unitId = byName[0];
      else if (byName.length > 1) err('unit', `Flera enheter heter "${unitText}". Ange enhetens id i stället.`);
      else err('unit', unitText === '' ? 'Enhet saknas.' : `Enheten "${unitText}" finns inte.`);
    }

    const metricText = cell('metric');
    const metric = metricByName.get(normalizeName(metricText));
    if (!metric) err('metric', metricText === '' ? 'Nyckeltal saknas.' : `Nyckeltalet "${metricText}" finns inte.`);

    const yearText = cell('year');
    const year = Number(yearText);
    const maxYear = Math.min(2100, ctx.currentYear + 1);
    if (!/^\d{4}$/.test(yearText)) err('year', `"${yearText}" är inte ett årtal (t.ex. 2024).`);
    else if (year < 1990 || year > maxYear) err('year', `Året ${yearText} ligger utanför 1990–${maxYear}.`);

    const quantity = (f: 'numerator' | 'denominator'): number | null => {
      const text = cell(f);
      const parsed = parseNumber(text);
      if (!parsed.ok) {
        err(f, text === '' ? 'Värde saknas.' : `"${text}" är inte ett tal.`);
        return null;
      }
      if (parsed.value < 0) err(f, 'Får inte vara negativt.');
      else if (!twoDecimals(parsed.value)) err(f, `"${text}" har fler än två decimaler.`);
      else if (parsed.value > 1e12) err(f, 'Talet är för stort.');
      else return parsed.value;
      return null;
    };
    const numerator = quantity('numerator');
    const denominator = quantity('denominator');
    if (denominator === 0) err('denominator', 'Nämnaren får inte vara noll.');
    if (metric && numerator !== null && denominator !== null && denominator > 0 && isShare(metric) && numerator > denominator) {
      err('numerator', `Täljaren (${numerator}) är större än nämnaren (${denominator}); en andel kan inte överstiga 100 %.`);
    }

    let groupSize: number | null = null;
    const groupText = cell('groupSize');
    if (groupText !== '') {
      const parsed = parseNumber(groupText);
      if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0 || parsed.value > 10_000_000) {
        err('groupSize', `"${groupText}" är inte ett helt antal personer.`);
      } else groupSize = parsed.value;
    }

    const source = cell('source');
    if (source.length > 500) err('source', 'Källan är längre än 500 tecken.');

    if (unitId && metric && rowErrors.every((e) => e.column !== label('year'))) {
      const key = `${unitId}|${metric.key}|${year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rowErrors.push({
          row,
          column: null,
          message: `Dubblett: samma enhet, nyckeltal och år som rad ${first}.`,
        });
      } else seen.set(key, row);
    }

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (unitId && metric && numerator !== null && denominator !== null) {
      values.push({ row, unitId, metricKey: metric.key, year, numerator, denominator, groupSize, source: source || null });
    }
  }
  if (rowsRead === 0 && errors.length === 0) {
    errors.push({ row: 2, column: null, message: 'Filen har en rubrikrad men inga rader med värden.' });
  }
  return { rowsRead, values, errors };
}
