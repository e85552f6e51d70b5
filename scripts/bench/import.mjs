#!/usr/bin/env node
// The import benchmark (`node scripts/bench/import.mjs`; `npm run bench` runs it last): a
// 1,000,000-row CSV as Swedish Excel writes it (`;`, decimal comma, Windows-1252) for a synthetic
// organisation of 4,630 units, imported by the real CLI (`apps/api/dist/cli/import.js`, the same
// streaming service as the API) in a child process, next to the baseline in the same run: the
// same rows as plain prepared INSERTs in one transaction. Prints rows, seconds, the ratio and
// each child's peak RSS. BENCH_IMPORT_ROWS changes the row count. See docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../ensure-built.mjs';
import { benchRows, swedish, unitCount, unitId } from './import-data.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
ensureBuilt();
const { migrate, openDatabase } = await import(join(root, 'apps/api/dist/db/database.js'));
const { seed } = await import(join(root, 'apps/api/dist/services/seed.js'));

const dir = mkdtempSync(join(tmpdir(), 'tillit-bench-import-'));
try {
  // The database: the catalogue, and the organisation's units (one per line of the HR export).
  const template = join(dir, 'template.db');
  const db = openDatabase(template);
  migrate(db);
  seed(db, { demo: false });
  const units = unitCount(ROWS);
  db.transaction(() => {
    db.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES ('bench', 'Skalorganisation (syntetisk)', 'organisation', NULL)").run();
    const insert = db.prepare("INSERT INTO units (id, name, kind, parent_id) VALUES (?, ?, 'unit', 'bench')");
    for (let u = 0; u < units; u++) insert.run(unitId(u), `Enhet ${u} (syntetisk)`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  // The file, written as a stream: Swedish Excel's "CSV (semikolonavgränsad)".
  const csv = join(dir, 'varden.csv');
  await new Promise((resolve, reject) => {
    const out = createWriteStream(csv, { encoding: 'latin1' });
    out.on('error', reject);
    out.write('Enhet;Nyckeltal;År;Täljare;Nämnare\r\n');
    let lines = [];
    for (const [unit, metric, year, n, d] of benchRows(ROWS)) {
      lines.push(`${unit};${metric};${year};${swedish(n)};${swedish(d)}\r\n`);
      if (lines.length === 10_000) {
        out.write(lines.join(''));
        lines = [];
      }
    }
    out.end(lines.join(''), resolve);
  });
  const fileMb = statSync(csv).size / 1024 / 1024;

  /** Runs a script in a child with the RSS preload; returns wall seconds, peak RSS (MB) and stdout. */
  const child = (args, env = {}) => {
    const rssOut = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', join(root, 'scripts/bench/rss-exit.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, BENCH_RSS_OUT: rssOut, TILLIT_DEMO: '0', LOG_LEVEL: 'warn', ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    return { seconds, ...JSON.parse(readFileSync(rssOut, 'utf8')), stdout: r.stdout };
  };
  const fresh = (name) => {
    const path = join(dir, name);
    copyFileSync(template, path);
    return path;
  };

  const cli = join(root, 'apps/api/dist/cli/import.js');
  const dryDb = fresh('dry.db');
  const dry = child([cli, csv, '--dry-run'], { DATABASE_PATH: dryDb });
  const importDb = fresh('import.db');
  const imported = child([cli, csv], { DATABASE_PATH: importDb });
  const baseDb = fresh('baseline.db');
  const base = child([join(root, 'scripts/bench/import-baseline.mjs'), baseDb, String(ROWS)]);
  const baseInsert = JSON.parse(base.stdout).seconds;
  delete dry.stdout;
  delete imported.stdout;

  const check = openDatabase(importDb);
  const written = check.prepare('SELECT count(*) FROM metric_values').pluck().get();
  check.close();
  if (written !== ROWS) throw new Error(`the importer wrote ${written} rows, not ${ROWS}`);

  const f = (n, d = 1) => n.toFixed(d);
  console.log(`Import: ${ROWS.toLocaleString('en')} rows, ${f(fileMb)} MB CSV (;, decimal comma, Windows-1252), ${units} units × 6 metrics × 36 years\n`);
  // Wall seconds are what a person waits; CPU seconds (the whole child process) are steadier when
  // other work shares the machine. The baseline's CPU is its whole process too, generating included.
  console.log('| what | rows | wall s | ratio | CPU s | CPU ratio | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(`| baseline: prepared INSERTs, one transaction | ${ROWS} | ${f(baseInsert, 2)} (insert loop) | 1.00 | ${f(base.cpuSeconds, 2)} | 1.00 | ${f(base.rssMb, 0)} |`);
  for (const [name, r] of [['importer CLI, dry run', dry], ['importer CLI, import', imported]]) {
    console.log(`| ${name} (whole process) | ${ROWS} | ${f(r.seconds, 2)} | ${f(r.seconds / baseInsert, 2)} | ${f(r.cpuSeconds, 2)} | ${f(r.cpuSeconds / base.cpuSeconds, 2)} | ${f(r.rssMb, 0)} |`);
  }
  const goal = imported.seconds / baseInsert <= 3 && imported.rssMb < 300;
  console.log(`\nGoal (import ≤ 3× the baseline's wall time, peak RSS < 300 MB): ${goal ? 'met' : 'NOT met'}.`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/import.json'),
    JSON.stringify({ at: new Date().toISOString(), rows: ROWS, fileMb, baseline: { seconds: baseInsert, cpuSeconds: base.cpuSeconds, rssMb: base.rssMb }, dryRun: dry, import: imported }, null, 2),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
