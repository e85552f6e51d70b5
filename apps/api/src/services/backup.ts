import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** `data/backups/tillit-20261128-183702.db` beside the database, in local time. */
export function defaultBackupPath(databasePath: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return join(dirname(databasePath), 'backups', `tillit-${stamp}.db`);
}

/**
 * An online backup through SQLite's backup API: consistent even while the server is running and
 * writing (pages changed during the copy are copied again). Refuses to overwrite a file.
 */
export async function backupDatabase(databasePath: string, destination: string): Promise<{ file: string; bytes: number }> {
  if (!existsSync(databasePath)) throw new BackupError(`Databasen ${databasePath} finns inte.`);
  if (existsSync(destination)) throw new BackupError(`${destination} finns redan; välj ett annat filnamn.`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(destination);
  } finally {
    db.close();
  }
  // The copy carries the live database's WAL mode; a backup is one self-contained file instead,
  // so that reading it later leaves no -wal/-shm beside it.
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { file: destination, bytes: statSync(destination).size };
}

/** Throws unless the file is an intact SQLite database with Tillit's tables. */
export function assertTillitDatabase(file: string): void {
  if (!existsSync(file)) throw new BackupError(`Filen ${file} finns inte.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
    if (!tables.has('schema_migrations') || !tables.has('units')) {
      throw new BackupError(`${file} är en SQLite-databas men ingen Tillit-databas (tabellerna schema_migrations och units saknas).`);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} är skadad: ${String(check)}`);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} är ingen Tillit-databas: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database with a backup. The server must be stopped first. The replaced database
 * is kept as `<path>.before-restore`; the new one is written beside it and renamed into place,
 * so that a failure half-way leaves the old database untouched.
 */
export async function restoreDatabase(backupFile: string, databasePath: string): Promise<{ replaced: string | null }> {
  assertTillitDatabase(backupFile);
  const temp = `${databasePath}.restore-tmp`;
  rmSync(temp, { force: true });
  mkdirSync(dirname(databasePath), { recursive: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
  } finally {
    source.close();
  }

  let replaced: string | null = null;
  if (existsSync(databasePath)) {
    replaced = `${databasePath}.before-restore`;
    rmSync(replaced, { force: true });
    // Through the backup API, so that what is still in the write-ahead log is kept too; closing
    // the last connection checkpoints the log into the file.
    const current = new Database(databasePath, { fileMustExist: true });
    try {
      await current.backup(replaced);
    } finally {
      current.close();
    }
  }
  // A stale log next to the new file would be replayed into it.
  for (const suffix of ['-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
  renameSync(temp, databasePath);
  return { replaced };
}
