import {
  IMPORT_PREVIEW_CHANGES,
  parseCsv,
  validateRecords,
  type ImportBatch,
  type ImportChange,
  type ImportPreview,
  type ImportResult,
  type ImportValidation,
} from '@tillit/domain';
import { fromHundredths, toHundredths, type Db } from '../db/database.js';
import {
  getBatch,
  getStoredValue,
  insertBatch,
  insertBatchValues,
  listBatches,
  listBatchValues,
  markBatchUndone,
  restoreValue,
  type BatchValue,
} from '../db/imports.js';
import { ensureSource, upsertValues, type ValueInsert } from '../db/values.js';
import { AppError, ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';
import { decodeText, sniffFile } from './import-decode.js';
import { readXlsx } from './import-xlsx.js';
import type { UnitService } from './units.js';

export class UnsupportedFileError extends AppError {
  constructor(message: string) {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class FileTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `Filen är för stor. Största tillåtna storlek är ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
}

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
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

/**
 * Imports values from a CSV or XLSX file (first sheet): all of the file in one transaction, or nothing. Each import
 * is a batch that remembers the values it replaced, so that it can be undone exactly.
 */
export function createImportService(db: Db, { units, catalogue, data }: Deps) {
  const records = async (file: ImportFile): Promise<string[][]> => {
    const kind = sniffFile(file.fileName, file.bytes);
    if (kind === 'xlsx') {
      try {
        return await readXlsx(file.bytes);
      } catch {
        throw new UnsupportedFileError('Excel-filen kunde inte läsas. Spara den som CSV och försök igen.');
      }
    }
    if (kind === 'xls') {
      throw new UnsupportedFileError(
        'Gamla Excel-filer (.xls) kan inte läsas. Spara filen som .xlsx eller CSV ("CSV UTF-8" eller "CSV (semikolonavgränsad)") och försök igen.',
      );
    }
    if (kind === 'binary') throw new UnsupportedFileError('Filen är varken en CSV- eller en Excel-fil (.xlsx).');
    return parseCsv(decodeText(file.bytes).text);
  };

  const validate = async (file: ImportFile): Promise<ImportValidation> => {
    return validateRecords(await records(file), {
      units: [...units.byId().values()],
      metrics: catalogue.metrics(),
      currentYear: new Date().getFullYear(),
    });
  };

  const changesOf = (v: ImportValidation): ImportChange[] => {
    const changes: ImportChange[] = [];
    for (const value of v.values) {
      if (changes.length >= IMPORT_PREVIEW_CHANGES) break;
      const old = getStoredValue(db, value.unitId, value.metricKey, value.year);
      const isSame =
        old !== undefined &&
        old.numerator_c === toHundredths(value.numerator) &&
        old.denominator_c === toHundredths(value.denominator);
      if (isSame) continue;
      changes.push({
        unitId: value.unitId,
        metricKey: value.metricKey,
        year: value.year,
        old: old ? { numerator: fromHundredths(old.numerator_c), denominator: fromHundredths(old.denominator_c) } : null,
        new: { numerator: value.numerator, denominator: value.denominator },
      });
    }
    return changes;
  };

  const preview = (file: ImportFile, v: ImportValidation): ImportPreview => ({
    batchId: null,
    rowsRead: v.rowsRead,
    rowsValid: v.values.length,
    errors: v.errors,
    changes: changesOf(v),
    fileName: file.fileName,
  });

  return {
    async run(file: ImportFile, options: { dryRun: boolean }, actor: Actor): Promise<ImportOutcome> {
      const v = await validate(file);
      if (options.dryRun) return { status: 200, body: preview(file, v) };
      if (v.errors.length > 0) return { status: 422, body: preview(file, v) };

      const batchId = db.transaction(() => {
        const createdAt = new Date().toISOString();
        const id = insertBatch(db, {
          fileName: file.fileName,
          createdBy: actor.username,
          createdAt,
          rowsRead: v.rowsRead,
          rowsWritten: v.values.length,
        });
        const sources = new Map<string, number>();
        const sourceId = (name: string) => {
          let sid = sources.get(name);
          if (sid === undefined) sources.set(name, (sid = ensureSource(db, name, false)));
          return sid;
        };
        const history: BatchValue[] = [];
        const inserts: ValueInsert[] = [];
        for (const value of v.values) {
          history.push({
            unitId: value.unitId,
            metricKey: value.metricKey,
            year: value.year,
            old: getStoredValue(db, value.unitId, value.metricKey, value.year) ?? null,
            newNumeratorC: toHundredths(value.numerator),
            newDenominatorC: toHundredths(value.denominator),
          });
          inserts.push({
            unitId: value.unitId,
            metricKey: value.metricKey,
            year: value.year,
            numerator: value.numerator,
            denominator: value.denominator,
            groupSize: value.groupSize,
            sourceId: sourceId(value.source ?? `Import: ${file.fileName}`),
            batchId: id,
          });
        }
        insertBatchValues(db, id, history);
        upsertValues(db, inserts);
        audit(db, actor, 'create', 'import', id, null, {
          fileName: file.fileName,
          rowsRead: v.rowsRead,
          rowsWritten: v.values.length,
        });
        return id;
      })();
      data.bump();
      return { status: 201, body: { batchId, rowsRead: v.rowsRead, rowsValid: v.values.length, errors: [] } };
    },

    list: (): ImportBatch[] => listBatches(db),

    /** Restores exactly the values the batch replaced, and removes those it added. */
    undo(batchId: number, actor: Actor): { batchId: number; restored: number } {
      const restored = db.transaction(() => {
        const batch = getBatch(db, batchId);
        if (!batch) throw new NotFoundError(`Importen ${batchId} finns inte.`);
        if (batch.undoneAt) throw new ConflictError(`Importen ${batchId} är redan ångrad (${batch.undoneAt}).`);
        const values = listBatchValues(db, batchId);
        const changed = values.filter((v) => {
          const now = getStoredValue(db, v.unitId, v.metricKey, v.year);
          return !now || now.batch_id !== batchId || now.numerator_c !== v.newNumeratorC || now.denominator_c !== v.newDenominatorC;
        });
        if (changed.length > 0) {
          const first = changed[0]!;
          throw new ConflictError(
            `Importen ${batchId} kan inte ångras: ${changed.length} av dess värden har ändrats sedan dess (t.ex. ${first.unitId}, ${first.metricKey}, ${first.year}), av en senare import eller på annat sätt. Ångra den senare importen först.`,
          );
        }
        for (const v of values) restoreValue(db, v);
        const at = new Date().toISOString();
        markBatchUndone(db, batchId, at);
        audit(db, actor, 'undo', 'import', batchId, { undoneAt: null }, { undoneAt: at, restored: values.length });
        return values.length;
      })();
      data.bump();
      return { batchId, restored };
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
