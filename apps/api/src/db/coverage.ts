import type { Db } from './database.js';

/** Whether any unit reported the metric for the year. */
export function hasFigures(db: Db, metricKey: string, year: number): boolean {
  return db.prepare('SELECT 1 FROM metric_values WHERE metric_key = ? AND year = ? LIMIT 1').get(metricKey, year) !== undefined;
}

export interface FinalYear {
  metricKey: string;
  year: number;
  markedBy: string | null;
  markedAt: string;
}

/** The years marked final, per metric, oldest first; one metric's when `metricKey` is given. */
export function listFinalYears(db: Db, metricKey?: string): FinalYear[] {
  const rows = db
    .prepare<string[], { metric_key: string; year: number; marked_by: string | null; marked_at: string }>(
      `SELECT metric_key, year, marked_by, marked_at FROM final_years
       ${metricKey === undefined ? '' : 'WHERE metric_key = ?'} ORDER BY metric_key, year`,
    )
    .all(...(metricKey === undefined ? [] : [metricKey]));
  return rows.map((r) => ({ metricKey: r.metric_key, year: r.year, markedBy: r.marked_by, markedAt: r.marked_at }));
}

/** Call inside a transaction. True when the year was not marked before. */
export function insertFinalYear(db: Db, metricKey: string, year: number, markedBy: string | null, at: string): boolean {
  return (
    db
      .prepare('INSERT INTO final_years (metric_key, year, marked_by, marked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(metricKey, year, markedBy, at).changes > 0
  );
}

/** Call inside a transaction. True when the year was marked. */
export function deleteFinalYear(db: Db, metricKey: string, year: number): boolean {
  return db.prepare('DELETE FROM final_years WHERE metric_key = ? AND year = ?').run(metricKey, year).changes > 0;
}
