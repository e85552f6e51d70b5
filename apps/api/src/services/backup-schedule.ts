import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupRun, BackupStatus } from '@tillit/domain';
import { Cron } from 'croner';
import { backupDatabase, defaultBackupPath } from './backup.js';
import { verifyCopy } from './backup-verify.js';
import type { ServiceLog } from './log.js';

/** What a scheduled job logs through: the app's pino logger, or anything with the same two methods. */
export type JobLog = Pick<ServiceLog, 'info' | 'error'>;

export interface BackupJobOptions {
  databasePath: string;
  /** BACKUP_DIR: where the copies go (created when missing). */
  dir: string;
  /** BACKUP_KEEP: how many good copies to keep; older ones are removed after a good new one. */
  keep: number;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

/** `tillit-20261204-020000.db`, and `-2`, `-3` … when a second copy is made within the same second. */
const BACKUP_NAME = /^tillit-(\d{8})-(\d{6})(?:-(\d+))?\.db$/;
/** A copy being written; a crash leaves one behind, which the next run removes. */
const PARTIAL = /^\.tillit-.*\.partial$/;

interface BackupFile {
  name: string;
  stamp: string;
  n: number;
}

/** The finished copies in `dir`, oldest first (by the time in their names). */
function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const m = BACKUP_NAME.exec(name);
      return m ? [{ name, stamp: `${m[1]}${m[2]}`, n: Number(m[3] ?? 1) }] : [];
    })
    .sort((a, b) => a.stamp.localeCompare(b.stamp) || a.n - b.n);
}

function freeName(dir: string, now: Date): string {
  const base = basename(defaultBackupPath(join(dir, 'x.db'), now), '.db');
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base}-${n}.db`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** A failure in words the IT department can act on, with the system's own message after. */
function describeBackupError(err: unknown, dir: string): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (['ENOSPC', 'EFBIG', 'EDQUOT', 'SQLITE_FULL'].includes(code)) return `Disken är full: säkerhetskopian fick inte plats i ${dir} (${detail}).`;
  // SQLite reports a write the file system refused (a size limit, a failing disk) as an I/O error.
  if (code.startsWith('SQLITE_IOERR')) return `Säkerhetskopian kunde inte skrivas till ${dir}: disken är full eller går inte att skriva till (${code}: ${detail}).`;
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'].includes(code)) {
    return `Katalogen ${dir} går inte att skriva i: kontrollera att den finns och att tjänstens konto får skriva där (${detail}).`;
  }
  if (['ENOTDIR', 'EEXIST'].includes(code)) return `${dir} är ingen katalog (${detail}).`;
  if (code === 'ENOENT') return `Katalogen ${dir} finns inte och kunde inte skapas (${detail}).`;
  return `Säkerhetskopieringen misslyckades: ${detail}`;
}

/**
 * One backup: SQLite's online backup into a temporary name beside the copies, a full
 * `PRAGMA integrity_check` on that copy, a rename to its final name, and then (only then) the
 * oldest copies beyond `keep` are removed. Never throws: a failure is the run's result, and it
 * leaves every earlier copy where it was.
 */
export async function runBackup(options: BackupJobOptions): Promise<BackupRun> {
  const clock = options.now ?? (() => new Date());
  const started = clock();
  const startedMs = performance.now();
  const done = (fields: Omit<BackupRun, 'at' | 'durationMs'>): BackupRun => ({
    at: started.toISOString(),
    durationMs: Math.round(performance.now() - startedMs),
    ...fields,
  });
  let partial: string | null = null;
  try {
    mkdirSync(options.dir, { recursive: true });
    for (const name of readdirSync(options.dir)) if (PARTIAL.test(name)) rmSync(join(options.dir, name), { force: true });
    const name = freeName(options.dir, started);
    partial = join(options.dir, `.${name}.partial`);
    await backupDatabase(options.databasePath, partial);
    await verifyCopy(partial);
    const file = join(options.dir, name);
    renameSync(partial, file);
    partial = null;
    const bytes = statSync(file).size;

    const all = listBackupFiles(options.dir);
    const pruned: string[] = [];
    let warning: string | null = null;
    for (const old of all.slice(0, Math.max(0, all.length - options.keep))) {
      if (old.name === name) continue;
      try {
        rmSync(join(options.dir, old.name));
        pruned.push(old.name);
      } catch (err) {
        warning = `Den gamla kopian ${old.name} kunde inte tas bort: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    return done({ ok: true, file: name, bytes, pruned, error: null, warning });
  } catch (err) {
    if (partial !== null) {
      try {
        rmSync(partial, { force: true });
      } catch {
        // The next run removes it.
      }
    }
    return done({ ok: false, file: null, bytes: null, pruned: [], error: describeBackupError(err, options.dir), warning: null });
  }
}

export interface BackupSchedulerOptions extends BackupJobOptions {
  /** BACKUP_SCHEDULE: a cron expression; null runs no backups by itself. */
  schedule: string | null;
}

/**
 * Backups on a schedule, inside the server (croner). A run that fails is logged and shown in
 * `status()`; it never throws into the server, and two runs never overlap.
 */
export function createBackupScheduler(options: BackupSchedulerOptions) {
  let log: JobLog | null = null;
  let job: Cron | null = null;
  let running: Promise<BackupRun> | null = null;
  let lastRun: BackupRun | null = null;
  let lastSuccessAt: string | null = null;
  let runs = 0;
  let failures = 0;

  // After a restart, the newest copy on disk is the last good one: it was verified before it got its name.
  const newestOnDisk = (): string | null => {
    const newest = listBackupFiles(options.dir).at(-1);
    return newest ? statSync(join(options.dir, newest.name)).mtime.toISOString() : null;
  };
  try {
    lastSuccessAt = newestOnDisk();
  } catch {
    lastSuccessAt = null;
  }

  const runNow = (): Promise<BackupRun> => {
    running ??= runBackup(options)
      .then((run) => {
        lastRun = run;
        runs++;
        if (run.ok) {
          lastSuccessAt = run.at;
          log?.info({ backup: run }, 'backup written and verified');
          if (run.warning) log?.error({ backup: run }, 'old backup could not be removed');
        } else {
          failures++;
          log?.error({ backup: run }, 'backup failed');
        }
        return run;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    runNow,

    /** Starts the schedule (when there is one); `log` gets every run's outcome. */
    start(logger: JobLog): void {
      log = logger;
      if (options.schedule === null || job !== null) return;
      job = new Cron(
        options.schedule,
        {
          protect: true,
          catch: (err: unknown) => logger.error({ err }, 'backup job failed'),
        },
        async () => {
          await runNow();
        },
      );
      logger.info({ schedule: options.schedule, dir: options.dir, keep: options.keep, nextRunAt: job.nextRun()?.toISOString() }, 'backups scheduled');
    },

    /** Stops the schedule; a run under way finishes (await the returned promise to wait for it). */
    async stop(): Promise<void> {
      job?.stop();
      job = null;
      await running?.catch(() => undefined);
    },

    status(): BackupStatus {
      let backups: BackupStatus['backups'] = [];
      let listError: string | null = null;
      try {
        backups = listBackupFiles(options.dir)
          .reverse()
          .map((f) => {
            const stat = statSync(join(options.dir, f.name));
            return { file: f.name, bytes: stat.size, at: stat.mtime.toISOString() };
          });
      } catch (err) {
        listError = describeBackupError(err, options.dir);
      }
      return {
        schedule: options.schedule,
        dir: options.dir,
        keep: options.keep,
        nextRunAt: job?.nextRun()?.toISOString() ?? null,
        lastRun,
        lastSuccessAt,
        runs,
        failures,
        backups,
        listError,
      };
    },
  };
}
export type BackupScheduler = ReturnType<typeof createBackupScheduler>;
