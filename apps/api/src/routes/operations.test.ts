import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupStatus } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { migrate, openDatabase, type Db } from '../db/database.js';
import { createBackupScheduler, type BackupScheduler } from '../services/backup-schedule.js';
import { seed } from '../services/seed.js';
import { createTestApp, signIn } from '../test-app.js';

let dir: string;
let db: Db;
let app: FastifyInstance;
let backups: BackupScheduler;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillit-ops-'));
  db = openDatabase(join(dir, 'tillit.db'));
  migrate(db);
  seed(db, { demo: true });
  backups = createBackupScheduler({ databasePath: join(dir, 'tillit.db'), dir: join(dir, 'backups'), keep: 14, schedule: '0 2 * * *' });
  app = await buildApp({ db, backups, metricsToken: 'token-for-the-scrape-0123456789' });
  await app.ready();
});
afterEach(async () => {
  await backups.stop();
  await app.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const status = async (cookie: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/system/backups', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<BackupStatus>();
};

describe('GET /api/system/backups', () => {
  it('shows the development manager a failed backup next to the last good one, and the server keeps serving', async () => {
    const cookie = await signIn(app, 'utvecklingschef');
    const good = await backups.runNow();
    execFileSync('prlimit', ['--pid', String(process.pid), '--fsize=65536:']);
    try {
      await backups.runNow();
    } finally {
      execFileSync('prlimit', ['--pid', String(process.pid), '--fsize=unlimited:']);
    }

    const shown = await status(cookie);
    expect(shown).toMatchObject({ schedule: '0 2 * * *', keep: 14, runs: 2, failures: 1, lastSuccessAt: good.at });
    expect(shown.lastRun).toMatchObject({ ok: false, file: null });
    expect(shown.lastRun?.error).toMatch(/disken är full/);
    expect(shown.backups.map((b) => b.file)).toEqual([good.file]);

    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const scrape = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer token-for-the-scrape-0123456789' } });
    expect(scrape.body).toContain('tillit_backup_last_run_success 0');
    expect(scrape.body).toContain('tillit_backup_failures_total 1');
    expect(scrape.body).toContain(`tillit_backup_last_success_timestamp_seconds ${Date.parse(good.at) / 1000}`);
  });

  it('says when no backups are scheduled', async () => {
    const { app: plain } = await createTestApp();
    const res = await plain.inject({ method: 'GET', url: '/api/system/backups', headers: { cookie: await signIn(plain, 'utvecklingschef') } });
    expect(res.json()).toMatchObject({ schedule: null, lastRun: null, backups: [] });
    await plain.close();
  });
});
