import type { Metric } from '@tillit/domain';
import { getMetric, listMetrics, listPrinciples } from '../db/catalogue.js';
import type { Db } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';

export function createCatalogueService(db: Db) {
  return {
    metrics: (): Metric[] => listMetrics(db),
    principles: () => listPrinciples(db),
    /** A metric named in a request; an unknown key is the request's fault. */
    requireMetric(key: string, inQuery = true): Metric {
      const metric = getMetric(db, key);
      if (metric) return metric;
      const message = `Nyckeltalet "${key}" finns inte (unknown metric).`;
      if (inQuery) throw new ValidationError(message, [{ path: 'query.metric', message }]);
      throw new NotFoundError(message);
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
