import {
  IMPORT_PREVIEW_CHANGES,
  IMPORT_PREVIEW_ERRORS,
  type ImportBatch,
  type ImportChange,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
  type ParentRows,
  type ReleaseWarning,
  RELEASE_WARNINGS_SHOWN,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import { createStaging, type StagedChange, type Staging } from '../db/import-staging.js';
import { changedSinceBatch, getBatch, insertBatch, listBatches, markBatchUndone, restoreBatch } from '../db/imports.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';
import type { ImportOutcome } from './import-outcome.js';
import { scanFile, type Scan } from './import-scan.js';
import { releaseWarnings } from './release-preview.js';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';


/** An uploaded file, already on disk (the route streams it there; the CLI names it). */
export interface ImportFile {
  fileName: string;
  path: string;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Our field → the file's header, from the mapping step; fields left out go by their names. */
  mapping?: ImportMapping;
  /** XLSX: the sheet to read; by default the first with a header row. */
  sheet?: string;
  /** Rows for units with units below them: checked and not stored (default), or stored as their own figures. */
  parentRows?: ParentRows;
}

interface Deps {
  units: UnitService;
  catalogue: CatalogueService;
  values: ValueService;
  data: { bump: () => void };
}

const hundredths = (n: number | null) => (n === null ? null : Math.round(n * 100));

/**
 * Imports values from a CSV or XLSX file: all of the file in one transaction, or nothing. The
 * file is read as a stream, row by row, into a staging table, so that a million rows need
 * neither the file nor the rows in memory. Each import is a batch that remembers the values it
 * replaced, so that it can be undone exactly.
 */
export function createImportService(db: Db, { units, catalogue, values, data }: Deps) {
  /**
   * Whether the stored figure a change replaces is one every other view shows: the unit's safe
   * point that year, shown, and equal to it (a parent's own figure beside its units' is a part
   * of its total, never shown alone). Anything else is given without a number.
   */
  const oldAsShown = (c: StagedChange): Pick<ImportChange, 'old' | 'oldReason'> => {
    if (c.old === null) return { old: null, oldReason: null };
    const unit = units.byId().get(c.unitId);
    const metric = catalogue.metrics().find((m) => m.key === c.metricKey);
    const point = unit && metric ? values.series(metric, unit, { from: c.year, to: c.year })[0] : undefined;
    if (!point || point.suppressed) return { old: null, oldReason: point?.reason ?? 'secondary' };
    const isSame = hundredths(point.numerator) === hundredths(c.old.numerator) && hundredths(point.denominator) === hundredths(c.old.denominator);
    return isSame ? { old: c.old, oldReason: null } : { old: null, oldReason: 'part_of_total' };
  };

  const preview = (file: ImportFile, s: Scan, staging: Staging, parentRows: ParentRows, hides: readonly ReleaseWarning[] = []): ImportPreview => {
    const staged = s.needsMapping ? { changes: [], total: 0 } : staging.changes(IMPORT_PREVIEW_CHANGES, (c) => oldAsShown(c).old !== null);
    const changes: ImportChange[] = staged.changes.map((c) => ({ unitId: c.unitId, metricKey: c.metricKey, year: c.year, ...oldAsShown(c), new: c.new }));
    return {
      batchId: null,
      rowsRead: s.rowsRead,
      rowsValid: s.rowsValid,
      errors: s.errors,
      errorsTotal: s.errorsTotal,
      changes,
      changesTotal: staged.total,
      warnings: s.warnings,
      warningsTotal: s.warningsTotal,
      hidesShown: hides.slice(0, RELEASE_WARNINGS_SHOWN),
      hidesShownTotal: hides.length,
      totals: s.totals.slice(0, IMPORT_PREVIEW_ERRORS),
      totalsTotal: s.totals.length,
      parentRows,
      fileName: file.fileName,
      headers: s.headers,
      headerRow: s.headerRow,
      mapping: s.mapping,
      needsMapping: s.needsMapping,
      sheet: s.sheet,
      sheets: s.sheets,
      encoding: s.encoding,
      separator: s.separator,
    };
  };

  /**
   * A dry run shows stored figures (as safe as anywhere else, but still): who looked at what is
   * logged, without the figures. A refused import writes nothing at all, the log included.
   */
  const auditPreview = (p: ImportPreview, actor: Actor) =>
    db.transaction(() =>
      audit(db, actor, 'preview', 'import_preview', null, null, {
        fileName: p.fileName,
        sheet: p.sheet,
        parentRows: p.parentRows,
        rowsRead: p.rowsRead,
        rowsValid: p.rowsValid,
        errors: p.errorsTotal,
        warnings: p.warningsTotal,
        totals: p.totalsTotal,
        changes: p.changesTotal,
      }),
    )();

  return {
    async run(file: ImportFile, options: ImportOptions, actor: Actor): Promise<ImportOutcome<ImportPreview, ImportResult>> {
      const parentRows = options.parentRows ?? 'check';
      const staging = createStaging(
        db,
        [...units.byId().keys()],
        catalogue.metrics().map((m) => m.key),
      );
      try {
        const s = await scanFile(file, { mapping: options.mapping, sheet: options.sheet, parentRows }, { units, catalogue }, staging);
        if (options.dryRun) {
          // What the import would hide of the figures already shown: tried in a transaction that is rolled back.
          const hides =
            s.errorsTotal === 0 && !s.needsMapping
              ? releaseWarnings(db, () => {
                  const id = insertBatch(db, { fileName: file.fileName, createdBy: actor.username, createdAt: new Date().toISOString(), rowsRead: s.rowsRead, rowsWritten: s.rowsValid });
                  staging.commit(id, `Import: ${file.fileName}`);
                })
              : [];
          const body = preview(file, s, staging, parentRows, hides);
          auditPreview(body, actor);
          return { status: 200, body };
        }
        if (s.errorsTotal > 0) return { status: 422, body: preview(file, s, staging, parentRows) };

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
          audit(db, actor, 'create', 'import', id, null, {
            fileName: file.fileName,
            sheet: s.sheet,
            parentRows,
            rowsRead: s.rowsRead,
            rowsWritten: s.rowsValid,
            totalsSkipped: s.totalsSkipped,
          });
          return id;
        })();
        data.bump();
        const body = { batchId, rowsRead: s.rowsRead, rowsValid: s.rowsValid, totalsSkipped: s.totalsSkipped, warningsTotal: s.warningsTotal, errors: [] };
        return { status: 201, body };
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
