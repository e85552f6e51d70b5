import type { MetricResponse } from '@tillit/domain';
import { listMetrics, listPrinciples } from '../db/catalogue.js';
import type { Db } from '../db/database.js';
import { listEnglishOutdated } from '../db/translations.js';
import { ValidationError } from '../errors.js';

/** The metric catalogue and the principles, read once per data version (every request needs them). */
export function createCatalogueService(db: Db, data: { version: () => number }) {
  let cache: { version: number; metrics: MetricResponse[]; byKey: Map<string, MetricResponse> } | null = null;
  const load = () => {
    const version = data.version();
    if (!cache || cache.version !== version) {
      const outdated = listEnglishOutdated(db);
      // Every metric says which of its English texts need an update, wherever it is sent.
      const metrics = listMetrics(db).map((m) => ({ ...m, englishOutdated: outdated.get(m.key) ?? [] }));
      cache = { version, metrics, byKey: new Map(metrics.map((m) => [m.key, m])) };
    }
    return cache;
  };
  return {
    metrics: (): MetricResponse[] => load().metrics,
    principles: () => listPrinciples(db),
    /** A metric named in a request (at `field`); an unknown key is the request's fault. */
    requireMetric(key: string, field = 'query.metric'): MetricResponse {
      const metric = load().byKey.get(key);
      if (metric) return metric;
      const message = `Nyckeltalet "${key}" finns inte (unknown metric).`;
      throw new ValidationError(message, [{ path: field, message }]);
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
