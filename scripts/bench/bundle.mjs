// The web part of `npm run bench`: gzipped JavaScript a browser fetches to show each route,
// computed from Vite's build manifest (apps/web/dist/.vite/manifest.json): the entry chunk and
// the route's page chunk, each with every chunk it imports statically. Chunks a page loads later
// (the chart) are counted separately. Baseline: what every route loaded before the pages were
// split (the entry with everything in it), measured from the same build's shared chunks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

const dist = join(root, 'apps/web/dist');

/**
 * Route, the page module it opens, goal in kB (null: no goal). A page that is an entry of its own
 * (`*.html`: the sign-in page, login.html) is measured alone, without the app's entry.
 */
const ROUTES = [
  ['/login (sign-in, its own entry)', 'login.html', 120],
  ['/summary (the politicians’ summary)', 'src/features/summary/SummaryPage.tsx', 120],
  ['/p/:token (public summary link)', 'src/features/summary/PublicSummaryPage.tsx', 120],
  ['/ (dashboard, overview)', 'src/features/overview/OverviewPage.tsx', 250],
  ['/metrics/:key (metric page, before its chart)', 'src/features/metric/MetricPage.tsx', 250],
];

export function benchBundle() {
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error('No Vite manifest: build with `npm run build` (build.manifest is on)');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const gz = new Map();
  const size = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file))).length);
    return gz.get(file);
  };
  const closure = (keys, out = new Set()) => {
    for (const key of keys) {
      const chunk = manifest[key];
      if (!chunk || out.has(chunk.file)) continue;
      out.add(chunk.file);
      closure(chunk.imports ?? [], out);
    }
    return out;
  };
  const kB = (files) => [...files].reduce((a, f) => a + size(f), 0) / 1024;
  const entryKey = 'index.html';
  if (!manifest[entryKey]?.isEntry) throw new Error('The Vite manifest has no index.html entry');
  const entry = closure([entryKey]);
  // Every chunk the app may load, now or later (not the sign-in entry's own chunk).
  const reachable = (keys, out = new Set()) => {
    for (const key of keys) {
      const chunk = manifest[key];
      if (!chunk || out.has(key)) continue;
      out.add(key);
      reachable([...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])], out);
    }
    return out;
  };
  const app = [...reachable([entryKey])].map((k) => manifest[k].file);
  const all = new Set(app.filter((f) => f.endsWith('.js') && !/recharts|Chart/.test(f)));
  const rows = [];
  const raw = { entry: kB(entry), routes: {} };
  // Baseline: every chunk but the lazily loaded charts, as one route would load if nothing were split.
  const baseline = kB(all);
  for (const [route, page, goal] of ROUTES) {
    const key = Object.keys(manifest).find((k) => k.endsWith(page));
    const files = !key ? entry : manifest[key].isEntry ? closure([key]) : closure([entryKey, key]);
    const total = kB(files);
    const later = key ? kB(new Set([...closure(manifest[key].dynamicImports ?? [])].filter((f) => !files.has(f)))) : 0;
    raw.routes[route] = { kB: total, laterKB: later, files: [...files] };
    rows.push({
      what: `${route}: gzipped JS, kB${later > 0 ? ` (+ ${later.toFixed(1)} kB loaded later: chart)` : ''}`,
      figure: total.toFixed(1),
      baseline: baseline.toFixed(1),
      ratio: (total / baseline).toFixed(2),
      goal: goal === null ? null : `< ${goal} kB`,
      met: goal === null ? null : total < goal,
    });
  }
  rows.push({ what: 'shared by every route (entry + its imports), kB', figure: raw.entry.toFixed(1), baseline: baseline.toFixed(1), ratio: (raw.entry / baseline).toFixed(2), goal: null, met: null });
  const biggest = [...entry].sort((a, b) => size(b) - size(a)).slice(0, 4);
  raw.biggestShared = biggest.map((f) => ({ file: f, kB: size(f) / 1024 }));
  console.log(`Web: biggest shared chunks: ${raw.biggestShared.map((b) => `${b.file.replace('assets/', '')} ${b.kB.toFixed(1)} kB`).join(', ')}`);
  return { rows, raw };
}
