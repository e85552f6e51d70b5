import { Cron } from 'croner';
import type { Db } from '../db/database.js';
import { deleteAuditBefore } from '../db/retention.js';
import { deleteExpiredSessions } from '../db/users.js';
import { audit, SYSTEM_ACTOR } from './audit.js';
import type { JobLog } from './backup-schedule.js';

/** When the daily clean-up runs: 03:15, after a nightly backup at 02:00 has had its time. */
const RETENTION_SCHEDULE = '15 3 * * *';

export interface RetentionResult {
  cutoff: string;
  auditEntries: number;
  sessions: number;
}

/**
 * Applies AUDIT_RETENTION_DAYS: audit entries older than that are deleted, and so is every
 * expired session. Deleting from the audit log is itself recorded there, in the same transaction.
 */
export function applyRetention(db: Db, days: number, now: Date = new Date()): RetentionResult {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction((): RetentionResult => {
    const auditEntries = deleteAuditBefore(db, cutoff);
    const sessions = deleteExpiredSessions(db, now.toISOString());
    if (auditEntries > 0) audit(db, SYSTEM_ACTOR, 'purge', 'audit_log', null, null, { olderThan: cutoff, retentionDays: days, auditEntries });
    return { cutoff, auditEntries, sessions };
  })();
}

/** The retention applied once at start and then every day (croner); a failure is logged, never thrown. */
export function createRetentionJob(db: Db, options: { days: number; schedule?: string }) {
  let job: Cron | null = null;
  const runNow = (log: JobLog): RetentionResult | null => {
    try {
      const result = applyRetention(db, options.days);
      if (result.auditEntries > 0 || result.sessions > 0) log.info({ retention: result }, 'old audit entries and expired sessions deleted');
      return result;
    } catch (err) {
      log.error({ err }, 'retention failed');
      return null;
    }
  };
  return {
    runNow,
    start(log: JobLog): void {
      runNow(log);
      job ??= new Cron(options.schedule ?? RETENTION_SCHEDULE, { protect: true, catch: (err: unknown) => log.error({ err }, 'retention job failed') }, () => {
        runNow(log);
      });
    },
    stop(): void {
      job?.stop();
      job = null;
    },
  };
}
