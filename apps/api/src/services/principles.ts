import { summarizePoints, type Metric, type OverviewMetric, type PrinciplesOverview } from '@tillit/domain';
import { listPrinciples } from '../db/catalogue.js';
import type { Db } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { listPublicAnnotations } from './annotations.js';
import type { CatalogueService } from './catalogue.js';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';

interface Deps {
  catalogue: CatalogueService;
  units: UnitService;
  values: ValueService;
}

/** The principles as everyone signed in reads them (`GET /api/principles/overview`). */
export function createPrincipleService(db: Db, deps: Deps) {
  return {
    /** Every principle with its linked metrics' latest safe figure, direction and target. */
    overview(unitId: string | undefined): PrinciplesOverview {
      const root = deps.units.tree()[0];
      if (!root) throw new NotFoundError('Det finns ingen organisation ännu.');
      const unit = unitId === undefined ? root : deps.units.requireUnit(unitId);
      const annotations = listPublicAnnotations(db, { unitIds: [unit.id] });
      const byKey = new Map(deps.catalogue.metrics().map((m) => [m.key, m]));
      const summarise = (metric: Metric): OverviewMetric => {
        const facts = summarizePoints(metric, deps.values.series(metric, unit));
        const latest = facts.latest;
        return {
          key: metric.key,
          name: metric.name,
          scale: metric.scale,
          decimals: metric.decimals,
          unitLabel: metric.unitLabel,
          goodDirection: metric.goodDirection,
          target: facts.target,
          latest: latest && {
            year: latest.year,
            value: latest.suppressed ? null : latest.value,
            suppressed: latest.suppressed,
            reason: latest.reason,
          },
          direction: facts.direction,
          isTargetMet: facts.isTargetMet,
          publicAnnotationCount: annotations.filter((a) => a.metricKey === metric.key).length,
        };
      };
      return {
        unit: { id: unit.id, name: unit.name },
        principles: listPrinciples(db).map((p) => ({
          key: p.key,
          name: p.name,
          description: p.description,
          sortOrder: p.sortOrder,
          metrics: p.metrics.flatMap((k) => {
            const m = byKey.get(k);
            return m ? [summarise(m)] : [];
          }),
        })),
      };
    },
  };
}
export type PrincipleService = ReturnType<typeof createPrincipleService>;
