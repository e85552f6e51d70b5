import { sameTarget, type TargetPeriod } from '@tillit/domain';
import type { Db } from './database.js';

interface TargetRow {
  metric_key: string;
  valid_from_year: number;
  target_min: number | null;
  target_max: number | null;
}

const toPeriod = (r: TargetRow): TargetPeriod => ({
  validFrom: r.valid_from_year,
  target: r.target_min === null && r.target_max === null ? null : { min: r.target_min, max: r.target_max },
});

/** Every metric's recorded target history, oldest first. */
export function listTargetHistories(db: Db): Map<string, TargetPeriod[]> {
  const rows = db
    .prepare<[], TargetRow>('SELECT metric_key, valid_from_year, target_min, target_max FROM metric_targets ORDER BY metric_key, valid_from_year')
    .all();
  const out = new Map<string, TargetPeriod[]>();
  for (const r of rows) out.set(r.metric_key, [...(out.get(r.metric_key) ?? []), toPeriod(r)]);
  return out;
}

/**
 * Replaces a metric's target history. A period kept as it was keeps who set it and when; only a
 * new or changed one is recorded as this write's. Call inside a transaction.
 */
export function replaceTargetHistory(db: Db, metricKey: string, history: readonly TargetPeriod[], changedBy: string | null, at: string): void {
  const existing = new Map((listTargetHistories(db).get(metricKey) ?? []).map((p) => [p.validFrom, p]));
  const kept = new Set(
    history.filter((p) => { const b = existing.get(p.validFrom); return b !== undefined && sameTarget(b.target, p.target); }).map((p) => p.validFrom),
  );
  const remove = db.prepare('DELETE FROM metric_targets WHERE metric_key = ? AND valid_from_year = ?');
  for (const year of existing.keys()) if (!kept.has(year)) remove.run(metricKey, year);
  const insert = db.prepare(
    `INSERT INTO metric_targets (metric_key, valid_from_year, target_min, target_max, changed_by, changed_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const p of history) {
    if (!kept.has(p.validFrom)) insert.run(metricKey, p.validFrom, p.target?.min ?? null, p.target?.max ?? null, changedBy, at);
  }
}
