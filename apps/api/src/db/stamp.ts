import type { Db } from './database.js';

/**
 * How often, at most, the stamp asks SQLite whether another connection has committed. The
 * question (`PRAGMA data_version`) takes a read lock on the database: two system calls, about
 * two microseconds, a tenth of what a whole request costs. Asked at most once a millisecond, a
 * commit by another process (the import CLI) shows within a millisecond, as if it had come that
 * much later; this process's own writes show at once.
 */
export const OTHER_WRITERS_EVERY_MS = 1;

/**
 * A stamp that changes whenever anything in the database may have changed: SQLite's count of rows
 * this connection has inserted, updated or deleted since it opened (`total_changes()`, read every
 * time: it reads no file), and `PRAGMA data_version`, which moves when another connection (a CLI
 * import, a restore's checks) commits (read at most every `OTHER_WRITERS_EVERY_MS`). Two equal
 * stamps mean the same data, so an answer computed from the database alone can be reused while
 * the stamp stays the same.
 */
export function createDbStamp(db: Db): () => string {
  const known = stamps.get(db);
  if (known) return known;
  const changes = db.prepare('SELECT total_changes()').pluck();
  const otherWriters = db.prepare('PRAGMA data_version').pluck();
  let askedAt = -Infinity;
  let own: unknown = null;
  let others: unknown = null;
  let last = '';
  const stamp = () => {
    const now = performance.now();
    const ownNow = changes.get();
    let othersNow = others;
    if (now - askedAt >= OTHER_WRITERS_EVERY_MS) {
      othersNow = otherWriters.get();
      askedAt = now;
    }
    // The same string while nothing moved: no new one per request.
    if (ownNow !== own || othersNow !== others) {
      own = ownNow;
      others = othersNow;
      last = `${String(own)}:${String(others)}`;
    }
    return last;
  };
  stamps.set(db, stamp);
  return stamp;
}

// One reader per database: the access check reads the stamp once per request and hands it on
// (request.dataStamp), so the session and response caches need not read it again.
const stamps = new WeakMap<Db, () => string>();
