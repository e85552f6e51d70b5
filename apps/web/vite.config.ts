import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web app bundles the domain from its source, so `vite` needs no `tsc -b` first.
const domainSource = fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url));

// recharts and the libraries only it uses. The chart is loaded with React.lazy, so this chunk is
// fetched on the metric page alone; the overview draws its sparklines as plain SVG.
const CHART_LIBRARIES =
  /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|internmap|@reduxjs[\\/]toolkit|@standard-schema[\\/][a-z-]+|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|clsx)[\\/]/;
// react-i18next shares use-sync-external-store's shim with the entry; only react-redux uses the
// selector variant, which belongs with the chart.
const CHART_ONLY_SHIM = /node_modules[\\/]use-sync-external-store[\\/].*with-selector/;
// React and the router change far less often than the app: their own chunks stay cached. The
// router is apart from React because the sign-in page (login.html) loads React alone.
const REACT = /node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const ROUTER = /node_modules[\\/]react-router[\\/]/;

const DOMAIN_SOURCE = /packages[\\/]domain[\\/]src[\\/]/;

// Text files of the build; images and fonts are compressed already.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes `<file>.br` (brotli at its best, 11) and `<file>.gz` (gzip 9) beside every text file of
 * the build, once, so the server sends them as they are (@fastify/static's `preCompressed`)
 * instead of compressing on every request. The manifest in `.vite/` is not served.
 */
function precompress(withMetricPage: boolean): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === '.vite' ? [] : walk(path);
      return COMPRESSIBLE.test(name) ? [path] : [];
    });
  return {
      name: 'tillit-precompress',
      apply: 'build',
      configResolved(config) {
        outDir = fileURLToPath(new URL(config.build.outDir, `file://${config.root}/`));
      },
      closeBundle() {
        if (withMetricPage) writeMetricPage(outDir);
        // The summary's build writes into the app's dist/: what the app's build compressed stays.
        const isCompressed = (file: string) => existsSync(`${file}.br`) && statSync(`${file}.br`).mtimeMs >= statSync(file).mtimeMs;
        for (const file of walk(outDir).filter((f) => !isCompressed(f))) {
          const body = readFileSync(file);
          writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
          writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        }
      },
    };
  }

  // The metric page's modules: its page chunk and the chart's (recharts), with what they import.
  const METRIC_PAGE = ['src/features/metric/MetricPage.tsx', 'src/components/charts/TrendLineChart.tsx'];

  /**
   * Writes `metric.html`: the app's page with a `<link rel="modulepreload">` for every chunk the
   * metric page and its chart need, so that a first visit to `/metrics/:key` (the server answers
   * it with this file) fetches them alongside the app's entry instead of after it has run and
   * asked who is signed in. From Vite's manifest, so it follows the chunks as they are split.
   */
  function writeMetricPage(outDir: string): void {
    type Chunk = { file: string; imports?: string[] };
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const files = new Set<string>();
    const add = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(add);
    };
    METRIC_PAGE.forEach(add);
    // Largest first: the browser fetches six at a time over HTTP/1.1, and the chart's library is
    // the one the first line waits for.
    const size = (f: string) => statSync(join(outDir, f)).size;
    const links = [...files]
      .filter((f) => !html.includes(`/${f}"`))
      .sort((a, b) => size(b) - size(a))
      .map((f) => `    <link rel="modulepreload" crossorigin href="/${f}">`);
    if (files.size === 0) throw new Error(`metric.html: none of ${METRIC_PAGE.join(', ')} in the manifest`);
    writeFileSync(join(outDir, 'metric.html'), html.replace('</head>', `${links.join('\n')}\n  </head>`));
  }

  /** The dev server finds /summary as summary.html by itself; a public link's /p/:token too, here. */
  function publicLinksInDev(): Plugin {
    return {
      name: 'tillit-public-links-in-dev',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((req, _res, next) => {
          if (req.url && /^\/p\/[^/?]+\/?(\?|$)/.test(req.url)) req.url = `/summary.html${req.url.slice(req.url.indexOf('?') === -1 ? req.url.length : req.url.indexOf('?'))}`;
          next();
        });
      },
  };
}

// The API the dev server forwards /api to; override to run against another port.
const apiTarget = process.env.TILLIT_API_URL ?? 'http://127.0.0.1:3000';

/**
 * `npm run build` builds twice: the app and the sign-in page, then (`vite build --mode summary`)
 * the summary and public links alone (src/summary-entry/) into the same dist/. Built alone, the
 * summary is tree-shaken for itself: in one build it shared chunks with the app, and so carried
 * every part of zod and every domain module's schemas that any page of the app uses.
 */
export default defineConfig(({ mode }) => {
  const SUMMARY_BUILD = mode === 'summary';
  return {
  plugins: [react(), precompress(!SUMMARY_BUILD), publicLinksInDev()],
  resolve: {
    alias: { '@tillit/domain': domainSource },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget },
  },
  preview: {
    port: 4173,
    proxy: { '/api': apiTarget },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: !SUMMARY_BUILD,
    // dist/.vite/manifest.json: which chunks each page needs (the metric page's preloads).
    manifest: SUMMARY_BUILD ? '.vite/summary-manifest.json' : true,
    rolldownOptions: {
      // The domain package is pure (no I/O, nothing done on import), but its modules define zod
      // schemas at the top level, which a bundler must otherwise keep as possible side effects:
      // a page that needs one domain function would carry every module of the domain. Other
      // modules keep the default (undefined: their package.json decides).
      // `z` (zod/mini's functions, `z.object(…)`, `z.string().check(…)`) builds values and does
      // nothing else, so a schema no page uses is dropped even from a module that is kept.
      treeshake: { moduleSideEffects: (id) => (DOMAIN_SOURCE.test(id) ? false : undefined), manualPureFunctions: ['z'] },
      // Two pages: the app, and the sign-in page with React alone (src/login/), so the first page
      // anyone opens does not load the router, react-query, i18next and zod. The server answers
      // GET /login with login.html; the dev server finds it as /login too (it tries `<path>.html`).
      // The summary and public links (src/summary-entry/), built apart (SUMMARY_BUILD): no router,
      // and of zod/mini only what the summary's schema uses. The server answers /summary and
      // /p/:token with summary.html.
      input: SUMMARY_BUILD
        ? { summary: fileURLToPath(new URL('summary.html', import.meta.url)) }
        : {
            index: fileURLToPath(new URL('index.html', import.meta.url)),
            login: fileURLToPath(new URL('login.html', import.meta.url)),
          },
      output: {
        codeSplitting: {
          // Capture only the chart libraries themselves, not what they import: React must stay
          // in the entry chunk, or the entry would load the chart chunk to get it.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'recharts', test: (id) => CHART_LIBRARIES.test(id) || CHART_ONLY_SHIM.test(id), priority: 2 },
            { name: 'react', test: REACT, priority: 1 },
            { name: 'router', test: ROUTER, priority: 1 },
          ],
        },
      },
    },
  },
};
});
