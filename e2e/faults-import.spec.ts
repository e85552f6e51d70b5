import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

// The server killed with SIGKILL in the middle of a large import: the database must hold the
// batch wholly or not at all, and the server must start again. This spawns its own server (the
// built one) on its own port and database, kills it, and reads the database file directly.
// Nothing here depends on how long anything takes: the kills are triggered by events (half the
// upload sent; the database's write-ahead log growing, which only the commit does).

const PORT = Number(process.env.E2E_PORT ?? 3101) + 1000;
const ROWS = 300_000;
const METRICS = ['staff_turnover', 'manager_turnover_external', 'manager_tenure_3y', 'manager_mobility_internal', 'staff_per_manager', 'manager_sick_leave'];
const YEARS = 36; // 1990–2025
const UNITS = Math.ceil(ROWS / (METRICS.length * YEARS));

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let dir: string;
let dbPath: string;
let server: ChildProcess | null = null;

/** The server's temporary directory (its TMPDIR), where uploads arrive. */
function uploads(): string {
  const path = join(dir, 'tmp');
  mkdirSync(path, { recursive: true });
  return path;
}

function startServer(): Promise<void> {
  const child = spawn(process.execPath, ['apps/api/dist/server.js'], {
    // Its own temporary directory, so the uploads it leaves behind can be checked.
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: dbPath, TILLIT_DEMO: '1', LOG_LEVEL: 'warn', TMPDIR: uploads() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = child;
  return expect
    .poll(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
    .toBe(200);
}

async function kill(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function signIn(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'utvecklingschef', password: 'tillit-demo' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tillit_session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

/** The big file, as Swedish Excel writes it, for units this test adds. */
function bigCsv(): Buffer {
  const lines = ['Enhet;Nyckeltal;År;Täljare;Nämnare'];
  outer: for (let u = 0; u < UNITS; u++) {
    for (const metric of METRICS) {
      for (let y = 1990; y < 1990 + YEARS; y++) {
        if (lines.length > ROWS) break outer;
        lines.push(`krasch-${u};${metric};${y};${(u + y) % 17};${40 + (u % 9)},5`);
      }
    }
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

/**
 * Starts the upload as a real multipart stream and calls `whenToKill` with a way to send the
 * rest; resolves with the HTTP status, or null when the connection died with the server.
 */
function upload(cookie: string, file: Buffer, whenToKill: (sendRest: () => void) => Promise<void>): Promise<number | null> {
  const boundary = `----tillit${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="krasch.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const half = Math.floor(file.length / 2);
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        path: '/api/imports',
        method: 'POST',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + file.length + tail.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? null));
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.write(head);
    req.write(file.subarray(0, half), () => {
      void whenToKill(() => req.end(Buffer.concat([file.subarray(half), tail])));
    });
  });
}

/** The import tables as the database file holds them after the kill. */
function inspect() {
  const db = new Database(dbPath, { readonly: true });
  try {
    const batches = db.prepare("SELECT id, rows_written FROM import_batches WHERE file_name = 'krasch.csv'").all() as { id: number; rows_written: number }[];
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      values: db.prepare('SELECT count(*) FROM metric_values').pluck().get() as number,
      fromTest: db.prepare("SELECT count(*) FROM metric_values WHERE unit_id LIKE 'krasch-%'").pluck().get() as number,
      batches,
      batchValues: batches.map((b) => db.prepare('SELECT count(*) FROM import_batch_values WHERE batch_id = ?').pluck().get(b.id) as number),
      audited: db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'import'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  expect(existsSync('apps/api/dist/server.js'), 'run `npm run build` first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'tillit-faults-import-'));
  dbPath = join(dir, 'tillit.db');
  // Migrate and seed the demo, then add the units the big file is about (synthetic, as named).
  const seeded = spawnSync(process.execPath, ['apps/api/dist/cli/seed.js'], { env: { ...process.env, DATABASE_PATH: dbPath, TILLIT_DEMO: '1' } });
  expect(seeded.status, String(seeded.stderr)).toBe(0);
  const db = new Database(dbPath);
  const parent = db.prepare("SELECT id FROM units WHERE parent_id IS NULL LIMIT 1").pluck().get() as string;
  const insert = db.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?, ?, 'unit', ?)");
  db.transaction(() => {
    for (let u = 0; u < UNITS; u++) insert.run(`krasch-${u}`, `Kraschtest ${u} (syntetisk)`, parent);
  })();
  db.close();
});

test.afterAll(async () => {
  await kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('SIGKILL while the file is still arriving leaves nothing of the import, and the server starts again', async () => {
  await startServer();
  const before = inspect();
  const cookie = await signIn();
  const killedPid = server!.pid!;
  const status = await upload(cookie, bigCsv(), async () => {
    await kill(); // half the file is on its way: the import has not begun to write
  });
  expect(status).toBeNull();
  const leftBy = (pid: number) => readdirSync(uploads()).filter((name) => name.startsWith(`tillit-upload-${pid}-`));
  expect(leftBy(killedPid)).toHaveLength(1); // the half-received file

  const after = inspect();
  expect(after.integrity).toBe('ok');
  expect(after.foreignKeys).toBe(0);
  expect(after.values).toBe(before.values);
  expect(after.batches).toEqual([]);
  expect(after.audited).toBe(before.audited);

  await startServer();
  expect(leftBy(killedPid)).toEqual([]); // removed by the next start
  const list = await fetch(`http://127.0.0.1:${PORT}/api/imports`, { headers: { cookie: await signIn() } });
  expect(list.status).toBe(200);
  await kill();
});

test('SIGKILL during the commit leaves the batch wholly there or wholly absent, and the server starts again', async () => {
  await startServer();
  const before = inspect();
  const cookie = await signIn();
  const wal = `${dbPath}-wal`;
  const walSize = () => (existsSync(wal) ? statSync(wal).size : 0);
  let sawCommit = false;
  const status = await upload(cookie, bigCsv(), async (sendRest) => {
    const start = walSize();
    let answered = false;
    sendRest();
    // Only the commit writes megabytes to the log (the rows are staged in SQLite's temp file).
    // Kill as soon as it does; if the answer comes first, kill then.
    const watching = expect.poll(() => answered || walSize() > start + 4 * 1024 * 1024, { timeout: 120_000, intervals: [10] }).toBe(true);
    server?.once('exit', () => (answered = true));
    await watching;
    sawCommit = !answered;
    await kill();
  });
  test.info().annotations.push({ type: 'kill', description: sawCommit ? `during the commit (HTTP status ${status})` : `after the answer (HTTP status ${status})` });

  const after = inspect();
  expect(after.integrity).toBe('ok');
  expect(after.foreignKeys).toBe(0);
  if (after.batches.length === 0) {
    expect(after.values).toBe(before.values);
    expect(after.fromTest).toBe(0);
    expect(after.audited).toBe(before.audited);
  } else {
    expect(after.batches).toHaveLength(1);
    expect(after.batches[0]!.rows_written).toBe(ROWS);
    expect(after.batchValues).toEqual([ROWS]);
    expect(after.fromTest).toBe(ROWS);
    expect(after.values).toBe(before.values + ROWS);
    expect(after.audited).toBe(before.audited + 1);
  }

  await startServer();
  const health = await fetch(`http://127.0.0.1:${PORT}/api/health`);
  expect(health.status).toBe(200);
  const list = await fetch(`http://127.0.0.1:${PORT}/api/imports`, { headers: { cookie: await signIn() } });
  const { batches } = (await list.json()) as { batches: { fileName: string }[] };
  expect(batches.filter((b) => b.fileName === 'krasch.csv')).toHaveLength(after.batches.length);
  await kill();
});
