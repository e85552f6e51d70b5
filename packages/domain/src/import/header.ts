/** The header row of an import file: which row it is, and which column holds which field. Pure. */

/** What is wrong, where: the row as a spreadsheet numbers it and the column's name. */
export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export const IMPORT_FIELDS = ['unit', 'metric', 'year', 'numerator', 'denominator', 'groupSize', 'source'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['unit', 'metric', 'year', 'numerator', 'denominator'];

/** Our field → the file's header it is read from. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** The header row is looked for among this many rows at the top (title and date rows above it). */
export const HEADER_SEARCH_ROWS = 20;

/** The name a missing column is asked for by. */
export const SWEDISH_NAME: Record<ImportField, string> = {
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

export interface HeaderMapping {
  columns: Map<ImportField, number>;
  errors: ImportError[];
  /** Field → header: the columns in use, or for a file we could not read alone, our best guesses. */
  suggested: ImportMapping;
}

const HEADER_HINT =
  'Rubrikraden ska ha kolumnerna Enhet, Nyckeltal, År, Täljare och Nämnare (på svenska eller engelska) och stå bland de 20 första raderna. Heter kolumnerna något annat: välj dem i förhandsgranskningen.';

/**
 * Which column holds which field: by the known Swedish and English names, or as `explicit` says
 * (a person's choice in the mapping step, which wins over the names). `row` is the header's row.
 */
export function mapHeaders(header: readonly string[], explicit?: ImportMapping, row = 1): HeaderMapping {
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
        errors.push({ row, column: name, message: `Kolumnen "${name}" finns inte i filens rubrikrad.` });
      } else if (taken.has(index)) {
        errors.push({ row, column: name, message: `Kolumnen "${name}" är vald för två fält.` });
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
      errors.push({ row, column: name, message: `Kolumnen "${name}" finns två gånger. Ta bort den ena eller ge den ett annat namn.` });
    } else columns.set(field, i);
  });
  let isFirstMissing = true;
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!columns.has(field) && !errors.some((e) => e.column === explicit?.[field])) {
      const name = SWEDISH_NAME[field];
      const hint = isFirstMissing ? ` ${HEADER_HINT}` : '';
      isFirstMissing = false;
      errors.push({ row, column: name, message: `Kolumnen "${name}" saknas i rubrikraden.${hint}` });
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

const isBlank = (record: readonly string[]) => record.every((c) => c.trim() === '');

/**
 * The header among the first rows (title and date rows above it are common): the first record
 * whose cells name every required field (by our names, or as `explicit` maps them). Null when none.
 */
export function findHeaderRow(records: readonly (readonly string[])[], explicit?: ImportMapping): number | null {
  const n = Math.min(records.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (!isBlank(r) && mapHeaders(r, explicit).errors.length === 0) return i;
  }
  return null;
}

/**
 * For a file whose header we cannot read alone: the row most like a header (most cells that are
 * or hint at one of our fields), else the first row that is not blank. Null for an empty file.
 */
export function likelyHeaderRow(records: readonly (readonly string[])[]): number | null {
  const n = Math.min(records.length, HEADER_SEARCH_ROWS);
  let best: number | null = null;
  let bestScore = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    if (isBlank(r)) continue;
    best ??= i;
    const score = r.filter((c) => {
      const k = normalizeName(c);
      return k !== '' && (ALIASES[k] !== undefined || HINTS.some(([, hint]) => hint.test(k)));
    }).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
