// The browser part of `npm run bench`: how long after a navigation the first chart is drawn, in
// headless Chromium on localhost, signed in as the development manager. A page load of a metric
// page (a full navigation, the slowest case: every script is fetched and run, then the data) is
// timed until the trend line's SVG path is in the DOM, recorded inside the page by a
// MutationObserver as performance.now() (milliseconds since the navigation started).
// Baseline, in the same browser, server and run: the first contentful paint of the sign-in page,
// which loads the same shared scripts but fetches no data and draws no chart — the floor any
// page of the app stands on. Median of BENCH_CHART_RUNS (default 7) of each.
/* global window, document, MutationObserver -- these run inside the page */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { median, PORTS, startServer } from './lib.mjs';
import { CHROMIUM_ARGS } from './wire.mjs';

/** A new page with the HTTP cache off, as a first visit (Chrome DevTools Protocol). */
async function freshPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

const runs = Number(process.env.BENCH_CHART_RUNS ?? 7);
const CHART_PATH = 'path.recharts-line-curve';

export async function benchFirstChart() {
  const dir = mkdtempSync(join(tmpdir(), 'tillit-bench-web-'));
  const server = await startServer('apps/api/dist/server.js', PORTS.web, { DATABASE_PATH: join(dir, 'web.db'), TILLIT_DEMO: '1' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 } });
    await context.addInitScript((selector) => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector(selector)) {
          window.__chartAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, CHART_PATH);
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { username: 'utvecklingschef', password: 'tillit-demo' } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const anonymous = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 } });

    const metricUrl = `${server.url}/metrics/manager_sick_leave?unit=soc`;
    // One warm-up of each: the server's figures and the browser's process are then ready, as for
    // a person who has the app open. The HTTP cache is off (CDP), so scripts are fetched each time.
    const chart = [];
    const paint = [];
    for (let i = 0; i <= runs; i++) {
      const page = await freshPage(context);
      await page.goto(metricUrl);
      await page.waitForSelector(CHART_PATH, { state: 'attached', timeout: 15_000 });
      const at = await page.evaluate(() => window.__chartAt);
      if (i > 0) chart.push(at);
      await page.close();

      const p = await freshPage(anonymous);
      await p.goto(`${server.url}/login`);
      await p.getByRole('button').first().waitFor();
      const fcp = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      if (i > 0 && fcp !== null) paint.push(fcp);
      await p.close();
    }
    const c = median(chart);
    const b = median(paint);
    return {
      raw: { chart, loginFirstPaint: paint },
      rows: [
        { what: `metric page (full load) → chart's SVG path in the DOM, median of ${runs}, ms; baseline: sign-in page's first contentful paint`, figure: Math.round(c), baseline: Math.round(b), ratio: (c / b).toFixed(2), goal: '< 1000 ms', met: c < 1000 },
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
