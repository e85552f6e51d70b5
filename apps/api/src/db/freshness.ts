import type { Db } from './database.js';

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
