// The API part of `npm run bench`: /api/values and /api/summary on the scale dataset (2,000 units ×
// 6 metrics × 20 years), signed in as a real user would be, against a bare Fastify hello-world
// started the same way; the first (cold) build of a metric's figures; the time to a healthy start.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connections, duration, load, median, PORTS, root, signIn, startServer } from './lib.mjs';

const SERVER = 'apps/api/dist/server.js';
const SCALE = { TILLIT_DEMO: '1', TILLIT_DATASET: 'scale' };
const METRICS = ['staff_per_manager', 'manager_turnover_external', 'manager_tenure_3y', 'staff_turnover', 'manager_sick_leave', 'manager_mobility_internal'];

/** The first build of each metric's safe figures, in this process, on a seeded database. */
async function coldBuilds(databasePath, rootUnit) {
  const dist = (p) => import(pathToFileURL(join(root, 'apps/api/dist', p)).href);
  const { openDatabase } = await dist('db/database.js');
  const { createServices } = await dist('app.js');
  const db = openDatabase(databasePath);
  try {
    const services = createServices(db);
    const unit = services.units.requireUnit(rootUnit);
    return services.catalogue.metrics().map((m) => {
      const t = performance.now();
      services.values.series(m, unit);
      return { metric: m.key, ms: performance.now() - t };
    });
  } finally {
    db.close();
  }
}

const ratio = (a, b) => (a / b).toFixed(2);

export async function benchApi() {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-bench-'));
  const demoDb = join(dir, 'demo.db');
  const scaleDb = join(dir, 'scale.db');
  const rows = [];
  const raw = {};

  const hello = await startServer('scripts/bench/hello.mjs', PORTS.hello, {}, '/');
  try {
    // Start: first start migrates and seeds; the next is what a user sees every day after.
    const demoFirst = await startServer(SERVER, PORTS.demo, { DATABASE_PATH: demoDb, TILLIT_DEMO: '1' });
    await demoFirst.stop();
    const demoNext = await startServer(SERVER, PORTS.demo, { DATABASE_PATH: demoDb, TILLIT_DEMO: '1' });
    await demoNext.stop();
    const scaleFirst = await startServer(SERVER, PORTS.scale, { DATABASE_PATH: scaleDb, ...SCALE });
    await scaleFirst.stop();
    raw.start = { hello: hello.startMs, demoFirst: demoFirst.startMs, demoNext: demoNext.startMs, scaleFirst: scaleFirst.startMs };

    // Cold builds, before the server below holds the database (each in this one process).
    const cold = await coldBuilds(scaleDb, 'kommun');
    const coldDemo = await coldBuilds(demoDb, 'soc');
    raw.cold = { scale: cold, demo: coldDemo };

    const scale = await startServer(SERVER, PORTS.scale, { DATABASE_PATH: scaleDb, ...SCALE });
    raw.start.scaleNext = scale.startMs;
    try {
      const staff = await signIn(scale.url, 'utvecklingschef');
      const politician = await signIn(scale.url, 'politiker');
      const targets = [
        ['GET /api/values, the organisation (sick leave, 20 years)', '/api/values?metric=manager_sick_leave&unit=kommun', staff],
        ['GET /api/values, one unit (staff turnover)', '/api/values?metric=staff_turnover&unit=f3-o04-e017', staff],
        ['GET /api/summary as a politician (whole organisation)', '/api/summary', politician],
      ];
      // The first request after start, signed in: served from figures precomputed at start, or
      // waits for them.
      const t = performance.now();
      const first = await fetch(`${scale.url}${targets[0][1]}`, { headers: { cookie: staff } });
      if (!first.ok) throw new Error(`first /api/values answered ${first.status}`);
      await first.arrayBuffer();
      raw.firstRequestMs = performance.now() - t;
      // Wait for every metric's figures (precomputed in the background at start), so that the
      // loads below measure answering, not the one-off build.
      for (const metric of METRICS) {
        const res = await fetch(`${scale.url}/api/values?metric=${metric}&unit=kommun`, { headers: { cookie: staff } });
        if (!res.ok) throw new Error(`/api/values for ${metric} answered ${res.status}`);
      }
      for (const [, path, cookie] of targets) {
        const res = await fetch(`${scale.url}${path}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`${path} answered ${res.status}: signed in?`);
      }

      console.log(`API: autocannon, ${connections} connections, ${duration} s per load, 127.0.0.1; scale dataset (2,000 units × 6 metrics × 20 years)`);
      const base = await load(`${hello.url}/`);
      raw.hello = base;
      rows.push({ what: 'baseline: Fastify hello-world GET / (req/s)', figure: base.requestsPerSecond, baseline: base.requestsPerSecond, ratio: '1.00', goal: null, met: null });
      for (const [name, path, cookie] of targets) {
        const r = await load(`${scale.url}${path}`, { cookie });
        raw[path] = r;
        const errors = r.errors > 0 ? ` (${r.errors} errors)` : '';
        rows.push({
          what: `${name}: req/s${errors}`,
          figure: r.requestsPerSecond,
          baseline: base.requestsPerSecond,
          ratio: ratio(r.requestsPerSecond, base.requestsPerSecond),
          goal: '≥ 0.50×',
          met: r.errors === 0 && r.requestsPerSecond / base.requestsPerSecond >= 0.5,
        });
        rows.push({ what: `${name}: p99 ms`, figure: r.p99Ms, baseline: base.p99Ms, ratio: ratio(r.p99Ms, base.p99Ms), goal: '< 10 ms', met: r.p99Ms < 10 });
      }
    } finally {
      await scale.stop();
    }

    const slowest = cold.reduce((a, b) => (b.ms > a.ms ? b : a));
    const slowestDemo = coldDemo.reduce((a, b) => (b.ms > a.ms ? b : a));
    const total = cold.reduce((a, b) => a + b.ms, 0);
    const totalDemo = coldDemo.reduce((a, b) => a + b.ms, 0);
    rows.push({ what: `cold build of one metric's figures, slowest (${slowest.metric}), ms; baseline: demo dataset`, figure: Math.round(slowest.ms), baseline: Math.round(slowestDemo.ms), ratio: ratio(slowest.ms, slowestDemo.ms), goal: 'precomputed at start', met: null });
    rows.push({ what: 'cold build of all 6 metrics, ms; baseline: demo dataset', figure: Math.round(total), baseline: Math.round(totalDemo), ratio: ratio(total, totalDemo), goal: null, met: null });
    rows.push({ what: 'first signed-in /api/values after start (scale), ms; baseline: median of the cold builds', figure: Math.round(raw.firstRequestMs), baseline: Math.round(median(cold.map((c) => c.ms))), ratio: ratio(raw.firstRequestMs, median(cold.map((c) => c.ms))), goal: null, met: null });
    const s = raw.start;
    for (const [what, ms] of [
      ['start to healthy /api/health, demo, first start (migrate + seed), ms', s.demoFirst],
      ['start to healthy /api/health, demo, next start, ms', s.demoNext],
      ['start to healthy /api/health, scale, first start (migrate + seed 240,000 figures), ms', s.scaleFirst],
      ['start to healthy /api/health, scale, next start, ms', s.scaleNext],
    ]) {
      rows.push({ what, figure: Math.round(ms), baseline: Math.round(s.hello), ratio: ratio(ms, s.hello), goal: what.includes('first') ? null : '< 3000 ms', met: what.includes('first') ? null : ms < 3000 });
    }
  } finally {
    await hello.stop();
  }
  return { rows, raw };
}
