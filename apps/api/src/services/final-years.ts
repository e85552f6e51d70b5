import type { FinalYearResponse, Metric } from '@tillit/domain';
import { deleteFinalYear, hasFigures, insertFinalYear, listFinalYears } from '../db/coverage.js';
import type { Db } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { audit, type Actor } from './audit.js';

/**
 * Marking a metric's year final (or not): every figure of that year then counts as the whole
 * year's, whoever has reported. Audited, and bumps the data version so figures are recomputed.
 */
export function createFinalYearService(db: Db, deps: { data: { bump: () => void } }) {
  return {
    list(metric: Metric): FinalYearResponse[] {
      return listFinalYears(db, metric.key);
    },

    mark(metric: Metric, year: number, actor: Actor): FinalYearResponse[] {
      if (!hasFigures(db, metric.key, year)) {
        const message = `Det finns inga värden för ${year} att markera som slutliga.`;
        throw new ValidationError(message, [{ path: 'params.year', message }]);
      }
      db.transaction(() => {
        if (insertFinalYear(db, metric.key, year, actor.username, new Date().toISOString())) {
          audit(db, actor, 'mark_final', 'final_year', `${metric.key}:${year}`, null, { metricKey: metric.key, year });
        }
      })();
      deps.data.bump();
      return listFinalYears(db, metric.key);
    },

    unmark(metric: Metric, year: number, actor: Actor): FinalYearResponse[] {
      db.transaction(() => {
        if (deleteFinalYear(db, metric.key, year)) {
          audit(db, actor, 'unmark_final', 'final_year', `${metric.key}:${year}`, { metricKey: metric.key, year }, null);
        }
      })();
      deps.data.bump();
      return listFinalYears(db, metric.key);
    },
  };
}
export type FinalYearService = ReturnType<typeof createFinalYearService>;
