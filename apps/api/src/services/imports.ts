import {
  createRowValidator,
  duplicateMessage,
  IMPORT_PREVIEW_CHANGES,
  IMPORT_PREVIEW_ERRORS,
  mapHeaders,
  type ImportBatch,
  type ImportError,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
  type RowCheck,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import { createStaging, type Staging } from '../db/import-staging.js';
import { changedSinceBatch, getBatch, insertBatch, listBatches, markBatchUndone, restoreBatch } from '../db/imports.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';
import { FileContentError, readRecords } from './import-read.js';
import type { UnitService } from './units.js';

export { FileTooLargeError, UnsupportedFileError } from './import-read.js';

/** An uploaded file, already on disk (the route streams it there; the CLI names it). */
export interface ImportFile {
  fileName: string;
  path: string;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Our field → the file's header, from the mapping step; fields left out go by their names. */
  mapping?: ImportMapping;
}

export type ImportOutcome =
  | { status: 200; body: ImportPreview }
  | { status: 422; body: ImportPreview }
  | { status: 201; body: ImportResult };

interface Deps {
  units: UnitService;
  catalogue: CatalogueService;
  data: { bump: () => void };
}

/** What reading a file found: counts, the first errors, and its header row as understood. */
interface Scan {
  rowsRead: number;
  rowsValid: number;
  errors: ImportError[];
  errorsTotal: number;
  headers: string[];
  mapping: ImportMapping;
  needsMapping: boolean;
}

/**
 * Imports values from a CSV or XLSX file (first sheet): all of the file in one transaction, or
 * nothing. The file is read as a stream, row by row, into a staging table, so that a million rows
 * need neither the file nor the rows in memory. Each import is a batch that remembers the values
 * it replaced, so that it can be undone exactly.
 */
export function createImportService(db: Db, { units, catalogue, data }: Deps) {
  /** Reads, checks and stages every row; stops at a header it cannot read alone. */
  const scan = async (file: ImportFile, mapping: ImportMapping | undefined, staging: Staging): Promise<Scan> => {
    const result: Scan = { rowsRead: 0, rowsValid: 0, errors: [], errorsTotal: 0, headers: [], mapping: {}, needsMapping: false };
    const addError = (e: ImportError) => {
      result.errorsTotal++;
      if (result.errors.length < IMPORT_PREVIEW_ERRORS) result.errors.push(e);
    };
    let check: ReturnType<typeof createRowValidator> | null = null;
    let row = 0;
    try {
      for await (const records of readRecords(file.path, file.fileName)) {
        let i = 0;
        if (check === null) {
          const header = (records[0] ?? []).map((h) => h.trim());
          i = row = 1;
          if (header.every((h) => h === '')) break;
          const mapped = mapHeaders(header, mapping);
          result.headers = header;
          result.mapping = mapped.suggested;
          if (mapped.errors.length > 0) {
            mapped.errors.forEach(addError);
            result.needsMapping = true;
            return result;
          }
          check = createRowValidator(header, mapped.columns, {
            units: [...units.byId().values()],
            metrics: catalogue.metrics(),
            currentYear: new Date().getFullYear(),
          });
        }
        const checks: RowCheck[] = [];
        for (; i < records.length; i++) {
          const c = check(records[i] ?? [], ++row);
          if (c !== null) checks.push(c);
        }
        const repeats = staging.add(checks);
        result.rowsRead += checks.length;
        checks.forEach((c, k) => {
          c.errors.forEach(addError);
          const first = repeats[k];
          if (first != null) addError({ row: c.row, column: null, message: duplicateMessage(first) });
          else if (c.errors.length === 0) result.rowsValid++;
        });
      }
    } catch (err) {
      if (!(err instanceof FileContentError)) throw err;
      addError({ row: err.row, column: null, message: err.message });
    }
    if (check === null) {
      addError({ row: 1, column: null, message: 'Filen är tom eller saknar rubrikrad.' });
    } else if (result.rowsRead === 0 && result.errorsTotal === 0) {
      addError({ row: 2, column: null, message: 'Filen har en rubrikrad men inga rader med värden.' });
    }
    return result;
  };

  const preview = (file: ImportFile, s: Scan, staging: Staging): ImportPreview => {
    const { changes, total } = s.needsMapping ? { changes: [], total: 0 } : staging.changes(IMPORT_PREVIEW_CHANGES);
    return {
      batchId: null,
      rowsRead: s.rowsRead,
      rowsValid: s.rowsValid,
      errors: s.errors,
      errorsTotal: s.errorsTotal,
      changes,
      changesTotal: total,
      fileName: file.fileName,
      headers: s.headers,
      mapping: s.mapping,
      needsMapping: s.needsMapping,
    };
  };

  return {
    async run(file: ImportFile, options: ImportOptions, actor: Actor): Promise<ImportOutcome> {
      const staging = createStaging(
        db,
        [...units.byId().keys()],
        catalogue.metrics().map((m) => m.key),
      );
      try {
        const s = await scan(file, options.mapping, staging);
        if (options.dryRun) return { status: 200, body: preview(file, s, staging) };
        if (s.errorsTotal > 0) return { status: 422, body: preview(file, s, staging) };

        // One transaction: a crash or a kill at any point leaves the batch wholly there or wholly absent.
        const batchId = db.transaction(() => {
          const id = insertBatch(db, {
            fileName: file.fileName,
            createdBy: actor.username,
            createdAt: new Date().toISOString(),
            rowsRead: s.rowsRead,
            rowsWritten: s.rowsValid,
          });
          staging.commit(id, `Import: ${file.fileName}`);
          audit(db, actor, 'create', 'import', id, null, { fileName: file.fileName, rowsRead: s.rowsRead, rowsWritten: s.rowsValid });
          return id;
        })();
        data.bump();
        return { status: 201, body: { batchId, rowsRead: s.rowsRead, rowsValid: s.rowsValid, errors: [] } };
      } finally {
        staging.drop();
      }
    },

    list: (): ImportBatch[] => listBatches(db),

    /** Restores exactly the values the batch replaced, and removes those it added. */
    undo(batchId: number, actor: Actor): { batchId: number; restored: number } {
      const restored = db.transaction(() => {
        const batch = getBatch(db, batchId);
        if (!batch) throw new NotFoundError(`Importen ${batchId} finns inte.`);
        if (batch.undoneAt) throw new ConflictError(`Importen ${batchId} är redan ångrad (${batch.undoneAt}).`);
        const changed = changedSinceBatch(db, batchId);
        if (changed.first) {
          const first = changed.first;
          throw new ConflictError(
            `Importen ${batchId} kan inte ångras: ${changed.count} av dess värden har ändrats sedan dess (t.ex. ${first.unitId}, ${first.metricKey}, ${first.year}), av en senare import eller på annat sätt. Ångra den senare importen först.`,
          );
        }
        const count = restoreBatch(db, batchId);
        const at = new Date().toISOString();
        markBatchUndone(db, batchId, at);
        audit(db, actor, 'undo', 'import', batchId, { undoneAt: null }, { undoneAt: at, restored: count });
        return count;
      })();
      data.bump();
      return { batchId, restored };
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
