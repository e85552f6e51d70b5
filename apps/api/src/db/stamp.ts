import type { Db } from './database.js';

/**
 * A stamp that changes whenever anything in the database may have changed: SQLite's count of rows
 * this connection has inserted, updated or deleted since it opened (`total_changes()`), and
 * `PRAGMA data_version`, which moves when another connection (a CLI import, a restore's checks)
 * commits. Two equal stamps mean the same data, so an answer computed from the database alone can
 * be reused while the stamp stays the same. Costs two tiny statements, no table is read.
 */
export function createDbStamp(db: Db): () => string {
  const known = stamps.get(db);
  if (known) return known;
  const changes = db.prepare('SELECT total_changes()').pluck();
  const otherWriters = db.prepare('PRAGMA data_version').pluck();
  const stamp = () => `${String(changes.get())}:${String(otherWriters.get())}`;
  stamps.set(db, stamp);
  return stamp;
}

// One reader per database: the access check reads the stamp once per request and hands it on
// (request.dataStamp), so the session and response caches need not read it again.
const stamps = new WeakMap<Db, () => string>();
