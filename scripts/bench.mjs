#!/usr/bin/env node
// `npm run bench`: Tillit's API under load, side by side with a bare Fastify hello-world in the
// same run, and the time from start to a healthy /api/health. Loopback only, bounded in time.
// BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 50) tune the load.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

ensureBuilt();

async function startServer(script, port, env = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${url}${env.HEALTH ?? '/api/health'}`);
      if (res.ok) return { child, url, startMs: performance.now() - started };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start on port ${port}`);
}

function load(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const summarise = (name, r) => ({
  name,
  requestsPerSecond: Math.round(r.requests.average),
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  errors: r.errors + r.non2xx,
});

const dir = mkdtempSync(join(tmpdir(), 'tillit-bench-'));
const hello = await startServer('scripts/bench/hello.mjs', 3201, { HEALTH: '/' });
const tillit = await startServer('apps/api/dist/server.js', 3202, { DATABASE_PATH: join(dir, 'bench.db'), TILLIT_DEMO: '1' });
// A second start on the now seeded database: the start time a user sees after the first run.
tillit.child.kill('SIGTERM');
await new Promise((r) => tillit.child.once('exit', r));
const warm = await startServer('apps/api/dist/server.js', 3202, { DATABASE_PATH: join(dir, 'bench.db'), TILLIT_DEMO: '1' });

const rows = [];
try {
  console.log(`Load: ${connections} connections, ${duration} s each, on 127.0.0.1 (demo dataset: 46 units × 6 metrics × 7 years)\n`);
  const base = summarise('baseline: Fastify hello-world GET /', await load(`${hello.url}/`));
  rows.push(base);
  for (const [name, path] of [
    ['GET /api/values (department, sick leave)', '/api/values?metric=manager_sick_leave&unit=soc'],
    ['GET /api/values (one unit, staff turnover)', '/api/values?metric=staff_turnover&unit=vob-ekbacken'],
    ['GET /api/units', '/api/units'],
  ]) {
    rows.push(summarise(name, await load(`${warm.url}${path}`)));
  }
  console.log('| what | req/s | ratio to baseline | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = (r.requestsPerSecond / base.requestsPerSecond).toFixed(2);
    console.log(`| ${r.name} | ${r.requestsPerSecond} | ${ratio} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} |`);
  }
  console.log(`\nStart to healthy /api/health: first start (migrate + seed demo) ${Math.round(tillit.startMs)} ms, ` +
    `next start ${Math.round(warm.startMs)} ms; baseline hello-world ${Math.round(hello.startMs)} ms.`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/latest.json'),
    JSON.stringify({ at: new Date().toISOString(), duration, connections, rows, start: { first: tillit.startMs, next: warm.startMs, baseline: hello.startMs } }, null, 2),
  );
} finally {
  hello.child.kill('SIGTERM');
  warm.child.kill('SIGTERM');
}
