import type { Db } from './database.js';

/** The latest year any figure is reported for, or null when there are none. */
export function latestDataYear(db: Db): number | null {
  return (db.prepare<[], number | null>('SELECT max(year) FROM metric_values').pluck().get()) ?? null;
}

/**
 * The latest audited write to any of `entities` (ISO time), or null when none is recorded.
 * ISO times in UTC sort as text.
 */
export function latestAuditedWrite(db: Db, entities: readonly string[]): string | null {
  if (entities.length === 0) return null;
  return (
    (db
      .prepare<string[], string | null>(`SELECT max(at) FROM audit_log WHERE entity IN (${entities.map(() => '?').join(', ')})`)
      .pluck()
      .get(...entities)) ?? null
  );
}
