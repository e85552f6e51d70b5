import { z } from 'zod';
import { IMPORT_FIELDS } from './rows.js';

/** The contract of `/api/imports`. */
export const importErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

const pairSchema = z.object({ numerator: z.number(), denominator: z.number() });

export const importChangeSchema = z.object({
  unitId: z.string(),
  metricKey: z.string(),
  year: z.number().int(),
  old: pairSchema.nullable(),
  new: pairSchema,
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/** Our field → the header in the file it is read from (the multipart field `mapping`, as JSON). */
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));

/** A preview (dry run), or a refused file (422): what would change, and the errors. */
export const importPreviewSchema = z.object({
  batchId: z.null(),
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  /** The first 200 errors, in row order; `errorsTotal` counts them all. */
  errors: z.array(importErrorSchema),
  errorsTotal: z.number().int(),
  /** The first 200 changes, in row order; `changesTotal` counts them all. */
  changes: z.array(importChangeSchema),
  changesTotal: z.number().int(),
  fileName: z.string(),
  /** The file's header row as written. */
  headers: z.array(z.string()),
  /** The columns in use, or, when `needsMapping`, our guesses to confirm. */
  mapping: importMappingSchema,
  /** The header row could not be read alone (a required column missing or twice): choose the columns. */
  needsMapping: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  batchId: z.number().int(),
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  errors: z.array(importErrorSchema).max(0),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importBatchSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const importBatchesResponseSchema = z.object({ batches: z.array(importBatchSchema) });

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false', '1', '0']).optional(),
});

export const importBatchParamsSchema = z.object({ batchId: z.coerce.number().int().positive() });

export const importUndoResponseSchema = z.object({ batchId: z.number().int(), restored: z.number().int() });

/** Files larger than this are refused (413) unless configured otherwise (`IMPORT_MAX_MB`). */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
/** A preview lists at most this many changes, and at most this many errors. */
export const IMPORT_PREVIEW_CHANGES = 200;
export const IMPORT_PREVIEW_ERRORS = 200;
