import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../db/database.js';
import { assertTillitDatabase, backupDatabase, BackupError, defaultBackupPath, restoreDatabase } from './backup.js';
import { seed } from './seed.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillit-backup-'));
  dbPath = join(dir, 'tillit.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const addUnit = (db: Db, id: string) =>
  db.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?, ?, 'unit', NULL)").run(id, `Enhet ${id}`);
const unitIds = (path: string) => {
  const db = new Database(path, { readonly: true });
  const ids = db.prepare("SELECT id FROM units WHERE id LIKE 'backup-%' ORDER BY id").pluck().all();
  db.close();
  return ids;
};

describe('backup and restore', () => {
  it('round-trips: a backup taken while the database is open brings the earlier state back', async () => {
    const live = openDatabase(dbPath);
    migrate(live);
    seed(live, { demo: false });
    addUnit(live, 'backup-before');

    const backupFile = defaultBackupPath(dbPath, new Date(2026, 10, 28, 9, 5, 7));
    expect(backupFile).toBe(join(dir, 'backups', 'tillit-20261128-090507.db'));
    const { file, bytes } = await backupDatabase(dbPath, backupFile);
    expect(file).toBe(backupFile);
    expect(bytes).toBeGreaterThan(0);

    addUnit(live, 'backup-after');
    live.close(); // the server is stopped before a restore

    const { replaced } = await restoreDatabase(backupFile, dbPath);
    expect(unitIds(dbPath)).toEqual(['backup-before']);
    expect(replaced).toBe(`${dbPath}.before-restore`);
    expect(unitIds(replaced!)).toEqual(['backup-after', 'backup-before']);
    expect(existsSync(`${dbPath}.restore-tmp`)).toBe(false);
    expect(existsSync(`${backupFile}-wal`)).toBe(false);

    const reopened = openDatabase(dbPath);
    expect(migrate(reopened)).toEqual([]);
    reopened.close();
  });

  it('refuses to overwrite an existing backup file', async () => {
    const live = openDatabase(dbPath);
    migrate(live);
    live.close();
    const target = join(dir, 'copy.db');
    await backupDatabase(dbPath, target);
    await expect(backupDatabase(dbPath, target)).rejects.toThrow(BackupError);
  });

  it('refuses a file that is not a database, and a database that is not Tillit’s, leaving the live one alone', async () => {
    const live = openDatabase(dbPath);
    migrate(live);
    addUnit(live, 'backup-live');
    live.close();

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'inte en databas\n'.repeat(100));
    await expect(restoreDatabase(text, dbPath)).rejects.toThrow(/ingen Tillit-databas/);

    const other = join(dir, 'other.db');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE things (id INTEGER)');
    otherDb.close();
    expect(() => assertTillitDatabase(other)).toThrow(/schema_migrations och units saknas/);
    await expect(restoreDatabase(join(dir, 'missing.db'), dbPath)).rejects.toThrow(/finns inte/);

    expect(unitIds(dbPath)).toEqual(['backup-live']);
    expect(existsSync(`${dbPath}.before-restore`)).toBe(false);
  });
});
