import type { ImportBatch } from '@tillit/domain';
import type { Db } from './database.js';

/** A stored value as an import sees it: in hundredths, with its source and batch. */
export interface StoredValue {
  numerator_c: number;
  denominator_c: number;
  group_size: number | null;
  source_id: number;
  batch_id: number | null;
}

export function getStoredValue(db: Db, unitId: string, metricKey: string, year: number): StoredValue | undefined {
  return db
    .prepare(
      `SELECT numerator_c, denominator_c, group_size, source_id, batch_id FROM metric_values
       WHERE unit_id = ? AND metric_key = ? AND year = ?`,
    )
    .get(unitId, metricKey, year) as StoredValue | undefined;
}

export function countValues(db: Db): number {
  return db.prepare('SELECT count(*) FROM metric_values').pluck().get() as number;
}

interface BatchRow {
  id: number;
  file_name: string;
  created_by: string | null;
  created_at: string;
  rows_read: number;
  rows_written: number;
  undone_at: string | null;
}

const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  fileName: r.file_name,
  createdBy: r.created_by,
  createdAt: r.created_at,
  rowsRead: r.rows_read,
  rowsWritten: r.rows_written,
  undoneAt: r.undone_at,
});

export function insertBatch(
  db: Db,
  b: { fileName: string; createdBy: string | null; createdAt: string; rowsRead: number; rowsWritten: number },
): number {
  const info = db
    .prepare('INSERT INTO import_batches (file_name, created_by, created_at, rows_read, rows_written) VALUES (?, ?, ?, ?, ?)')
    .run(b.fileName, b.createdBy, b.createdAt, b.rowsRead, b.rowsWritten);
  return Number(info.lastInsertRowid);
}

export function getBatch(db: Db, id: number): ImportBatch | undefined {
  const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return row && toBatch(row);
}

export function listBatches(db: Db): ImportBatch[] {
  return (db.prepare('SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[]).map(toBatch);
}

export function markBatchUndone(db: Db, id: number, at: string): void {
  db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
}

export interface BatchValue {
  unitId: string;
  metricKey: string;
  year: number;
  old: StoredValue | null;
  newNumeratorC: number;
  newDenominatorC: number;
}

export function insertBatchValues(db: Db, batchId: number, values: Iterable<BatchValue>): void {
  const stmt = db.prepare(
    `INSERT INTO import_batch_values (batch_id, unit_id, metric_key, year, had_old, old_numerator_c, old_denominator_c,
       old_group_size, old_source_id, old_batch_id, new_numerator_c, new_denominator_c)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const v of values) {
    stmt.run(
      batchId,
      v.unitId,
      v.metricKey,
      v.year,
      v.old ? 1 : 0,
      v.old?.numerator_c ?? null,
      v.old?.denominator_c ?? null,
      v.old?.group_size ?? null,
      v.old?.source_id ?? null,
      v.old?.batch_id ?? null,
      v.newNumeratorC,
      v.newDenominatorC,
    );
  }
}

export function listBatchValues(db: Db, batchId: number): BatchValue[] {
  const rows = db
    .prepare('SELECT * FROM import_batch_values WHERE batch_id = ? ORDER BY unit_id, metric_key, year')
    .all(batchId) as {
    unit_id: string;
    metric_key: string;
    year: number;
    had_old: number;
    old_numerator_c: number | null;
    old_denominator_c: number | null;
    old_group_size: number | null;
    old_source_id: number | null;
    old_batch_id: number | null;
    new_numerator_c: number;
    new_denominator_c: number;
  }[];
  return rows.map((r) => ({
    unitId: r.unit_id,
    metricKey: r.metric_key,
    year: r.year,
    old:
      r.had_old === 1
        ? {
            numerator_c: r.old_numerator_c ?? 0,
            denominator_c: r.old_denominator_c ?? 0,
            group_size: r.old_group_size,
            source_id: r.old_source_id ?? 0,
            batch_id: r.old_batch_id,
          }
        : null,
    newNumeratorC: r.new_numerator_c,
    newDenominatorC: r.new_denominator_c,
  }));
}

/** Puts back a value as it was before a batch. Call inside a transaction. */
export function restoreValue(db: Db, v: BatchValue): void {
  if (v.old) {
    db.prepare(
      `UPDATE metric_values SET numerator_c = ?, denominator_c = ?, group_size = ?, source_id = ?, batch_id = ?
       WHERE unit_id = ? AND metric_key = ? AND year = ?`,
    ).run(v.old.numerator_c, v.old.denominator_c, v.old.group_size, v.old.source_id, v.old.batch_id, v.unitId, v.metricKey, v.year);
  } else {
    db.prepare('DELETE FROM metric_values WHERE unit_id = ? AND metric_key = ? AND year = ?').run(v.unitId, v.metricKey, v.year);
  }
}
