import { normalizeName, type ImportError } from '../import/header.js';
import { unitIdSchema, unitKindSchema, type UnitKind } from '../schemas.js';

/** One valid row of a units file: a unit as the HR system describes it. */
export interface UnitFileRow {
  row: number;
  id: string;
  name: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Null when the file has no kind column: an existing unit keeps its kind. */
  kind: UnitKind | null;
}

export interface UnitFileValidation {
  rowsRead: number;
  units: UnitFileRow[];
  errors: ImportError[];
}

type Field = 'id' | 'name' | 'parent' | 'validFrom' | 'validTo' | 'kind';

const ALIASES: Record<string, Field> = {
  kod: 'id',
  enhetskod: 'id',
  code: 'id',
  unitcode: 'id',
  id: 'id',
  namn: 'name',
  enhetsnamn: 'name',
  name: 'name',
  overordnad: 'parent',
  overordnadenhet: 'parent',
  parent: 'parent',
  parentcode: 'parent',
  giltigfran: 'validFrom',
  validfrom: 'validFrom',
  giltigtill: 'validTo',
  validto: 'validTo',
  typ: 'kind',
  niva: 'kind',
  kind: 'kind',
};

const SWEDISH_NAME: Record<Field, string> = {
  id: 'kod',
  name: 'namn',
  parent: 'överordnad',
  validFrom: 'giltig från',
  validTo: 'giltig till',
  kind: 'typ',
};

const KIND_NAMES: Record<string, UnitKind> = {
  organisation: 'organisation',
  forvaltning: 'department',
  department: 'department',
  omrade: 'area',
  area: 'area',
  enhet: 'unit',
  unit: 'unit',
};

/**
 * A date in a units file: `2022-01-01`, or a bare year (`2022`, also what an Excel date cell
 * becomes), which means the first day of the year for a start and the last for an end.
 */
export function parseUnitDate(text: string, end: 'from' | 'to'): { ok: true; value: string | null } | { ok: false } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (/^\d{4}$/.test(t)) return { ok: true, value: end === 'from' ? `${t}-01-01` : `${t}-12-31` };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return { ok: false };
  const d = new Date(`${t}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) return { ok: false };
  return { ok: true, value: t };
}

/**
 * Turns the records of a units file (the first is the header; Swedish or English column names)
 * into units, or says for each row what is wrong. Codes are matched without regard to case and
 * stored in lower case. Whether the units fit together (parents, cycles, periods) is checked
 * afterwards against the whole organisation (`checkOrganisation`).
 */
export function validateUnitRecords(records: readonly (readonly string[])[]): UnitFileValidation {
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) {
    return { rowsRead: 0, units: [], errors: [{ row: 1, column: null, message: 'Filen är tom eller saknar rubrikrad.' }] };
  }
  const columns = new Map<Field, number>();
  const errors: ImportError[] = [];
  header.forEach((name, i) => {
    const field = ALIASES[normalizeName(name)];
    if (!field) return;
    if (columns.has(field)) errors.push({ row: 1, column: name.trim(), message: `Kolumnen "${name.trim()}" finns två gånger.` });
    else columns.set(field, i);
  });
  for (const field of ['id', 'name'] as const) {
    if (!columns.has(field)) {
      errors.push({ row: 1, column: SWEDISH_NAME[field], message: `Kolumnen "${SWEDISH_NAME[field]}" saknas i rubrikraden.` });
    }
  }
  if (errors.length > 0) return { rowsRead: Math.max(0, records.length - 1), units: [], errors };

  const label = (f: Field) => header[columns.get(f) ?? -1]?.trim() || SWEDISH_NAME[f];
  const units: UnitFileRow[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (record.every((c) => c.trim() === '')) continue;
    rowsRead++;
    const row = i + 1;
    const rowErrors: ImportError[] = [];
    const err = (f: Field, message: string) => rowErrors.push({ row, column: label(f), message });
    const cell = (f: Field) => {
      const c = columns.get(f);
      return c === undefined ? '' : (record[c] ?? '').trim();
    };
    const code = (f: 'id' | 'parent'): string | null => {
      const text = cell(f).toLowerCase();
      if (text === '') return null;
      if (!unitIdSchema.safeParse(text).success) {
        err(f, `"${cell(f)}" är ingen giltig kod: bara a–z, 0–9, - och _, högst 64 tecken.`);
        return null;
      }
      return text;
    };
    const id = code('id');
    if (cell('id') === '') err('id', 'Kod saknas.');
    const name = cell('name');
    if (name === '') err('name', 'Namn saknas.');
    else if (name.length > 200) err('name', 'Namnet är längre än 200 tecken.');
    const parentId = code('parent');
    if (id !== null && parentId === id) err('parent', 'En enhet kan inte ligga under sig själv.');
    const date = (f: 'validFrom' | 'validTo'): string | null => {
      const parsed = parseUnitDate(cell(f), f === 'validFrom' ? 'from' : 'to');
      if (parsed.ok) return parsed.value;
      err(f, `"${cell(f)}" är inte ett datum (t.ex. 2022-01-01) eller ett årtal.`);
      return null;
    };
    const validFrom = date('validFrom');
    const validTo = date('validTo');
    if (validFrom && validTo && validFrom > validTo) err('validTo', `Giltig till (${validTo}) ligger före giltig från (${validFrom}).`);
    let kind: UnitKind | null = null;
    const kindText = cell('kind');
    if (kindText !== '') {
      const k = KIND_NAMES[normalizeName(kindText)];
      if (k && unitKindSchema.safeParse(k).success) kind = k;
      else err('kind', `"${kindText}" är ingen typ: organisation, förvaltning, område eller enhet.`);
    }
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined) rowErrors.push({ row, column: label('id'), message: `Dubblett: samma kod som rad ${first}.` });
      else seen.set(id, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (id !== null) units.push({ row, id, name, parentId, validFrom, validTo, kind });
  }
  if (rowsRead === 0 && errors.length === 0) {
    errors.push({ row: 2, column: null, message: 'Filen har en rubrikrad men inga rader med enheter.' });
  }
  return { rowsRead, units, errors };
}

/** The column name a file used for a field, for errors found after parsing. */
export const UNIT_FILE_COLUMN: Record<'id' | 'name' | 'parentId' | 'validFrom' | 'validTo', string> = {
  id: SWEDISH_NAME.id,
  name: SWEDISH_NAME.name,
  parentId: SWEDISH_NAME.parent,
  validFrom: SWEDISH_NAME.validFrom,
  validTo: SWEDISH_NAME.validTo,
};
