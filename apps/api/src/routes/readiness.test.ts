import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { migrate, MIGRATIONS_DIR, openDatabase, type Db } from '../db/database.js';
import { seed } from '../services/seed.js';

let dir: string;
const opened: { app: FastifyInstance; db: Db }[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillit-ready-'));
});
afterEach(async () => {
  for (const { app, db } of opened.splice(0)) {
    await app.close();
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function appOn(db: Db): Promise<FastifyInstance> {
  const app = await buildApp({ db });
  await app.ready();
  opened.push({ app, db });
  return app;
}

function databaseFile(migrationsDir?: string): string {
  const file = join(dir, 'tillit.db');
  const db = openDatabase(file);
  migrate(db, migrationsDir);
  seed(db, { demo: false });
  db.close();
  return file;
}

const ready = async (app: FastifyInstance) => {
  const res = await app.inject({ method: 'GET', url: '/api/health/ready' });
  return { status: res.statusCode, body: res.json<{ status: string; checks: Record<string, string>; reason: string | null; pendingMigrations: string[] }>() };
};

describe('GET /api/health/ready', () => {
  it('is 200 when the database answers, takes a write and has every migration, and changes nothing', async () => {
    const db = openDatabase(databaseFile());
    const app = await appOn(db);
    const before = db.prepare('SELECT count(*) FROM app_meta').pluck().get();
    expect(await ready(app)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', writable: 'ok', migrations: 'ok' }, reason: null, pendingMigrations: [] },
    });
    expect(db.prepare('SELECT count(*) FROM app_meta').pluck().get()).toBe(before);
  });

  it('is 503 with the reason when the database file is read-only, while /api/health still answers', async () => {
    const file = databaseFile();
    chmodSync(file, 0o444);
    // An account that may only read the file gets it read-only from SQLite, opened as the server
    // opens it. Root ignores file modes (CI runs as root), so there it is opened read-only outright,
    // which is the state SQLite falls back to for everyone else.
    const db = process.getuid?.() === 0 ? new Database(file, { readonly: true, fileMustExist: true }) : openDatabase(file);
    const app = await appOn(db);

    const { status, body } = await ready(app);
    expect(status).toBe(503);
    expect(body.status).toBe('not_ready');
    expect(body.checks).toEqual({ database: 'ok', writable: 'failed', migrations: 'ok' });
    expect(body.reason).toMatch(/^Databasen är skrivskyddad \(SQLITE_READONLY/);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('is 503 and names the migrations that are missing', async () => {
    const older = join(dir, 'migrations');
    mkdirSync(older);
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    const newest = files.at(-1)!;
    for (const f of files.slice(0, -1)) copyFileSync(join(MIGRATIONS_DIR, f), join(older, f));
    const app = await appOn(openDatabase(databaseFile(older)));

    const { status, body } = await ready(app);
    expect(status).toBe(503);
    expect(body.checks.migrations).toBe('pending');
    expect(body.pendingMigrations).toEqual([newest]);
    expect(body.reason).toContain(newest);
  });

  it('does not wait for another process that holds the write lock: ready, with the write check "busy"', async () => {
    const file = databaseFile();
    const app = await appOn(openDatabase(file));
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const { status, body } = await ready(app);
      expect(status).toBe(200);
      expect(body.checks.writable).toBe('busy');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
