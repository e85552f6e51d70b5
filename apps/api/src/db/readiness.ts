import { readdirSync } from 'node:fs';
import type { Readiness } from '@tillit/domain';
import { MIGRATIONS_DIR, type Db } from './database.js';

/** A write that is always rolled back: proves the database takes writes without changing it. */
class ProbeRolledBack extends Error {}

const sqliteCode = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'UNKNOWN';

/** The migration files this build of the server knows, by version. */
export function knownMigrations(dir: string = MIGRATIONS_DIR): Map<number, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
      .map((f) => [Number(f.slice(0, 3)), f] as const),
  );
}

/**
 * Whether the database is ready to serve: a read answers, a write is accepted (and rolled back),
 * and every migration the server knows is applied. Does not wait for a lock: another process
 * holding the write lock is reported as `busy` (still ready), not waited for.
 */
export function checkReadiness(db: Db, migrations: ReadonlyMap<number, string>): Readiness {
  const checks: Readiness['checks'] = { database: 'failed', writable: 'unknown', migrations: 'unknown' };
  let pendingMigrations: string[] = [];
  try {
    const applied = new Set(db.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all());
    checks.database = 'ok';
    pendingMigrations = [...migrations].filter(([v]) => !applied.has(v)).map(([, f]) => f).sort();
    checks.migrations = pendingMigrations.length === 0 ? 'ok' : 'pending';
  } catch (err) {
    return { status: 'not_ready', checks, reason: `Databasen svarar inte (${sqliteCode(err)}).`, pendingMigrations };
  }

  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  let writeError: unknown = null;
  try {
    db.transaction(() => {
      db.prepare("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('readiness_probe', ?)").run(new Date().toISOString());
      throw new ProbeRolledBack();
    })();
  } catch (err) {
    if (!(err instanceof ProbeRolledBack)) writeError = err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  const code = writeError === null ? null : sqliteCode(writeError);
  checks.writable = code === null ? 'ok' : code.startsWith('SQLITE_BUSY') ? 'busy' : 'failed';

  if (checks.writable === 'failed') {
    const why = code?.startsWith('SQLITE_READONLY') ? 'Databasen är skrivskyddad' : 'Databasen tar inte emot skrivningar';
    return { status: 'not_ready', checks, reason: `${why} (${code}): kontrollera att tjänstens konto får skriva i databasfilen och dess katalog, och att disken inte är full.`, pendingMigrations };
  }
  if (checks.migrations === 'pending') {
    return { status: 'not_ready', checks, reason: `Databasen saknar migreringar: ${pendingMigrations.join(', ')}. Starta om servern (den migrerar vid start) eller kör npm run db:migrate.`, pendingMigrations };
  }
  return { status: 'ready', checks, reason: null, pendingMigrations };
}
