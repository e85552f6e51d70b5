#!/usr/bin/env node
// `npm run bench`: every figure next to its baseline from the same run, part by part — the API
// under load on the scale dataset, the web app's JavaScript per route, the first chart drawn in
// Chromium, the start — then the import benchmark (scripts/bench/import.mjs) when it exists, and
// the privacy step (apps/api/src/privacy-scale.check.ts through vitest: the cost of suppression
// with a memory of releases next to without, and the linear-programming checker at scale).
// Loopback only (ports 3211–3219), bounded in time. BENCH_DURATION (seconds per load, default
// 10), BENCH_CONNECTIONS (default 50), BENCH_PARTS (e.g. `api,web`; default all).
// See docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';
import { benchApi } from './bench/api.mjs';
import { benchWire } from './bench/wire.mjs';
import { benchFirstChart } from './bench/first-chart.mjs';
import { connections, duration, printTable, root } from './bench/lib.mjs';

const parts = (process.env.BENCH_PARTS ?? 'api,web,chart,import,privacy').split(',').map((p) => p.trim());
const started = performance.now();
ensureBuilt();

const machine = `${cpus().length} cores, Node ${process.versions.node}, ${process.platform}`;
console.log(`Tillit bench on ${machine}; ${connections} connections, ${duration} s per load.`);
const results = { at: new Date().toISOString(), machine, duration, connections, parts: {} };

if (parts.includes('api')) {
  const r = await benchApi();
  results.parts.api = r;
  printTable('API (scale dataset: 2,000 units × 6 metrics × 20 years)', r.rows);
}
if (parts.includes('web')) {
  const r = await benchWire();
  results.parts.web = r;
  printTable('Web: JavaScript on the wire per route, first visit (headless Chromium, cache off)', r.rows);
}
if (parts.includes('chart')) {
  const r = await benchFirstChart();
  results.parts.chart = r;
  printTable('Web: first chart drawn after navigation (headless Chromium, localhost)', r.rows);
}

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2));

const importBench = join(root, 'scripts/bench/import.mjs');
if (parts.includes('import') && existsSync(importBench)) {
  console.log('\n(scripts/bench/import.mjs)');
  const r = spawnSync(process.execPath, [importBench], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
if (parts.includes('privacy')) {
  console.log('\n(privacy on the scale dataset: apps/api/src/privacy-scale.check.ts)');
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.check.config.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
console.log(`\nWhole run: ${Math.round((performance.now() - started) / 1000)} s. Raw figures: bench/results/latest.json`);
