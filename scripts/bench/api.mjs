// The API part of `npm run bench`: /api/values and /api/summary on the scale dataset (2,000 units ×
// 6 metrics × 20 years), signed in as a real user would be, against a bare Fastify hello-world
// started the same way; the first (cold) build of a metric's figures; the time to a healthy start.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connections, duration, load, median, PORTS, processStat, root, signIn, startServer } from './lib.mjs';

const SERVER = 'apps/api/dist/server.js';
const SCALE = { TILLIT_DEMO: '1', TILLIT_DATASET: 'scale' };
const METRICS = ['staff_per_manager', 'manager_turnover_external', 'manager_tenure_3y', 'staff_turnover', 'manager_sick_leave', 'manager_mobility_internal'];

/** The first build of each metric's safe figures, in this process, on a seeded database. */
async function coldBuilds(databasePath, rootUnit) {
  const dist = (p) => import(pathToFileURL(join(root, 'apps/api/dist', p)).href);
  const { openDatabase } = await dist('db/database.js');
  const { createServices } = await dist('services/index.js');
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
const us = (x) => Math.round(x);
// What Chromium sends: the server may compress.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/** req/s, p99 and server CPU per request of one load, next to the hello-world's. */
function loadRows(name, r, base, hasGoal) {
  const errors = r.errors > 0 ? ` (${r.errors} errors)` : '';
  const cpu = r.cpuUsPerRequest / base.cpuUsPerRequest;
  return [
    { what: `${name}: req/s${errors}`, figure: r.requestsPerSecond, baseline: base.requestsPerSecond, ratio: ratio(r.requestsPerSecond, base.requestsPerSecond), goal: null, met: null },
    { what: `${name}: p99 ms`, figure: r.p99Ms, baseline: base.p99Ms, ratio: ratio(r.p99Ms, base.p99Ms), goal: hasGoal ? '≤ 10 ms' : null, met: hasGoal ? r.errors === 0 && r.p99Ms <= 10 : null },
    { what: `${name}: server CPU µs per request`, figure: us(r.cpuUsPerRequest), baseline: us(base.cpuUsPerRequest), ratio: cpu.toFixed(2), goal: hasGoal ? '≤ 2.5×' : null, met: hasGoal ? r.errors === 0 && cpu <= 2.5 : null },
  ];
}

/** Creates a public link to the summary as the development manager; its token. */
async function publicLink(url, cookie) {
  const res = await fetch(`${url}/api/public-links`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Bench' }),
  });
  if (!res.ok) throw new Error(`creating a public link answered ${res.status}`);
  return (await res.json()).token;
}

/**
 * Many distinct answers, as a day of use asks for: every area's summary, and every metric for
 * the organisation, its departments and areas and 300 units, four at a time. Returns how many.
 */
async function sweep(url, staff, politician) {
  const res = await fetch(`${url}/api/units`, { headers: { cookie: staff } });
  const ids = [];
  const walk = (nodes) => nodes.forEach((n) => (ids.push(n), walk(n.children)));
  walk(await res.json());
  const groups = ids.filter((n) => n.children.length > 0).map((n) => n.id);
  const leaves = ids.filter((n) => n.children.length === 0).map((n) => n.id).filter((_, i) => i % 6 === 0).slice(0, 300);
  const paths = [
    ...groups.map((id) => [`/api/summary?unit=${id}`, politician]),
    ...METRICS.flatMap((m) => [...groups, ...leaves].map((id) => [`/api/values?metric=${m}&unit=${id}`, staff])),
  ];
  for (let i = 0; i < paths.length; i += 4) {
    await Promise.all(paths.slice(i, i + 4).map(async ([path, cookie]) => {
      const r = await fetch(`${url}${path}`, { headers: { cookie, ...BROWSER } });
      if (!r.ok) throw new Error(`${path} answered ${r.status}`);
      await r.arrayBuffer();
    }));
  }
  return paths.length;
}

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
      const token = await publicLink(scale.url, staff);
      const targets = [
        ['GET /api/values, the organisation (sick leave, 20 years)', '/api/values?metric=manager_sick_leave&unit=kommun', staff, true],
        ['GET /api/values, one unit (staff turnover)', '/api/values?metric=staff_turnover&unit=f3-o04-e017', staff, true],
        ['GET /api/summary as a politician (whole organisation)', '/api/summary', politician, true],
        ['GET /api/public/:token/summary (a public link, no session)', `/api/public/${token}/summary`, null, false],
        ['GET /api/health (no data: the fixed cost of a request)', '/api/health', null, false],
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
        const res = await fetch(`${scale.url}${path}`, { headers: cookie ? { cookie } : {} });
        if (!res.ok) throw new Error(`${path} answered ${res.status}: signed in?`);
      }

      console.log(`API: autocannon, ${connections} connections, ${duration} s per load, 127.0.0.1; scale dataset (2,000 units × 6 metrics × 20 years); requests accept compression as Chromium's do; each load after a hello-world load`);
      // Each load is paired with a hello-world load just before it: on a shared machine the
      // baseline moves from minute to minute, and a ratio to its neighbour is steadier.
      const hellos = [];
      const paired = async (name, path, headers, options, hasGoal) => {
        const base = await load(`${hello.url}/`, BROWSER, { pid: hello.child.pid });
        hellos.push(base);
        const r = await load(`${scale.url}${path}`, { ...BROWSER, ...headers }, { pid: scale.child.pid, ...options });
        raw[name] = { load: r, hello: base };
        rows.push(...loadRows(name, r, base, hasGoal));
      };
      for (const [name, path, cookie, hasGoal] of targets) await paired(name, path, cookie ? { cookie } : {}, {}, hasGoal);
      // A repeated request for an unchanged public summary: 304, a header instead of the answer.
      const etag = (await fetch(`${scale.url}${targets[3][1]}`, { headers: BROWSER })).headers.get('etag');
      if (etag) {
        await paired('GET /api/public/:token/summary again, If-None-Match (304)', targets[3][1], { 'if-none-match': etag }, { expect: 304 }, false);
      } else {
        rows.push({ what: 'GET /api/public/:token/summary again, If-None-Match: no ETag in the answer', figure: '–', goal: null, met: null });
      }
      raw.hello = hellos;
      const cpus = hellos.map((h) => h.cpuUsPerRequest);
      rows.unshift({ what: `baseline: Fastify hello-world GET /, server CPU µs per request (median of ${hellos.length} loads, one before each below: ${cpus.map(us).join(', ')})`, figure: us(median(cpus)), baseline: us(median(cpus)), ratio: '1.00', goal: null, met: null });
      rows.unshift({ what: 'baseline: Fastify hello-world GET /, req/s (median)', figure: Math.round(median(hellos.map((h) => h.requestsPerSecond))), baseline: Math.round(median(hellos.map((h) => h.requestsPerSecond))), ratio: '1.00', goal: null, met: null });
      // Memory: after the loads and a sweep of many distinct answers (every area's summary, a
      // metric for many units), as a day of use fills the caches.
      raw.sweep = await sweep(scale.url, staff, politician);
      const mem = processStat(scale.child.pid);
      const helloMem = processStat(hello.child.pid);
      raw.memory = { ...mem, helloRssMB: helloMem.rssMB };
      rows.push({ what: `resident memory (RSS) of the server after the loads and ${raw.sweep} distinct answers, MB; baseline: hello-world`, figure: Math.round(mem.rssMB), baseline: Math.round(helloMem.rssMB), ratio: ratio(mem.rssMB, helloMem.rssMB), goal: '≤ 250 MB', met: mem.rssMB <= 250 });
      rows.push({ what: 'peak resident memory (VmHWM) of the server since its start, MB', figure: Math.round(mem.peakRssMB), baseline: Math.round(helloMem.peakRssMB), ratio: ratio(mem.peakRssMB, helloMem.peakRssMB), goal: '≤ 250 MB', met: mem.peakRssMB <= 250 });
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
