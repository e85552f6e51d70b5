import type { Db } from './database.js';

/** Deletes audit entries written before `cutoff` (ISO 8601); returns how many. Call inside a transaction. */
export function deleteAuditBefore(db: Db, cutoff: string): number {
  return db.prepare('DELETE FROM audit_log WHERE at < ?').run(cutoff).changes;
}
