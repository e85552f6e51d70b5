import {
  createRowValidator,
  duplicateMessage,
  EMPTY_FILE_MESSAGE,
  findHeaderRow,
  GROUP_SIZE_WARNING,
  HEADER_SEARCH_ROWS,
  IMPORT_PREVIEW_ERRORS,
  likelyHeaderRow,
  mapHeaders,
  NO_ROWS_MESSAGE,
  type ImportError,
  type ImportMapping,
  type ImportPreview,
  type ImportTotal,
  type ParentRows,
  type RowCheck,
} from '@tillit/domain';
import { toHundredths } from '../db/database.js';
import type { Staging, StageKind } from '../db/import-staging.js';
import { ValidationError } from '../errors.js';
import type { CatalogueService } from './catalogue.js';
import { FileContentError, openTable, type ImportTable, type RecordBatch } from './import-read.js';
import { resolveTotals, yearTrees, type PendingTotal } from './import-totals.js';
import type { UnitService } from './units.js';

export interface ScanOptions {
  /** Our field → the file's header, from the mapping step; fields left out go by their names. */
  mapping?: ImportMapping;
  /** XLSX: the sheet to read; by default the first with a header row. */
  sheet?: string;
  parentRows: ParentRows;
}

/** What reading a file found: counts, the first errors and warnings, its subtotals, and where its table is. */
export type Scan = Pick<
  ImportPreview,
  | 'rowsRead'
  | 'rowsValid'
  | 'errors'
  | 'errorsTotal'
  | 'warnings'
  | 'warningsTotal'
  | 'headers'
  | 'headerRow'
  | 'mapping'
  | 'needsMapping'
  | 'sheet'
  | 'sheets'
  | 'encoding'
  | 'separator'
> & { totals: ImportTotal[]; totalsSkipped: number };

/** The first `n` records of a sheet (or CSV), read and then left. A file unreadable from some row on gives the rows before it; the full read reports the error. */
async function peek(table: ImportTable, sheet: string | null, n: number): Promise<{ top: string[][]; error: FileContentError | null }> {
  const top: string[][] = [];
  try {
    for await (const batch of table.read(sheet, { isPeek: true })) {
      top.push(...batch.records.slice(0, n - top.length));
      if (top.length >= n) break;
    }
  } catch (err) {
    if (!(err instanceof FileContentError)) throw err;
    return { top, error: err };
  }
  return { top, error: null };
}

/**
 * Reads, checks and stages every row of a file: finds the sheet and the header row (title rows
 * above it are left), tells subtotal rows apart (a unit with units below it that year), and
 * stops at a header it cannot read alone.
 */
export async function scanFile(
  file: { path: string; fileName: string },
  options: ScanOptions,
  deps: { units: UnitService; catalogue: CatalogueService },
  staging: Staging,
): Promise<Scan> {
  const table = await openTable(file.path, file.fileName);
  const sheetNames = table.sheets.map((s) => s.name);
  if (options.sheet !== undefined && table.kind === 'xlsx' && !sheetNames.includes(options.sheet)) {
    const message = `Bladet "${options.sheet}" finns inte i arbetsboken. Bladen: ${sheetNames.map((n) => `"${n}"`).join(', ')}.`;
    throw new ValidationError(message, [{ path: 'body.sheet', message }]);
  }
  const result: Scan = {
    rowsRead: 0,
    rowsValid: 0,
    errors: [],
    errorsTotal: 0,
    warnings: [],
    warningsTotal: 0,
    headers: [],
    headerRow: null,
    mapping: {},
    needsMapping: false,
    sheet: null,
    sheets: sheetNames,
    encoding: table.encoding,
    separator: null,
    totals: [],
    totalsSkipped: 0,
  };
  const addError = (e: ImportError) => {
    result.errorsTotal++;
    if (result.errors.length < IMPORT_PREVIEW_ERRORS) result.errors.push(e);
  };
  const addWarning = (e: ImportError) => {
    result.warningsTotal++;
    if (result.warnings.length < IMPORT_PREVIEW_ERRORS) result.warnings.push(e);
  };

  // The sheet: the one chosen, else the first (visible) one with a header row among its top rows.
  const visible = table.sheets.filter((s) => !s.isHidden).map((s) => s.name);
  const candidates: (string | null)[] =
    table.kind === 'csv' ? [null] : options.sheet !== undefined ? [options.sheet] : visible.length > 0 ? visible : sheetNames;
  let chosen: { sheet: string | null; headerIndex: number } | null = null;
  let first: { sheet: string | null; top: string[][]; error: FileContentError | null } | null = null;
  for (const sheet of candidates) {
    const { top, error } = await peek(table, sheet, HEADER_SEARCH_ROWS);
    first ??= { sheet, top, error };
    const at = findHeaderRow(top, options.mapping);
    if (at !== null) {
      chosen = { sheet, headerIndex: at };
      break;
    }
  }
  result.separator = table.separator;
  if (!chosen) {
    // No header we read alone: ask which column is which, from the row most like a header.
    result.sheet = first?.sheet ?? null;
    const at = first ? likelyHeaderRow(first.top) : null;
    if (at === null || !first) {
      const e = first?.error;
      addError(e ? { row: e.row, column: null, message: e.message } : { row: 1, column: null, message: EMPTY_FILE_MESSAGE });
      return result;
    }
    const header = first.top[at]!.map((h) => h.trim());
    const mapped = mapHeaders(header, options.mapping, at + 1);
    Object.assign(result, { headers: header, headerRow: at + 1, mapping: mapped.suggested, needsMapping: true });
    mapped.errors.forEach(addError);
    return result;
  }

  result.sheet = chosen.sheet;
  const headerIndex = chosen.headerIndex;
  const trees = yearTrees(deps.units.organisation());
  const metrics = deps.catalogue.metrics();
  const bareRows = new Map<string, number>();
  const pending: PendingTotal[] = [];
  let check: ReturnType<typeof createRowValidator> | null = null;
  let index = -1; // the record's index in the sheet: row index + 1

  const take = (batch: RecordBatch) => {
    const checks: RowCheck[] = [];
    const kinds: StageKind[] = [];
    batch.records.forEach((record, k) => {
      index++;
      if (index < headerIndex) return;
      if (index === headerIndex) {
        const header = record.map((h) => h.trim());
        const mapped = mapHeaders(header, options.mapping, index + 1);
        Object.assign(result, { headers: header, headerRow: index + 1, mapping: mapped.suggested });
        check = createRowValidator(header, mapped.columns, { units: [...deps.units.byId().values()], metrics, currentYear: new Date().getFullYear() });
        return;
      }
      const c = check!(record, index + 1, batch.formulas?.get(k));
      if (c === null) return;
      result.rowsRead++;
      if (c.bareTotal) {
        const { metricKey, year } = c.bareTotal;
        const firstRow = bareRows.get(`${metricKey}|${year}`);
        if (firstRow !== undefined) return addError({ row: c.row, column: null, message: duplicateMessage(firstRow) });
        bareRows.set(`${metricKey}|${year}`, c.row);
        c.warnings.filter((w) => w.message !== GROUP_SIZE_WARNING).forEach(addWarning);
        pending.push({ row: c.row, unitId: null, metricKey, year, numeratorC: toHundredths(c.bareTotal.numerator), denominatorC: toHundredths(c.bareTotal.denominator) });
        return;
      }
      const v = c.value;
      const isTotal = v !== null && trees.hasChildren(v.unitId, v.year);
      checks.push(c);
      kinds.push(!isTotal ? 'row' : options.parentRows === 'own' ? 'own' : 'total');
    });
    const repeats = staging.add(checks, kinds);
    checks.forEach((c, k) => {
      c.errors.forEach(addError);
      const firstRow = repeats[k];
      if (firstRow != null) return addError({ row: c.row, column: null, message: duplicateMessage(firstRow) });
      if (c.errors.length > 0 || !c.value) return;
      const kind = kinds[k];
      // A subtotal that is not stored needs no group size of its own.
      c.warnings.filter((w) => kind !== 'total' || w.message !== GROUP_SIZE_WARNING).forEach(addWarning);
      if (kind !== 'total') result.rowsValid++;
      if (kind !== 'row') {
        const v = c.value;
        pending.push({ row: c.row, unitId: v.unitId, metricKey: v.metricKey, year: v.year, numeratorC: toHundredths(v.numerator), denominatorC: toHundredths(v.denominator) });
      }
    });
  };

  try {
    for await (const batch of table.read(chosen.sheet)) take(batch);
  } catch (err) {
    if (!(err instanceof FileContentError)) throw err;
    addError({ row: err.row, column: null, message: err.message });
  }
  result.separator = table.separator;
  if (result.rowsRead === 0 && result.errorsTotal === 0) {
    addError({ row: (result.headerRow ?? 1) + 1, column: null, message: NO_ROWS_MESSAGE });
  }
  result.totals = resolveTotals(pending, options.parentRows, staging, trees, deps.units);
  result.totalsSkipped = result.totals.filter((t) => !t.isStored).length;
  return result;
}
