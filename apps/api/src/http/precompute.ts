import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services/index.js';
import { collectGarbage } from '../services/gc.js';

/**
 * Builds every metric's safe figures in the background after the server starts listening, one
 * metric per turn of the event loop, so that the first person to open a chart does not wait for
 * it (about half a second per metric on 2,000 units × 20 years; see docs/benchmarks.md). A
 * request that comes before its metric is ready builds it itself, exactly as without this.
 */
export function precomputeFigures(services: Pick<Services, 'catalogue' | 'units' | 'values'>, log: FastifyBaseLogger): void {
  const root = services.units.tree()[0];
  if (!root) return;
  const metrics = [...services.catalogue.metrics()];
  const started = performance.now();
  const next = () => {
    const metric = metrics.shift();
    if (!metric) {
      log.info({ ms: Math.round(performance.now() - started) }, 'figures precomputed');
      return;
    }
    try {
      services.values.warm(metric);
    } catch (err) {
      log.error({ err, metric: metric.key }, 'precomputing figures failed');
    }
    // What the build left behind goes before the next one starts (see gc.ts).
    collectGarbage();
    setImmediate(next).unref();
  };
  setImmediate(next).unref();
}
