import { z } from 'zod/mini';
import { releaseWarningSchema } from '../release/api.js';
import { suppressionReasonSchema } from '../schemas.js';
import { IMPORT_FIELDS } from './header.js';
import { parentRowsSchema, totalStatusSchema } from './totals.js';

/** The contract of `/api/imports`. */
export const importErrorSchema = z.object({
  row: z.int(),
  column: z.nullable(z.string()),
  message: z.string(),
});

const pairSchema = z.object({ numerator: z.number(), denominator: z.number() });

/**
 * Why a stored figure a change would replace is not shown: hidden in the figures every view
 * shows (`small_group`, `secondary`, `unknown_group_size`), or a part of its unit's total that is
 * never shown alone (`part_of_total`: a parent's own figure beside its units').
 */
export const importOldReasonSchema = z.enum([...suppressionReasonSchema.options, 'part_of_total']);
export type ImportOldReason = z.infer<typeof importOldReasonSchema>;

export const importChangeSchema = z.object({
  unitId: z.string(),
  metricKey: z.string(),
  year: z.int(),
  /**
   * The stored figure this replaces, only as every other view shows it: null when there is none,
   * or when it is hidden (`oldReason` then says why, and no number is given).
   */
  old: z.nullable(pairSchema),
  oldReason: z.nullable(importOldReasonSchema),
  new: pairSchema,
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/** Our field → the header in the file it is read from (the multipart field `mapping`, as JSON). */
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().check(z.maxLength(200)));

/**
 * A row for a unit that has units below it (a subtotal, "Summarader"): the row's figures, the sum
 * of the file's own rows for the units below, and what becomes of it. Figures from the file only.
 */
export const importTotalSchema = z.object({
  row: z.int(),
  /** Null for a row that names no unit ("Totalt"): a total of the whole file. */
  unitId: z.nullable(z.string()),
  unitName: z.nullable(z.string()),
  metricKey: z.string(),
  year: z.int(),
  file: pairSchema,
  below: z.nullable(pairSchema),
  rowsBelow: z.int(),
  status: totalStatusSchema,
  /** True only when stored as the unit's own figure (`parentRows: "own"`). */
  isStored: z.boolean(),
  message: z.string(),
});
export type ImportTotal = z.infer<typeof importTotalSchema>;

/** A preview (dry run), or a refused file (422): what would change, and the errors. */
export const importPreviewSchema = z.object({
  batchId: z.null(),
  rowsRead: z.int(),
  rowsValid: z.int(),
  /** The first 200 errors, in row order; `errorsTotal` counts them all. */
  errors: z.array(importErrorSchema),
  errorsTotal: z.int(),
  /** The first 200 changes, in row order; `changesTotal` counts them all. */
  changes: z.array(importChangeSchema),
  changesTotal: z.int(),
  fileName: z.string(),
  /** Notices that do not stop the import, per row: a missing group size, a rounded formula result. */
  warnings: z.array(importErrorSchema),
  warningsTotal: z.int(),
  /** Figures already shown that the import would hide from then on (see docs/privacy.md); the first 50. */
  hidesShown: z.array(releaseWarningSchema),
  hidesShownTotal: z.int(),
  /** Rows for units with units below them ("Summarader"), in row order, the first 200. */
  totals: z.array(importTotalSchema),
  totalsTotal: z.int(),
  /** What was done with those rows: checked and not stored (default), or stored as the units' own figures. */
  parentRows: parentRowsSchema,
  /** The file's header row as written. */
  headers: z.array(z.string()),
  /** The header's row number (title rows above it are not read); null when none was found. */
  headerRow: z.nullable(z.int()),
  /** XLSX: the sheet read, and every sheet of the workbook (another can be chosen). Null and empty for CSV. */
  sheet: z.nullable(z.string()),
  sheets: z.array(z.string()),
  /** CSV: how the text was read. Null for XLSX. */
  encoding: z.nullable(z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'])),
  separator: z.nullable(z.enum([';', ',', '\t'])),
  /** The columns in use, or, when `needsMapping`, our guesses to confirm. */
  mapping: importMappingSchema,
  /** The header row could not be read alone (a required column missing or twice): choose the columns. */
  needsMapping: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  batchId: z.int(),
  rowsRead: z.int(),
  rowsValid: z.int(),
  /** Rows not stored because they are subtotals of units below (`parentRows: "check"`). */
  totalsSkipped: z.int(),
  warningsTotal: z.int(),
  errors: z.array(importErrorSchema).check(z.maxLength(0)),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importBatchSchema = z.object({
  id: z.int(),
  fileName: z.string(),
  createdBy: z.nullable(z.string()),
  createdAt: z.string(),
  rowsRead: z.int(),
  rowsWritten: z.int(),
  undoneAt: z.nullable(z.string()),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const importBatchesResponseSchema = z.object({ batches: z.array(importBatchSchema) });

export const importQuerySchema = z.object({
  dryRun: z.optional(z.enum(['true', 'false', '1', '0'])),
  /** Also a form field: `check` (default) or `own`. */
  parentRows: z.optional(parentRowsSchema),
});

export const importBatchParamsSchema = z.object({ batchId: z.coerce.number().check(z.int(), z.positive()) });

export const importUndoResponseSchema = z.object({ batchId: z.int(), restored: z.int() });

/** Files larger than this are refused (413) unless configured otherwise (`IMPORT_MAX_MB`). */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
/** A preview lists at most this many changes, and at most this many errors. */
export const IMPORT_PREVIEW_CHANGES = 200;
export const IMPORT_PREVIEW_ERRORS = 200;
