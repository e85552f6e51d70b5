import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../db/database.js';
import { createBackupScheduler, runBackup, type JobLog } from './backup-schedule.js';
import { verifyCopy } from './backup-verify.js';
import { seed } from './seed.js';

let dir: string;
let dbPath: string;
let live: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillit-backup-schedule-'));
  dbPath = join(dir, 'tillit.db');
  live = openDatabase(dbPath);
  migrate(live);
  seed(live, { demo: true });
});
afterEach(() => {
  live.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock that reads 2026-12-01 02:00:00 local time, one day later on every run. */
function nightlyClock() {
  let day = 0;
  return () => new Date(2026, 11, 1 + day++, 2, 0, 0);
}

function recordingLog() {
  const lines: { level: 'info' | 'error'; message: string; details: object }[] = [];
  const log: JobLog = {
    info: (details, message) => void lines.push({ level: 'info', message, details }),
    error: (details, message) => void lines.push({ level: 'error', message, details }),
  };
  return { log, lines };
}

const backupsIn = (d: string) => readdirSync(d).sort();

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!condition()) throw new Error(`waited 15 s for ${what}`);
}

describe('a backup run', () => {
  it('writes a copy under the time it started, checked and complete, with nothing left half-written', async () => {
    const backups = join(dir, 'backups');
    live.prepare("INSERT INTO units (id, name, kind) VALUES ('backup-proof', 'Enhet som ska med', 'unit')").run();

    const run = await runBackup({ databasePath: dbPath, dir: backups, keep: 14, now: nightlyClock() });

    expect(run).toMatchObject({ ok: true, file: 'tillit-20261201-020000.db', error: null, pruned: [] });
    expect(backupsIn(backups)).toEqual(['tillit-20261201-020000.db']);
    const copy = new Database(join(backups, 'tillit-20261201-020000.db'), { readonly: true });
    expect(copy.prepare("SELECT name FROM units WHERE id = 'backup-proof'").pluck().get()).toBe('Enhet som ska med');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('keeps the newest BACKUP_KEEP copies and removes the oldest', async () => {
    const backups = join(dir, 'backups');
    const now = nightlyClock();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await runBackup({ databasePath: dbPath, dir: backups, keep: 3, now }));

    expect(backupsIn(backups)).toEqual(['tillit-20261203-020000.db', 'tillit-20261204-020000.db', 'tillit-20261205-020000.db']);
    expect(runs[3]?.pruned).toEqual(['tillit-20261201-020000.db']);
    expect(runs[4]?.pruned).toEqual(['tillit-20261202-020000.db']);
  });

  it('gives a second copy within the same second its own name instead of overwriting the first', async () => {
    const backups = join(dir, 'backups');
    const now = () => new Date(2026, 11, 1, 2, 0, 0);
    await runBackup({ databasePath: dbPath, dir: backups, keep: 14, now });
    const second = await runBackup({ databasePath: dbPath, dir: backups, keep: 14, now });
    expect(second.file).toBe('tillit-20261201-020000-2.db');
    expect(backupsIn(backups)).toEqual(['tillit-20261201-020000-2.db', 'tillit-20261201-020000.db']);
  });

  it('when the disk is full: fails with a message saying so, removes its half-written file and keeps every good copy', async () => {
    const backups = join(dir, 'backups');
    const now = nightlyClock();
    await runBackup({ databasePath: dbPath, dir: backups, keep: 2, now });
    await runBackup({ databasePath: dbPath, dir: backups, keep: 2, now });
    const good = backupsIn(backups);
    expect(good).toHaveLength(2);

    // A file-size limit on this process makes every write past 64 kB fail with EFBIG, as a full
    // disk does, for root too (Node ignores SIGXFSZ, so the write returns the error).
    execFileSync('prlimit', ['--pid', String(process.pid), '--fsize=65536:']);
    let run;
    try {
      run = await runBackup({ databasePath: dbPath, dir: backups, keep: 2, now });
    } finally {
      execFileSync('prlimit', ['--pid', String(process.pid), '--fsize=unlimited:']);
    }

    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/disken är full/);
    expect(run.pruned).toEqual([]);
    expect(backupsIn(backups)).toEqual(good);
  });

  // Root ignores file modes, so this one needs an ordinary account (CI runs as root: there the
  // disk-full case above covers a write that fails after good copies exist).
  it.skipIf(process.getuid?.() === 0)('when BACKUP_DIR holding good copies becomes read-only: fails, says so and keeps them', async () => {
    const backups = join(dir, 'backups');
    const now = nightlyClock();
    await runBackup({ databasePath: dbPath, dir: backups, keep: 1, now });
    const good = backupsIn(backups);
    chmodSync(backups, 0o555);
    try {
      const run = await runBackup({ databasePath: dbPath, dir: backups, keep: 1, now });
      expect(run.ok).toBe(false);
      expect(run.error).toMatch(/går inte att skriva i/);
    } finally {
      chmodSync(backups, 0o755);
    }
    expect(backupsIn(backups)).toEqual(good);
  });

  it('when BACKUP_DIR cannot be written (a file stands where the directory should be): fails and says which directory', async () => {
    const blocked = join(dir, 'not-a-directory');
    writeFileSync(blocked, 'a file, not a directory');
    const run = await runBackup({ databasePath: dbPath, dir: join(blocked, 'backups'), keep: 14, now: nightlyClock() });
    expect(run).toMatchObject({ ok: false, file: null });
    expect(run.error).toContain(join(blocked, 'backups'));
  });
});

describe('the check of a copy (in a worker thread)', () => {
  it('passes a good copy and refuses a damaged one or one that is not Tillit\'s', async () => {
    live.pragma('wal_checkpoint(TRUNCATE)');
    const good = join(dir, 'good.db');
    copyFileSync(dbPath, good);
    await expect(verifyCopy(good)).resolves.toBeUndefined();

    const damaged = join(dir, 'damaged.db');
    copyFileSync(dbPath, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 8 * 4096);
    closeSync(fd);
    await expect(verifyCopy(damaged)).rejects.toThrow();

    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    await expect(verifyCopy(other)).rejects.toThrow('kopian saknar Tillits tabeller');
  });
});

describe('backups on a schedule', () => {
  it('run by croner on a real schedule (every second), logged, and shown in the status', async () => {
    const backups = join(dir, 'backups');
    const { log, lines } = recordingLog();
    const scheduler = createBackupScheduler({ databasePath: dbPath, dir: backups, keep: 14, schedule: '* * * * * *' });
    expect(scheduler.status()).toMatchObject({ lastRun: null, lastSuccessAt: null, backups: [] });

    scheduler.start(log);
    try {
      await until(() => scheduler.status().runs >= 1, 'the first scheduled backup');
    } finally {
      await scheduler.stop();
    }

    const status = scheduler.status();
    expect(status.lastRun?.ok).toBe(true);
    expect(status.lastSuccessAt).toBe(status.lastRun?.at);
    expect(status.backups.map((b) => b.file)).toContain(status.lastRun?.file);
    expect(existsSync(join(backups, status.lastRun?.file ?? 'missing'))).toBe(true);
    expect(lines.some((l) => l.level === 'info' && l.message === 'backup written and verified')).toBe(true);
  });

  it('a scheduled run that fails is logged and counted, and the schedule keeps running', async () => {
    const blocked = join(dir, 'not-a-directory');
    writeFileSync(blocked, 'x');
    const { log, lines } = recordingLog();
    const scheduler = createBackupScheduler({ databasePath: dbPath, dir: blocked, keep: 14, schedule: '* * * * * *' });
    scheduler.start(log);
    try {
      await until(() => scheduler.status().failures >= 2, 'two failed scheduled backups');
    } finally {
      await scheduler.stop();
    }
    const status = scheduler.status();
    expect(status.lastRun).toMatchObject({ ok: false });
    expect(status.lastSuccessAt).toBeNull();
    expect(lines.filter((l) => l.level === 'error' && l.message === 'backup failed').length).toBeGreaterThanOrEqual(2);
  });

  it('after a restart, knows the last good copy from the files already in BACKUP_DIR', async () => {
    const backups = join(dir, 'backups');
    await runBackup({ databasePath: dbPath, dir: backups, keep: 14, now: nightlyClock() });
    const restarted = createBackupScheduler({ databasePath: dbPath, dir: backups, keep: 14, schedule: null });
    expect(restarted.status().lastSuccessAt).not.toBeNull();
    expect(restarted.status().backups.map((b) => b.file)).toEqual(['tillit-20261201-020000.db']);
  });
});
