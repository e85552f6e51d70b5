import type { ImportBatch } from '@tillit/domain';
import type { Db } from './database.js';

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
  const row = db.prepare<[number], BatchRow>('SELECT * FROM import_batches WHERE id = ?').get(id);
  return row && toBatch(row);
}

export function listBatches(db: Db): ImportBatch[] {
  return (db.prepare<[], BatchRow>('SELECT * FROM import_batches ORDER BY id DESC').all()).map(toBatch);
}

export function markBatchUndone(db: Db, id: number, at: string): void {
  db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
}

const SINCE_CHANGED = `FROM import_batch_values b
  LEFT JOIN metric_values v ON v.unit_id = b.unit_id AND v.metric_key = b.metric_key AND v.year = b.year
  WHERE b.batch_id = ? AND (v.unit_id IS NULL OR v.batch_id IS NOT b.batch_id
    OR v.numerator_c <> b.new_numerator_c OR v.denominator_c <> b.new_denominator_c)`;

/** How many of a batch's values have changed since it wrote them, and the first of them. */
export function changedSinceBatch(db: Db, batchId: number): { count: number; first: { unitId: string; metricKey: string; year: number } | null } {
  const count = db.prepare<[number], number>(`SELECT count(*) ${SINCE_CHANGED}`).pluck().get(batchId)!;
  const first = db
    .prepare<[number], { unitId: string; metricKey: string; year: number }>(`SELECT b.unit_id AS unitId, b.metric_key AS metricKey, b.year ${SINCE_CHANGED} ORDER BY 1, 2, 3 LIMIT 1`)
    .get(batchId);
  return { count, first: first ?? null };
}

/**
 * Puts back every value as it was before the batch, in two set operations (a batch may hold a
 * million values): replaced ones get their old figures, added ones are deleted. Call inside a
 * transaction, after `changedSinceBatch` found nothing.
 */
export function restoreBatch(db: Db, batchId: number): number {
  const restored = db
    .prepare(
      `UPDATE metric_values SET numerator_c = b.old_numerator_c, denominator_c = b.old_denominator_c,
         group_size = b.old_group_size, source_id = b.old_source_id, batch_id = b.old_batch_id
       FROM import_batch_values b
       WHERE b.batch_id = ? AND b.had_old = 1 AND metric_values.unit_id = b.unit_id
         AND metric_values.metric_key = b.metric_key AND metric_values.year = b.year`,
    )
    .run(batchId).changes;
  const removed = db
    .prepare(
      `DELETE FROM metric_values WHERE (unit_id, metric_key, year) IN
         (SELECT unit_id, metric_key, year FROM import_batch_values WHERE batch_id = ? AND had_old = 0)`,
    )
    .run(batchId).changes;
  return restored + removed;
}
