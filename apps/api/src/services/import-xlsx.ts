import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { UnsupportedFileError, type RecordBatch } from './import-read.js';
import { entryText, readZipDirectory, XLSX_LIMITS, XlsxBrokenError, type ZipEntry } from './xlsx-zip.js';

// The largest sheet Excel itself makes.
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;
/** Merged ranges kept while a sheet is read (an HR report has tens). */
const MAX_MERGES = 100_000;

/**
 * exceljs's streaming reader, used part by part: it unzips on its own, from the start of the
 * file to the end, trusting every size it meets. We unzip (capped, see `xlsx-zip.ts`) and hand
 * it each part as text. These are the reader's own methods for that (exceljs 4.4,
 * lib/stream/xlsx/workbook-reader.js), which its public types leave out.
 */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string; Type: string }[];
  sharedStrings?: unknown[];
}

export interface XlsxSheet {
  name: string;
  /** The part holding it, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
  isHidden: boolean;
}

export interface XlsxWorkbook {
  /** In the order of the workbook's tabs. */
  sheets: XlsxSheet[];
  /**
   * A sheet's rows as records of text, in batches: record i of the sheet is row i + 1. `isPeek`:
   * only the top rows are wanted (to find the header), so merged cells are not looked up.
   */
  read(sheet: XlsxSheet, options?: { batchSize?: number; isPeek?: boolean }): AsyncGenerator<RecordBatch>;
}

const SAVE_AS = 'Spara filen på nytt i Excel (eller som CSV) och försök igen.';

/** `worksheets/sheet1.xml` (relative to xl/) or `/xl/worksheets/sheet1.xml` → the zip's entry name. */
function partName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/**
 * Opens an XLSX workbook: its directory is read and every size checked against `XLSX_LIMITS`
 * before anything is unpacked; then the workbook, its relations, styles (to tell dates from
 * numbers) and shared strings, each unpacked with its cap. Sheets are read later, one at a time.
 */
export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  const entries = await readZipDirectory(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  const part = (name: string): ZipEntry => {
    const entry = entries.get(name);
    if (!entry) throw new XlsxBrokenError(`Excel-filen saknar ${name}: den är inte en Excel-arbetsbok (.xlsx). ${SAVE_AS}`);
    return entry;
  };
  const text = (entry: ZipEntry, cap: number, what: string) => Readable.from(entryText(path, entry, cap, what));

  await reader._parseWorkbook(text(part('xl/workbook.xml'), XLSX_LIMITS.partBytes, 'Arbetsboken (xl/workbook.xml)'));
  await reader._parseRels(text(part('xl/_rels/workbook.xml.rels'), XLSX_LIMITS.partBytes, 'Arbetsbokens relationer'));
  const rels = reader.workbookRels ?? [];
  // By the workbook's relations, else where Excel puts them.
  const target = (type: string, usual: string) => {
    const rel = rels.find((r) => r.Type.endsWith(`/${type}`));
    return (rel ? entries.get(partName(rel.Target)) : undefined) ?? entries.get(usual);
  };
  const styles = target('styles', 'xl/styles.xml');
  if (styles) await reader._parseStyles(text(styles, XLSX_LIMITS.partBytes, 'Formaten (xl/styles.xml)'));
  const strings = target('sharedStrings', 'xl/sharedStrings.xml');
  if (strings) {
    for await (const _ of reader._parseSharedStrings(text(strings, XLSX_LIMITS.sharedStringsBytes, 'Texterna (xl/sharedStrings.xml)'))) void _;
  } else reader.sharedStrings = [];

  const sheets: XlsxSheet[] = [];
  for (const s of reader.model?.sheets ?? []) {
    const rel = rels.find((r) => r.Id === s.rId);
    if (!rel || !rel.Type.endsWith('/worksheet')) continue; // a chart sheet has no rows
    sheets.push({ name: s.name, part: partName(rel.Target), isHidden: s.state === 'hidden' || s.state === 'veryHidden' });
  }
  if (sheets.length === 0) throw new XlsxBrokenError(`Excel-filen har inga blad med celler. ${SAVE_AS}`);

  return {
    sheets,
    async *read(sheet: XlsxSheet, { batchSize = 5000, isPeek = false } = {}): AsyncGenerator<RecordBatch> {
      const entry = part(sheet.part);
      const what = `Bladet "${sheet.name}"`;
      const merges = isPeek ? [] : await readMerges(path, entry, what);
      const worksheets = [...reader._parseWorksheet(entryText(path, entry, XLSX_LIMITS.sheetBytes, what), '0')];
      const worksheet = worksheets[0]?.value;
      if (!worksheet) return;
      yield* sheetRecords(worksheet, merges, batchSize);
    },
  };
}

interface Merge {
  top: number;
  bottom: number;
  column: number;
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The sheet's merged ranges that span rows (a unit's name merged over its rows). They are listed
 * after the rows in the sheet's XML, so they are read in a pass of their own first.
 */
async function readMerges(path: string, entry: ZipEntry, what: string): Promise<Merge[]> {
  const merges: Merge[] = [];
  const re = /<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;
  let carry = '';
  for await (const chunk of entryText(path, entry, XLSX_LIMITS.sheetBytes, what)) {
    const text = carry + chunk;
    re.lastIndex = 0;
    let last = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      last = re.lastIndex;
      const top = Number(m[2]);
      const bottom = Number(m[4]);
      if (bottom > top) merges.push({ top, bottom, column: columnNumber(m[1]!) });
      if (merges.length > MAX_MERGES) {
        throw new UnsupportedFileError(`${what} har fler än ${MAX_MERGES} sammanfogade celler. Ta bort sammanfogningen (Sammanfoga och centrera) och försök igen.`);
      }
    }
    carry = text.slice(Math.max(last, text.length - 200));
  }
  return merges.sort((a, b) => a.top - b.top);
}

/**
 * A sheet's rows as records of text in batches (rows Excel leaves out come as empty records, so
 * that row numbers are the ones Excel shows). Numbers are written as Swedish Excel shows them
 * (`61,33`), so a message quotes what the clerk sees. A merged cell's value is carried down to
 * the rows it covers that hold anything else. Formula results are marked, to be rounded.
 */
async function* sheetRecords(sheet: ExcelJS.stream.xlsx.WorksheetReader, merges: readonly Merge[], batchSize: number): AsyncGenerator<RecordBatch> {
  let batch: RecordBatch = { records: [], formulas: null };
  let next = 1;
  let pending = 0; // merges[pending] is the first that has not started yet
  let active: { merge: Merge; value: string }[] = [];
  const flush = function* (force: boolean): Generator<RecordBatch> {
    if (batch.records.length >= batchSize || (force && batch.records.length > 0)) {
      yield batch;
      batch = { records: [], formulas: null };
    }
  };
  for await (const row of sheet) {
    // Row and column numbers come from the file as written: a crafted one could name row two
    // billion. Excel's own limits bound them, and the gap before a row is handed on in batches.
    const values = row.values as ExcelJS.CellValue[];
    if (row.number > EXCEL_MAX_ROWS || values.length > EXCEL_MAX_COLUMNS + 1) {
      throw new UnsupportedFileError(`Arket är större än Excel tillåter (rad ${row.number}). Spara om filen i Excel och försök igen.`);
    }
    for (; next < row.number; next++) {
      batch.records.push([]);
      yield* flush(false);
    }
    const cells: string[] = [];
    let formulas: Set<number> | null = null;
    for (let c = 1; c < values.length; c++) {
      const value = values[c] ?? null;
      cells.push(cellText(value));
      if (isNumericFormula(value)) (formulas ??= new Set()).add(c - 1);
    }
    active = active.filter((a) => a.merge.bottom >= row.number);
    if (active.length > 0 && cells.some((t) => t !== '')) {
      for (const { merge, value } of active) {
        while (cells.length < merge.column) cells.push('');
        if (cells[merge.column - 1] === '') cells[merge.column - 1] = value;
      }
    }
    for (; pending < merges.length && merges[pending]!.top <= row.number; pending++) {
      const merge = merges[pending]!;
      if (merge.top === row.number) active.push({ merge, value: cells[merge.column - 1] ?? '' });
    }
    if (formulas) (batch.formulas ??= new Map()).set(batch.records.length, formulas);
    batch.records.push(cells);
    next = row.number + 1;
    yield* flush(false);
  }
  yield* flush(true);
}

function isNumericFormula(value: ExcelJS.CellValue): boolean {
  return value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) && typeof value.result === 'number';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Binary floating point from formulas (0.1 + 0.2): keep the decimal digits Excel shows.
  if (typeof value === 'number') return String(Number(value.toPrecision(15))).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(value.getUTCFullYear());
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

/** The first sheet's records, for readers that take a workbook as one table (the units import). */
export async function* readXlsxRecords(path: string, batchSize = 5000): AsyncGenerator<string[][]> {
  const workbook = await openWorkbook(path);
  const first = workbook.sheets[0];
  if (!first) return;
  for await (const batch of workbook.read(first, { batchSize })) yield batch.records;
}
