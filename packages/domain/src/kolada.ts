import { z } from 'zod/mini';

/**
 * Kolada (the open database of Swedish municipal key figures, run by RKA) answers data queries
 * with JSON pages. This module reads such pages, as saved files or as fetched, and turns them
 * into one row per KPI, municipality (or organisational unit), year and gender. Pure: no I/O.
 *
 * The two API versions differ in small ways that matter when reading them:
 * - v3 links pages with `next_url` / `previous_url`; v2 with `next_page` / `previous_page`
 *   (a last page may leave the link out or set it to null);
 * - v2 documents `period` as a string ("2022"); v3 sends a number. Both are accepted;
 * - unit-level data (`/v2/oudata/…`, `/v3/oudata/…`) has an `ou` key and, in v2, no
 *   `municipality`: for the usual unit ids (`V15E` + municipality code + …) we read the
 *   municipality out of the id;
 * - `value` is null (or left out) when Kolada has no figure, with the reason, if any, in
 *   `status` (Kolada shows such cells as `..`).
 */

export const KOLADA_GENDERS = ['T', 'K', 'M'] as const;
export type KoladaGender = (typeof KOLADA_GENDERS)[number];

/** A Kolada key figure id: a letter and five digits, e.g. N00090. */
export const koladaKpiSchema = z.string().check(
  z.trim(),
  z.regex(/^[A-Z]\d{5}$/, 'Ett Kolada-id är en versal och fem siffror, t.ex. N00090'),
);

/** A municipality code (0680 Jönköping) or a Kolada group id. */
export const koladaMunicipalitySchema = z.string().check(
  z.trim(),
  z.regex(/^[0-9A-Za-z]{1,16}$/, 'En kommunkod är t.ex. 0680 (Jönköping)'),
);

/** The key a saved page carries when its figures are made up (Tillit's demo pages): never from Kolada. */
export const KOLADA_SYNTHETIC_MARKER = 'tillit_synthetic';

export type KoladaApiVersion = 'v2' | 'v3' | 'unknown';

/** One normalised figure. */
export interface KoladaRow {
  kpi: string;
  /** Null only for a unit row whose municipality cannot be told from the data. */
  municipality: string | null;
  /** The organisational unit, for unit-level data; null for municipality data. */
  ou: string | null;
  period: number;
  gender: KoladaGender;
  value: number | null;
  /** Kolada's status text, null when empty. */
  status: string | null;
  /** Kolada's `count` (members behind a group's value); null when not given. */
  count: number | null;
  /** Which document (file or fetched page) the row came from, 0-based. */
  document: number;
  /** The page carries the synthetic marker: made-up figures in Kolada's format. */
  isSynthetic: boolean;
}

export interface KoladaParseError {
  /** The document's name: a file name or the URL a page was fetched from. */
  file: string;
  /** 1-based page within the document (a file may hold an array of pages); null for the whole document. */
  page: number | null;
  /** Where in the page, e.g. `values[3].values[0].gender`; empty for the page itself. */
  path: string;
  message: string;
}

export interface KoladaDocument {
  name: string;
  text: string;
}

export interface KoladaPageInfo {
  document: number;
  page: number;
  version: KoladaApiVersion;
  /** The link to the next page, if the page has one. */
  next: string | null;
  isSynthetic: boolean;
}

export interface KoladaParseResult {
  /** Figures read: one per gender entry. */
  rowsRead: number;
  rows: KoladaRow[];
  errors: KoladaParseError[];
  pages: KoladaPageInfo[];
}

const linkSchema = z.nullish(z.string());

const pageSchema = z.looseObject({
  values: z.array(z.unknown(), 'ska vara en lista med värden ("values": [...])'),
  count: z.optional(z.int().check(z.nonnegative())),
  next_url: linkSchema,
  previous_url: linkSchema,
  next_page: linkSchema,
  previous_page: linkSchema,
  [KOLADA_SYNTHETIC_MARKER]: z.optional(z.string()),
});

const periodSchema = z.union([
  z.int().check(z.gte(1900), z.lte(2100)),
  z.pipe(
    z.pipe(z.string().check(z.trim(), z.regex(/^\d{4}$/, 'ska vara ett årtal, t.ex. 2022')), z.transform(Number)),
    z.int().check(z.gte(1900), z.lte(2100)),
  ),
], 'ska vara ett årtal mellan 1900 och 2100, t.ex. 2022');

const entrySchema = z.looseObject({
  kpi: koladaKpiSchema,
  municipality: z.nullish(koladaMunicipalitySchema),
  ou: z.nullish(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  period: periodSchema,
  values: z.array(z.unknown(), 'ska vara en lista med kön och värde ("values": [{"gender": "T", …}])'),
});

/** Kolada's own API documentation writes women as `F` in places; its data says `K`. Both are women. */
const genderSchema = z.pipe(z.transform((g) => (g === 'F' ? 'K' : g)), z.enum(KOLADA_GENDERS, 'ska vara T (totalt), K eller F (kvinnor) eller M (män)'));

const genderValueSchema = z.looseObject({
  gender: genderSchema,
  status: z.nullish(z.string().check(z.maxLength(200))),
  value: z.nullish(z.number('ska vara ett tal eller null')),
  count: z.nullish(z.int().check(z.nonnegative())),
});

/** `V15E144001301` → `1440`: Kolada's unit ids start with V, two digits, E and the municipality code. */
export function municipalityOfOu(ou: string): string | null {
  return /^V\d{2}E(\d{4})/.exec(ou)?.[1] ?? null;
}

function versionOf(page: z.infer<typeof pageSchema>): KoladaApiVersion {
  if ('next_url' in page || 'previous_url' in page) return 'v3';
  if ('next_page' in page || 'previous_page' in page) return 'v2';
  return 'unknown';
}

const pathText = (base: string, path: readonly PropertyKey[]) =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}${acc ? '.' : ''}${String(p)}`), base);

function issues(error: z.core.$ZodError, base: string): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: pathText(base, i.path), message: i.message }));
}

const METADATA =
  'ser ut som Kolada-metadata (t.ex. /v3/kpi: nyckeltalens namn och beskrivningar), inte värden: hämta värdena från /v3/data/kpi/{kpi}/municipality/{kod}';

/** A page of KPI (or municipality) descriptions: entries with `id` and `title`, no `kpi`. */
function isMetadata(value: unknown): boolean {
  const list = (value as { values?: unknown })?.values;
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return first !== null && typeof first === 'object' && 'title' in first && 'id' in first && !('kpi' in first);
}

/** A page that is not a data page: say what it looks like, so the user knows what to fetch instead. */
function notAPage(value: unknown): string {
  if (Array.isArray(value)) return 'är en lista i en lista, väntade ett Kolada-svar: ett objekt med "values"';
  if (value === null || typeof value !== 'object') return `är ${value === null ? 'null' : typeof value}, väntade ett Kolada-svar: ett objekt med "values"`;
  if (isMetadata(value)) return METADATA;
  return 'saknar "values": väntade ett Kolada-svar från /v3/data/… eller /v2/data/…';
}

const keyOf = (r: KoladaRow) => `${r.kpi}|${r.municipality ?? ''}|${r.ou ?? ''}|${r.period}|${r.gender}`;

/**
 * Reads Kolada JSON documents: each a page object or an array of pages. Every problem is
 * reported with its file, page and path; the rows that could be read are returned too (for a
 * preview), but a caller writes nothing while there are errors.
 */
export function parseKoladaDocuments(documents: readonly KoladaDocument[]): KoladaParseResult {
  const result: KoladaParseResult = { rowsRead: 0, rows: [], errors: [], pages: [] };
  const seen = new Map<string, { row: KoladaRow; where: string }>();

  documents.forEach((doc, d) => {
    let json: unknown;
    try {
      json = JSON.parse(doc.text.replace(/^\uFEFF/, ''));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      result.errors.push({ file: doc.name, page: null, path: '', message: `Filen är inte JSON (${detail}). Spara svaret från Kolada som det är.` });
      return;
    }
    if (Array.isArray(json) && json.length === 0) {
      result.errors.push({ file: doc.name, page: null, path: '', message: 'Filen är en tom lista: väntade en eller flera Kolada-sidor.' });
      return;
    }
    // A saved answer is one page; several saved answers may be put in one file as a list.
    const pages: unknown[] = Array.isArray(json) ? json : [json];
    pages.forEach((raw, p) => {
      const err = (path: string, message: string) => result.errors.push({ file: doc.name, page: p + 1, path, message });
      if (isMetadata(raw)) {
        err('', `Sidan ${METADATA}.`);
        return;
      }
      const page = pageSchema.safeParse(raw);
      if (!page.success) {
        const hasValues = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'values' in raw;
        if (hasValues) for (const i of issues(page.error, '')) err(i.path, i.message);
        else err('', `Sidan ${notAPage(raw)}.`);
        return;
      }
      const isSynthetic = page.data[KOLADA_SYNTHETIC_MARKER] !== undefined;
      result.pages.push({
        document: d,
        page: p + 1,
        version: versionOf(page.data),
        next: page.data.next_url ?? page.data.next_page ?? null,
        isSynthetic,
      });
      page.data.values.forEach((rawEntry, e) => {
        const base = `values[${e}]`;
        const entry = entrySchema.safeParse(rawEntry);
        if (!entry.success) {
          const n = Array.isArray((rawEntry as { values?: unknown })?.values) ? (rawEntry as { values: unknown[] }).values.length : 1;
          result.rowsRead += n;
          for (const i of issues(entry.error, base)) err(i.path, i.message);
          return;
        }
        const { kpi, ou, period } = entry.data;
        const municipality = entry.data.municipality ?? (ou ? municipalityOfOu(ou) : null);
        if (!municipality && !ou) {
          result.rowsRead += entry.data.values.length;
          err(`${base}.municipality`, 'saknas: en rad behöver "municipality" (kommunkod) eller "ou" (enhet)');
          return;
        }
        entry.data.values.forEach((rawValue, g) => {
          result.rowsRead++;
          const gv = genderValueSchema.safeParse(rawValue);
          if (!gv.success) {
            for (const i of issues(gv.error, `${base}.values[${g}]`)) err(i.path, i.message);
            return;
          }
          const row: KoladaRow = {
            kpi,
            municipality,
            ou: ou ?? null,
            period,
            gender: gv.data.gender,
            value: gv.data.value ?? null,
            status: gv.data.status?.trim() ? gv.data.status.trim() : null,
            count: gv.data.count ?? null,
            document: d,
            isSynthetic,
          };
          const where = `${doc.name}, sida ${p + 1}, ${base}.values[${g}]`;
          const before = seen.get(keyOf(row));
          if (before) {
            // The same page saved twice is harmless; two different figures for one cell are not.
            if (before.row.value !== row.value || before.row.status !== row.status) {
              err(`${base}.values[${g}]`, `${kpi} ${municipality ?? ou} ${period} ${row.gender} finns redan med ett annat värde (${before.where}).`);
            }
            return;
          }
          seen.set(keyOf(row), { row, where });
          result.rows.push(row);
        });
      });
    });
  });
  // Nothing to import is said, not turned into an empty import.
  if (result.rows.length === 0 && result.errors.length === 0 && documents.length > 0) {
    const names = documents.map((d) => d.name).join(', ');
    result.errors.push({
      file: names,
      page: null,
      path: '',
      message: 'Inga värden att importera: sidan har inga värden ("values" är tom). Kontrollera nyckeltal, kommun och år i frågan till Kolada.',
    });
  }
  return result;
}

/** The Kolada v3 URL for one KPI, one municipality and the given years. */
export function koladaDataUrl(kpi: string, municipality: string, years: readonly number[], base = 'https://api.kolada.se/v3'): string {
  return `${base}/data/kpi/${encodeURIComponent(kpi)}/municipality/${encodeURIComponent(municipality)}/year/${years.join(',')}`;
}

/** The source text of made-up demo figures in Kolada's format. */
export const KOLADA_SYNTHETIC_SOURCE = 'Syntetiska exempelvärden i Kolada-format (inte hämtade från Kolada)';

/** The source of figures fetched live from Kolada: "Kolada (RKA), N00090, hämtad 2025-03-01". */
export const koladaFetchedSource = (kpi: string, date: string) => `Kolada (RKA), ${kpi}, hämtad ${date}`;

/** The source of figures from a saved Kolada page: when it was fetched is not known, only when it was imported. */
export const koladaImportedSource = (kpi: string, date: string, fileName: string) =>
  `Kolada (RKA), ${kpi}, importerad ${date} från filen ${fileName}`;
