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

export const IMPORT_FIELDS = ['unit', 'metric', 'year', 'numerator', 'denominator', 'groupSize', 'source'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['unit', 'metric', 'year', 'numerator', 'denominator'];

/** Our field → the file's header it is read from. */
export type ImportMapping = Partial<Record<ImportField, string>>;

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

/**
 * Words that hint at a field in headers we do not know (`Enhetskod`, `KPI`, `Period`, `Antal`,
 * `Bas`): only used to preselect a choice that a person confirms, never to read a file unasked.
 */
const HINTS: [ImportField, RegExp][] = [
  ['unit', /^(enhet|unit|kostnadsstalle|org|avdelning|verksamhet|arbetsplats)/],
  ['metric', /^(nyckeltal|kpi|matt|indikator|indicator|measure|metric|variabel)/],
  ['year', /^(ar|year|period|aret|tid|manad)/],
  ['numerator', /^(taljare|numerator|antal|count|varde|value|utfall)/],
  ['denominator', /^(namnare|denominator|bas|base|total|population|summa)/],
  ['groupSize', /^(grupp|group|individer|personer)/],
  ['source', /^(kalla|source|ursprung|system)/],
];

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

export interface HeaderMapping {
  columns: Map<ImportField, number>;
  errors: ImportError[];
  /** Field → header: the columns in use, or for a file we could not read alone, our best guesses. */
  suggested: ImportMapping;
}

/**
 * Which column holds which field: by the known Swedish and English names, or as `explicit` says
 * (a person's choice in the mapping step, which wins over the names).
 */
export function mapHeaders(header: readonly string[], explicit?: ImportMapping): HeaderMapping {
  const columns = new Map<ImportField, number>();
  const errors: ImportError[] = [];
  const trimmed = header.map((h) => h.trim());
  const taken = new Set<number>();
  if (explicit) {
    for (const field of IMPORT_FIELDS) {
      const name = explicit[field];
      if (name === undefined || name === '') continue;
      const index = trimmed.indexOf(name.trim());
      if (index === -1) {
        errors.push({ row: 1, column: name, message: `Kolumnen "${name}" finns inte i filens rubrikrad.` });
      } else if (taken.has(index)) {
        errors.push({ row: 1, column: name, message: `Kolumnen "${name}" är vald för två fält.` });
      } else {
        columns.set(field, index);
        taken.add(index);
      }
    }
  }
  trimmed.forEach((name, i) => {
    const field = ALIASES[normalizeName(name)];
    if (!field || taken.has(i) || (explicit?.[field] ?? '') !== '') return;
    if (columns.has(field)) {
      errors.push({ row: 1, column: name, message: `Kolumnen "${name}" finns två gånger.` });
    } else columns.set(field, i);
  });
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!columns.has(field) && !errors.some((e) => e.column === explicit?.[field])) {
      errors.push({
        row: 1,
        column: SWEDISH_NAME[field],
        message: `Kolumnen "${SWEDISH_NAME[field]}" saknas i rubrikraden.`,
      });
    }
  }
  return { columns, errors, suggested: suggestMapping(trimmed, columns) };
}

/** The columns in use, and for each field without one a header whose name hints at it. */
function suggestMapping(header: readonly string[], columns: ReadonlyMap<ImportField, number>): ImportMapping {
  const suggested: ImportMapping = {};
  const used = new Set(columns.values());
  for (const [field, i] of columns) suggested[field] = header[i];
  for (const [field, hint] of HINTS) {
    if (suggested[field] !== undefined) continue;
    const i = header.findIndex((h, j) => !used.has(j) && h !== '' && hint.test(normalizeName(h)));
    if (i !== -1) {
      suggested[field] = header[i];
      used.add(i);
    }
  }
  return suggested;
}

const twoDecimals = (n: number) => Number(n.toFixed(2)) === n;
const isShare = (m: ImportContext['metrics'][number]) =>
  m.scale === 'percent' &&
  (m.numeratorKind === 'persons' || m.numeratorKind === 'hours') &&
  m.numeratorKind === m.denominatorKind;

export interface RowKey {
  unitId: string;
  metricKey: string;
  year: number;
}

/** One row checked: its value when it has no errors; its key when readable, to find duplicates. */
export interface RowCheck {
  row: number;
  value: ImportValue | null;
  errors: readonly ImportError[];
  key: RowKey | null;
}

const NO_ERRORS: readonly ImportError[] = [];

/**
 * Checks one record at a time against the header's columns, so that a file of any size is
 * validated as it is read. Duplicates across rows are the caller's to find (a small file keeps a
 * map; the server lets a staging table's primary key find them). `null` for a blank row.
 */
export function createRowValidator(header: readonly string[], columns: ReadonlyMap<ImportField, number>, ctx: ImportContext) {
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
  // A file names few metrics, a million times over: normalising each cell again would dominate.
  const metricByText = new Map<string, (typeof ctx.metrics)[number] | null>();
  const findMetric = (text: string) => {
    let m = metricByText.get(text);
    if (m === undefined) {
      m = metricByName.get(normalizeName(text)) ?? null;
      if (metricByText.size < 10_000) metricByText.set(text, m);
    }
    return m;
  };

  const labels = new Map<ImportField, string>();
  for (const f of IMPORT_FIELDS) labels.set(f, header[columns.get(f) ?? -1]?.trim() || SWEDISH_NAME[f]);
  const label = (f: ImportField) => labels.get(f) ?? SWEDISH_NAME[f];
  const yearLabel = label('year');
  const maxYear = Math.min(2100, ctx.currentYear + 1);
  const at = (f: ImportField) => columns.get(f) ?? -1;
  const [unitAt, metricAt, yearAt, numeratorAt, denominatorAt, groupAt, sourceAt] = IMPORT_FIELDS.map(at);

  return (record: readonly string[], row: number): RowCheck | null => {
    if (record.every((c) => c.trim() === '')) return null;
    let rowErrors: ImportError[] | undefined;
    const err = (f: ImportField, message: string) => (rowErrors ??= []).push({ row, column: label(f), message });
    const cell = (c: number | undefined) => (c === undefined || c < 0 ? '' : (record[c] ?? '').trim());

    const unitText = cell(unitAt);
    let unitId: string | undefined = unitById.get(unitText.toLowerCase());
    if (!unitId) {
      const byName = unitsByName.get(unitText.toLowerCase()) ?? [];
      if (byName.length === 1) unitId = byName[0];
      else if (byName.length > 1) err('unit', `Flera enheter heter "${unitText}". Ange enhetens id i stället.`);
      else err('unit', unitText === '' ? 'Enhet saknas.' : `Enheten "${unitText}" finns inte.`);
    }

    const metricText = cell(metricAt);
    const metric = findMetric(metricText);
    if (!metric) err('metric', metricText === '' ? 'Nyckeltal saknas.' : `Nyckeltalet "${metricText}" finns inte.`);

    const yearText = cell(yearAt);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText)) err('year', `"${yearText}" är inte ett årtal (t.ex. 2024).`);
    else if (year < 1990 || year > maxYear) err('year', `Året ${yearText} ligger utanför 1990–${maxYear}.`);

    const quantity = (f: 'numerator' | 'denominator', c: number | undefined): number | null => {
      const text = cell(c);
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
    const numerator = quantity('numerator', numeratorAt);
    const denominator = quantity('denominator', denominatorAt);
    if (denominator === 0) err('denominator', 'Nämnaren får inte vara noll.');
    if (metric && numerator !== null && denominator !== null && denominator > 0 && isShare(metric) && numerator > denominator) {
      err('numerator', `Täljaren (${numerator}) är större än nämnaren (${denominator}); en andel kan inte överstiga 100 %.`);
    }

    let groupSize: number | null = null;
    const groupText = cell(groupAt);
    if (groupText !== '') {
      const parsed = parseNumber(groupText);
      if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0 || parsed.value > 10_000_000) {
        err('groupSize', `"${groupText}" är inte ett helt antal personer.`);
      } else groupSize = parsed.value;
    }

    const source = cell(sourceAt);
    if (source.length > 500) err('source', 'Källan är längre än 500 tecken.');

    // A row with errors whose unit, metric and year are readable can still be a duplicate.
    const key = unitId && metric && !rowErrors?.some((e) => e.column === yearLabel) ? { unitId, metricKey: metric.key, year } : null;
    if (rowErrors || !key || numerator === null || denominator === null) return { row, value: null, errors: rowErrors ?? NO_ERRORS, key };
    return { row, value: { row, ...key, numerator, denominator, groupSize, source: source || null }, errors: NO_ERRORS, key };
  };
}

export const duplicateMessage = (firstRow: number) => `Dubblett: samma enhet, nyckeltal och år som rad ${firstRow}.`;

/**
 * Turns parsed records (the first is the header) into values, or says for each row what is
 * wrong. Blank rows are skipped but keep their number, as in the spreadsheet. For files that fit
 * in memory; the server streams with `createRowValidator`.
 */
export function validateRecords(records: readonly (readonly string[])[], ctx: ImportContext, mapping?: ImportMapping): ImportValidation {
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) {
    return { rowsRead: 0, values: [], errors: [{ row: 1, column: null, message: 'Filen är tom eller saknar rubrikrad.' }] };
  }
  const { columns, errors } = mapHeaders(header, mapping);
  if (errors.length > 0) return { rowsRead: Math.max(0, records.length - 1), values: [], errors };
  const check = createRowValidator(header, columns, ctx);
  const values: ImportValue[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (let i = 1; i < records.length; i++) {
    const row = i + 1;
    const result = check(records[i] ?? [], row);
    if (result === null) continue;
    rowsRead++;
    const rowErrors = [...result.errors];
    if (result.key) {
      const key = `${result.key.unitId}|${result.key.metricKey}|${result.key.year}`;
      const first = seen.get(key);
      if (first !== undefined) rowErrors.push({ row, column: null, message: duplicateMessage(first) });
      else seen.set(key, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (result.value) values.push(result.value);
  }
  if (rowsRead === 0 && errors.length === 0) {
    errors.push({ row: 2, column: null, message: 'Filen har en rubrikrad men inga rader med värden.' });
  }
  return { rowsRead, values, errors };
}
