// The web part of `npm run bench`: the JavaScript a first visit downloads for each route, as it
// goes over the wire, in headless Chromium with the HTTP cache off (Chrome DevTools Protocol:
// `Network.setCacheDisabled`, and each response's `encodedDataLength` from `loadingFinished`),
// signed in as the person who would open the page, until the page has drawn what it is for and
// the network is idle. Baseline, same run and same scripts: their decoded size, i.e. what they
// weighed on the wire before the server compressed anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { PORTS, startServer } from './lib.mjs';

// As CHROMIUM_ARGS in playwright.config.ts (kept in step by hand: that file is TypeScript).
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Route, who opens it, what shows it is there, goal in kB (JavaScript on the wire). */
const ROUTES = [
  ['/login (sign-in)', () => '/login', null, 'form button', 120],
  ['/summary (the politicians’ summary)', () => '/summary', 'politiker', '.summary-metric', 120],
  ['/p/:token (public summary link)', (token) => `/p/${token}`, null, '.summary-metric', 120],
  ['/ (overview)', () => '/', 'utvecklingschef', '.metric-card, article', 250],
  ['/metrics/:key (metric page, chart included)', () => '/metrics/manager_sick_leave?unit=soc', 'utvecklingschef', 'path.recharts-line-curve', 300],
];

/** Bytes of every response of a page load with the cache off, by resource type. */
export async function weighPage(browser, url, { ready, cookies = [] }) {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 } });
  if (cookies.length > 0) await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map();
  const decoded = new Map();
  const out = { script: { wire: 0, decoded: 0, count: 0 }, all: { wire: 0, decoded: 0, count: 0 } };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    const isScript = types.get(e.requestId) === 'Script';
    for (const bucket of isScript ? [out.script, out.all] : [out.all]) {
      bucket.wire += e.encodedDataLength;
      bucket.decoded += decoded.get(e.requestId) ?? 0;
      bucket.count++;
    }
  });
  await page.goto(url);
  await page.waitForSelector(ready, { state: 'attached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return out;
}

/** Signs in through the API and hands back the session cookie for a browser context. */
async function sessionCookie(url, username) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'tillit-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  const value = res.headers.getSetCookie().find((c) => c.startsWith('tillit_session='))?.split(';')[0].split('=')[1];
  return { name: 'tillit_session', value, url };
}

export async function benchWire() {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-bench-wire-'));
  const server = await startServer('apps/api/dist/server.js', PORTS.web, { DATABASE_PATH: join(dir, 'web.db'), TILLIT_DEMO: '1' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dm = await sessionCookie(server.url, 'utvecklingschef');
    const link = await fetch(`${server.url}/api/public-links`, {
      method: 'POST',
      headers: { cookie: `tillit_session=${dm.value}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Bench' }),
    });
    const { token } = await link.json();
    const rows = [];
    const raw = {};
    for (const [name, path, who, ready, goal] of ROUTES) {
      const cookies = who ? [await sessionCookie(server.url, who)] : [];
      const r = await weighPage(browser, `${server.url}${path(token)}`, { ready, cookies });
      raw[name] = r;
      const kB = r.script.wire / 1024;
      rows.push({
        what: `${name}: JavaScript on the wire, first visit, kB (${r.script.count} files; all files ${(r.all.wire / 1024).toFixed(1)} kB); baseline: the same files decoded`,
        figure: kB.toFixed(1),
        baseline: (r.script.decoded / 1024).toFixed(1),
        ratio: (r.script.wire / r.script.decoded).toFixed(2),
        goal: `≤ ${goal} kB`,
        met: kB <= goal,
      });
    }
    return { rows, raw };
  } finally {
    await browser.close();
    await server.stop();
  }
}
