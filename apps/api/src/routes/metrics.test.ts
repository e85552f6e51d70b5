import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { migrate, openDatabase, type Db } from '../db/database.js';
import { createBackupScheduler, type BackupScheduler } from '../services/backup-schedule.js';
import { createMetrics } from '../services/metrics.js';
import { seed } from '../services/seed.js';
import { createTestApp, signIn } from '../test-app.js';
import { isTokenEqual } from './metrics.js';

const TOKEN = 'prometheus-läser-här-0123456789';

let dir: string;
let db: Db;
let app: FastifyInstance;
let backups: BackupScheduler;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillit-metrics-'));
  db = openDatabase(join(dir, 'tillit.db'));
  migrate(db);
  seed(db, { demo: true });
  backups = createBackupScheduler({ databasePath: join(dir, 'tillit.db'), dir: join(dir, 'backups'), keep: 3, schedule: null });
  app = await buildApp({ db, metricsToken: TOKEN, backups });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const scrape = (authorization?: string) =>
  app.inject({ method: 'GET', url: '/metrics', headers: authorization === undefined ? {} : { authorization } });

describe('GET /metrics', () => {
  it('is a 404 (and not the web app) when METRICS_TOKEN is not set', async () => {
    const { app: plain } = await createTestApp();
    const res = await plain.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await plain.close();
  });

  it('answers 401 without the token, with a wrong one, or with another scheme', async () => {
    for (const authorization of [undefined, 'Bearer fel-token-0123456789abcdef', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, 'Bearer ']) {
      const res = await scrape(authorization);
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).not.toContain('tillit_http_requests_total');
    }
  });

  it('with the token: requests per route pattern and status, event-loop lag, heap, SQLite size, the backups', async () => {
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/health' });
    const cookie = await signIn(app, 'utvecklingschef');
    await app.inject({ method: 'GET', url: '/api/units', headers: { cookie } });
    await app.inject({ method: 'GET', url: '/api/public/hemlig-token-som-inte-far-synas/summary' });
    const run = await backups.runNow();
    expect(run.ok).toBe(true);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain('tillit_http_requests_total{method="GET",route="/api/health",status_code="200"} 2');
    expect(text).toContain('tillit_http_requests_total{method="GET",route="/api/units",status_code="200"} 1');
    expect(text).toContain('tillit_http_requests_total{method="GET",route="/api/public/:token/summary",status_code="404"} 1');
    expect(text).not.toContain('hemlig-token-som-inte-far-synas');
    expect(text).toMatch(/tillit_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 2/);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    const dbBytes = Number(/^tillit_sqlite_file_bytes\{file="database"\} (\d+)/m.exec(text)?.[1]);
    expect(dbBytes).toBeGreaterThan(0);
    expect(text).toContain(`tillit_backup_last_success_timestamp_seconds ${Date.parse(run.at) / 1000}`);
    expect(text).toContain('tillit_backup_last_run_success 1');
    expect(text).toContain('tillit_backup_files 1');
    expect(text).toContain('tillit_backup_failures_total 0');
    expect(text).not.toContain('tillit_outbox_backlog');
  });
});

describe('the metrics themselves', () => {
  it('report the outbox backlog once a source is given (the hook for the feedback loop)', async () => {
    const metrics = createMetrics({ databasePath: null, backups: null });
    let waiting = 7;
    metrics.setOutboxBacklog(() => waiting);
    expect(await metrics.registry.metrics()).toMatch(/^tillit_outbox_backlog 7$/m);
    waiting = 0;
    expect(await metrics.registry.metrics()).toMatch(/^tillit_outbox_backlog 0$/m);
  });

  it('compare tokens whole, whatever their length', () => {
    expect(isTokenEqual(TOKEN, TOKEN)).toBe(true);
    expect(isTokenEqual(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(isTokenEqual(`${TOKEN}0`, TOKEN)).toBe(false);
    expect(isTokenEqual('', TOKEN)).toBe(false);
  });
});
