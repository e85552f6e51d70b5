import { describe, expect, it } from 'vitest';
import { insertAudit, listAudit } from '../db/audit.js';
import { migrate, openDatabase, type Db } from '../db/database.js';
import { insertSession } from '../db/users.js';
import { applyRetention, createRetentionJob } from './retention.js';
import { seed } from './seed.js';

const NOW = new Date();
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function databaseWithHistory(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  seed(db, { demo: true });
  db.prepare('DELETE FROM audit_log').run();
  const entry = (action: string) => ({ userId: null, username: 'utvecklingschef', action, entity: 'user', entityId: '1', before: null, after: null, requestId: null });
  insertAudit(db, entry('four-years-ago'), daysAgo(4 * 365));
  insertAudit(db, entry('just-over-three-years-ago'), daysAgo(1096));
  insertAudit(db, entry('just-under-three-years-ago'), daysAgo(1094));
  insertAudit(db, entry('yesterday'), daysAgo(1));
  const userId = db.prepare("SELECT id FROM users WHERE username = 'enhetschef'").pluck().get() as number;
  insertSession(db, 'expired-last-week', userId, daysAgo(8), daysAgo(7));
  insertSession(db, 'expired-a-minute-ago', userId, daysAgo(1), new Date(NOW.getTime() - 60_000).toISOString());
  insertSession(db, 'still-valid', userId, daysAgo(0), new Date(NOW.getTime() + 3_600_000).toISOString());
  return db;
}

const actions = (db: Db) => listAudit(db, { limit: 100 }).map((e) => e.action).reverse();
const sessions = (db: Db) => db.prepare('SELECT token_hash FROM sessions ORDER BY token_hash').pluck().all();

describe('retention (AUDIT_RETENTION_DAYS)', () => {
  it('deletes audit entries older than three years by default and every expired session, and logs the deletion', () => {
    const db = databaseWithHistory();
    const result = applyRetention(db, 1095, NOW);
    expect(result).toEqual({ cutoff: daysAgo(1095), auditEntries: 2, sessions: 2 });
    expect(actions(db)).toEqual(['just-under-three-years-ago', 'yesterday', 'purge']);
    expect(listAudit(db, { limit: 1 })[0]).toMatchObject({
      username: 'system',
      entity: 'audit_log',
      after: { olderThan: daysAgo(1095), retentionDays: 1095, auditEntries: 2 },
    });
    expect(sessions(db)).toEqual(['still-valid']);
  });

  it('follows a shorter retention, and writes nothing to the log when nothing was old enough', () => {
    const db = databaseWithHistory();
    expect(applyRetention(db, 30, NOW).auditEntries).toBe(3);
    expect(actions(db)).toEqual(['yesterday', 'purge']);
    expect(applyRetention(db, 30, NOW)).toMatchObject({ auditEntries: 0, sessions: 0 });
    expect(actions(db)).toEqual(['yesterday', 'purge']);
  });

  it('is applied at once when the server starts its jobs, and then daily', () => {
    const db = databaseWithHistory();
    const logged: string[] = [];
    const job = createRetentionJob(db, { days: 365 });
    job.start({ info: (_d, m) => void logged.push(m), error: (_d, m) => void logged.push(`error: ${m}`) });
    job.stop();
    expect(actions(db)).toEqual(['yesterday', 'purge']);
    expect(logged).toEqual(['old audit entries and expired sessions deleted']);
  });

  it('runs again on its schedule (here every second, instead of daily at 03:15)', async () => {
    const db = databaseWithHistory();
    const job = createRetentionJob(db, { days: 365, schedule: '* * * * * *' });
    job.start({ info: () => undefined, error: () => undefined });
    try {
      insertAudit(db, { userId: null, username: 'x', action: 'written-after-start', entity: 'user', entityId: null, before: null, after: null, requestId: null }, daysAgo(400));
      for (let i = 0; i < 300 && actions(db).includes('written-after-start'); i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      job.stop();
    }
    expect(actions(db)).not.toContain('written-after-start');
  });
});
