import type { Metric, Unit, ValueRow } from '../schemas.js';
import { parseNumber } from './csv.js';
import {
  findHeaderRow,
  IMPORT_FIELDS,
  mapHeaders,
  normalizeName,
  SWEDISH_NAME,
  type ImportError,
  type ImportField,
  type ImportMapping,
} from './header.js';
import { closestNames, foldName, isBareTotalLabel, swedishList, withoutTotalWord } from './names.js';

export * from './header.js';

/** One valid row of a file, ready to be written. */
export interface ImportValue extends ValueRow {
  row: number;
  /** The file's source column, or null: the importer then names the file. */
  source: string | null;
}

export interface ImportValidation {
  rowsRead: number;
  values: ImportValue[];
  errors: ImportError[];
}

export type ImportMetric = Pick<
  Metric,
  'key' | 'name' | 'numeratorKind' | 'denominatorKind' | 'scale' | 'bounded' | 'suppressionThreshold'
>;

export interface ImportContext {
  units: readonly Pick<Unit, 'id' | 'name'>[];
  metrics: readonly ImportMetric[];
  /** Figures for years after this + 1 are refused. */
  currentYear: number;
}

/** Values are stored in hundredths: a formula's result is rounded to this many decimals. */
export const QUANTITY_DECIMALS = 2;

/** Up to this many units are listed by name in a "not found" message; more are referred to the organisation page. */
const LIST_UNITS_UP_TO = 30;
/** Suggestions (edit distance) are worked out for this many distinct unknown names; a file full of them gets plain messages after that. */
const SUGGEST_FOR = 500;

const twoDecimals = (n: number) => Number(n.toFixed(QUANTITY_DECIMALS)) === n;
/** A number as Swedish Excel shows it: `61,33`. */
export const swedishNumber = (n: number) => String(n).replace('.', ',');

/** A metric whose figures need a stated group size to be shown: its denominator does not count persons. */
export const needsGroupSize = (m: Pick<Metric, 'denominatorKind' | 'suppressionThreshold'>) =>
  m.denominatorKind !== 'persons' && m.suppressionThreshold !== null;

export const EMPTY_FILE_MESSAGE =
  'Filen är tom eller saknar rubrikrad. Rubrikraden, med kolumnerna Enhet, Nyckeltal, År, Täljare och Nämnare, ska stå bland de 20 första raderna.';
export const NO_ROWS_MESSAGE = 'Filen har en rubrikrad men inga rader med värden under den. Lägg till raderna under rubrikraden.';

export const GROUP_SIZE_WARNING =
  'Gruppstorlek saknas: värdet visas inte för enheten (dolt) men räknas som minst en person i summorna ovanför. Ange antal personer i kolumnen gruppstorlek.';

export interface RowKey {
  unitId: string;
  metricKey: string;
  year: number;
}

/** A valid row whose unit cell says only "Totalt" or "Summa": a total of the whole file, naming no unit. */
export interface BareTotal {
  metricKey: string;
  year: number;
  numerator: number;
  denominator: number;
}

/** One row checked: its value when it has no errors; its key when readable, to find duplicates. */
export interface RowCheck {
  row: number;
  value: ImportValue | null;
  errors: readonly ImportError[];
  /** What the clerk should know but need not fix: a missing group size, a rounded formula. */
  warnings: readonly ImportError[];
  key: RowKey | null;
  bareTotal: BareTotal | null;
}

const NONE: readonly ImportError[] = [];

/** Remembers a function's answers for up to `cap` distinct texts (a file repeats few names a million times). */
function memo<T>(fn: (text: string) => T, cap = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      if (cache.size < cap) cache.set(text, v);
    }
    return v as T;
  };
}

type UnitMatch = { id: string } | { ambiguous: string[] } | { bare: true } | null;

function unitMatcher(units: ImportContext['units']) {
  const byId = new Map(units.map((u) => [u.id.toLowerCase(), u.id]));
  const byName = new Map<string, string[]>();
  for (const u of units) {
    const k = foldName(u.name);
    byName.set(k, [...(byName.get(k) ?? []), u.id]);
  }
  const exact = (folded: string): UnitMatch => {
    const id = byId.get(folded);
    if (id) return { id };
    const named = byName.get(folded) ?? [];
    if (named.length === 1) return { id: named[0]! };
    if (named.length > 1) return { ambiguous: named };
    return null;
  };
  const names = units.map((u) => u.name);
  let suggested = 0;
  const notFound = memo((text: string): string => {
    const close = suggested++ < SUGGEST_FOR ? closestNames(text, names) : [];
    const guess = close.length > 0 ? ` Menade du ${swedishList(close)}?` : '';
    const valid =
      units.length <= LIST_UNITS_UP_TO
        ? ` Enheterna: ${swedishList(names)}.`
        : ' Skriv enhetens namn som under Organisation, eller dess id.';
    return `Enheten "${text}" finns inte.${guess}${valid}`;
  });
  return {
    find: memo((text: string): UnitMatch => {
      const folded = foldName(text);
      const hit = exact(folded);
      if (hit) return hit;
      if (isBareTotalLabel(folded)) return { bare: true };
      const inner = withoutTotalWord(folded);
      return inner === null ? null : exact(inner);
    }),
    notFound,
  };
}

function metricMatcher(metrics: ImportContext['metrics']) {
  const byName = new Map<string, ImportMetric>();
  for (const m of metrics) for (const n of [m.name.sv, m.name.en]) byName.set(normalizeName(n), m);
  for (const m of metrics) byName.set(normalizeName(m.key), m);
  const names = metrics.map((m) => m.name.sv);
  const all = [...names, ...metrics.flatMap((m) => [m.name.en, m.key])];
  let suggested = 0;
  return {
    find: memo((text: string) => byName.get(normalizeName(text)) ?? null),
    notFound: memo((text: string): string => {
      const close = suggested++ < SUGGEST_FOR ? closestNames(text, all) : [];
      const guess = close.length > 0 ? ` Menade du ${swedishList(close)}?` : '';
      return `Nyckeltalet "${text}" finns inte.${guess} Giltiga nyckeltal: ${swedishList(names)} (på svenska eller engelska, eller med nyckeln, t.ex. ${metrics[0]?.key ?? 'staff_turnover'}).`;
    }),
  };
}

/**
 * Checks one record at a time against the header's columns, so that a file of any size is
 * validated as it is read. Duplicates across rows are the caller's to find (a small file keeps a
 * map; the server lets a staging table's primary key find them). `null` for a blank row.
 * `formulas`: the columns of this record whose cells hold a formula's result (XLSX), rounded
 * to two decimals with a notice instead of refused.
 */
export function createRowValidator(header: readonly string[], columns: ReadonlyMap<ImportField, number>, ctx: ImportContext) {
  const units = unitMatcher(ctx.units);
  const metrics = metricMatcher(ctx.metrics);

  const labels = new Map<ImportField, string>();
  for (const f of IMPORT_FIELDS) labels.set(f, header[columns.get(f) ?? -1]?.trim() || SWEDISH_NAME[f]);
  const label = (f: ImportField) => labels.get(f) ?? SWEDISH_NAME[f];
  const yearLabel = label('year');
  const maxYear = Math.min(2100, ctx.currentYear + 1);
  const at = (f: ImportField) => columns.get(f) ?? -1;
  const [unitAt, metricAt, yearAt, numeratorAt, denominatorAt, groupAt, sourceAt] = IMPORT_FIELDS.map(at);

  return (record: readonly string[], row: number, formulas?: ReadonlySet<number>): RowCheck | null => {
    if (record.every((c) => c.trim() === '')) return null;
    let rowErrors: ImportError[] | undefined;
    let rowWarnings: ImportError[] | undefined;
    const err = (f: ImportField, message: string) => (rowErrors ??= []).push({ row, column: label(f), message });
    const warn = (f: ImportField, message: string) => (rowWarnings ??= []).push({ row, column: label(f), message });
    const cell = (c: number | undefined) => (c === undefined || c < 0 ? '' : (record[c] ?? '').trim());

    const unitText = cell(unitAt);
    const unit = unitText === '' ? null : units.find(unitText);
    let unitId: string | undefined;
    let isBare = false;
    if (unit && 'id' in unit) unitId = unit.id;
    else if (unit && 'bare' in unit) isBare = true;
    else if (unit && 'ambiguous' in unit) {
      err('unit', `Flera enheter heter "${unitText}" (${unit.ambiguous.join(', ')}). Skriv enhetens id i stället.`);
    } else err('unit', unitText === '' ? 'Enhet saknas. Skriv enhetens namn eller id.' : units.notFound(unitText));

    const metricText = cell(metricAt);
    const metric = metricText === '' ? null : metrics.find(metricText);
    if (!metric) {
      err('metric', metricText === '' ? 'Nyckeltal saknas. Skriv nyckeltalets namn (t.ex. Personalomsättning) eller nyckel.' : metrics.notFound(metricText));
    }

    const yearText = cell(yearAt);
    const year = Number(yearText);
    if (yearText === '') err('year', 'År saknas. Skriv året med fyra siffror, t.ex. 2024.');
    else if (!/^\d{4}$/.test(yearText)) err('year', `"${yearText}" är inte ett årtal. Skriv året med fyra siffror, t.ex. 2024.`);
    else if (year < 1990 || year > maxYear) err('year', `Året ${yearText} ligger utanför 1990–${maxYear}. Rätta året.`);

    const quantity = (f: 'numerator' | 'denominator', c: number): number | null => {
      const text = cell(c);
      const name = f === 'numerator' ? 'Täljaren' : 'Nämnaren';
      const parsed = parseNumber(text);
      if (!parsed.ok) {
        err(
          f,
          text === ''
            ? `Värde saknas. Skriv ${name.toLowerCase()} som ett tal, t.ex. 12,5.`
            : `"${text}" är inte ett tal. Skriv bara siffror, med decimalkomma (t.ex. 12,5), utan enhet eller procenttecken.`,
        );
        return null;
      }
      let value = parsed.value;
      if (value < 0) {
        err(f, `"${text}" är negativt. ${name} räknar personer eller timmar och kan inte vara mindre än 0.`);
        return null;
      }
      if (!twoDecimals(value)) {
        const rounded = Number(value.toFixed(QUANTITY_DECIMALS));
        if (!formulas?.has(c)) {
          err(f, `"${text}" har fler än två decimaler. Avrunda till två decimaler (${swedishNumber(rounded)}).`);
          return null;
        }
        warn(f, `Formelresultatet ${text} avrundades till ${swedishNumber(rounded)} (värden lagras med två decimaler).`);
        value = rounded;
      }
      if (value > 1e12) {
        err(f, `"${text}" är för stort (högst 1 000 000 000 000).`);
        return null;
      }
      return value;
    };
    const numerator = quantity('numerator', numeratorAt!);
    const denominator = quantity('denominator', denominatorAt!);
    if (denominator === 0) err('denominator', 'Nämnaren är 0. Den måste vara större än noll; saknar enheten underlag det året, ta bort raden.');
    if (metric?.bounded && numerator !== null && denominator !== null && denominator > 0 && numerator > denominator) {
      err(
        'numerator',
        `Täljaren (${swedishNumber(numerator)}) är större än nämnaren (${swedishNumber(denominator)}), men "${metric.name.sv}" är en andel och kan inte överstiga 100 %. Kontrollera att täljare och nämnare inte har bytt plats.`,
      );
    }

    let groupSize: number | null = null;
    const groupText = cell(groupAt);
    if (groupText !== '') {
      const parsed = parseNumber(groupText);
      if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0 || parsed.value > 10_000_000) {
        err('groupSize', `"${groupText}" är inte ett helt antal personer. Skriv antalet personer som ett heltal (t.ex. 12), eller lämna tomt.`);
      } else groupSize = parsed.value;
    }
    // A person-count denominator is the group: a group size that says otherwise would show a
    // figure about one person as if it were about fifty.
    if (metric?.denominatorKind === 'persons' && groupSize !== null && denominator !== null && denominator > 0 && Math.abs(groupSize - denominator) >= 1) {
      err(
        'groupSize',
        `Gruppstorleken ${groupText} stämmer inte med nämnaren ${swedishNumber(denominator)}: för "${metric.name.sv}" räknar nämnaren personerna, och den är gruppens storlek. Lämna gruppstorlek tom eller skriv ${Math.round(denominator)}.`,
      );
    }
    if (metric && groupSize === null && needsGroupSize(metric) && !isBare) warn('groupSize', GROUP_SIZE_WARNING);

    const source = cell(sourceAt);
    if (source.length > 500) err('source', `Källan är ${source.length} tecken lång; högst 500 går. Korta texten.`);

    const errors = rowErrors ?? NONE;
    const warnings = rowWarnings ?? NONE;
    const isYearOk = !rowErrors?.some((e) => e.column === yearLabel);
    if (isBare) {
      const ok = !rowErrors && metric && numerator !== null && denominator !== null;
      const bareTotal = ok ? { metricKey: metric.key, year, numerator, denominator } : null;
      return { row, value: null, errors, warnings, key: null, bareTotal };
    }
    // A row with errors whose unit, metric and year are readable can still be a duplicate.
    const key = unitId && metric && isYearOk ? { unitId, metricKey: metric.key, year } : null;
    if (rowErrors || !key || numerator === null || denominator === null) return { row, value: null, errors, warnings, key, bareTotal: null };
    const value = { row, ...key, numerator, denominator, groupSize, source: source || null };
    return { row, value, errors, warnings, key, bareTotal: null };
  };
}

export const duplicateMessage = (firstRow: number) =>
  `Dubblett: samma enhet, nyckeltal och år som rad ${firstRow}. Ta bort en av raderna, eller rätta enhet, nyckeltal eller år.`;

/**
 * Turns parsed records into values, or says for each row what is wrong: the header is the first
 * of the top rows that names our columns, rows above it (titles) are not read. Blank rows are
 * skipped but keep their number, as in the spreadsheet. For files that fit in memory; the
 * server streams with `createRowValidator`.
 */
export function validateRecords(records: readonly (readonly string[])[], ctx: ImportContext, mapping?: ImportMapping): ImportValidation {
  const at = findHeaderRow(records, mapping) ?? records.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = at === -1 ? undefined : records[at];
  if (!header) {
    return { rowsRead: 0, values: [], errors: [{ row: 1, column: null, message: EMPTY_FILE_MESSAGE }] };
  }
  const { columns, errors } = mapHeaders(header, mapping, at + 1);
  if (errors.length > 0) return { rowsRead: Math.max(0, records.length - at - 1), values: [], errors };
  const check = createRowValidator(header, columns, ctx);
  const values: ImportValue[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (let i = at + 1; i < records.length; i++) {
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
    errors.push({ row: at + 2, column: null, message: NO_ROWS_MESSAGE });
  }
  return { rowsRead, values, errors };
}
