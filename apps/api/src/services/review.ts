import {
  defaultReviewYear,
  findNode,
  flatten,
  reviewFigures,
  reviewUnits,
  reviewYears,
  sortReview,
  type ReviewDataNeed,
  type ReviewMetric,
  type ReviewNote,
  type ReviewResponse,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import { listNotesOfYear, listOpenDataNeeds } from '../db/review.js';
import { NotFoundError } from '../errors.js';
import type { AnalysisService } from './analyses.js';
import type { CatalogueService } from './catalogue.js';
import type { CompareService } from './compare.js';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';

interface Deps {
  units: UnitService;
  catalogue: CatalogueService;
  values: ValueService;
  compare: CompareService;
  analyses: AnalysisService;
}

/**
 * The development manager's yearly review of a unit: every metric's figure against last year and
 * the target, the units below, the notes of the year, the open questions and the analysis. The
 * figures are the safe points of `values.series`; the units below are those the comparison's
 * `missedTarget` judges (`compare.pointsBelow`), counted the way the comparison counts.
 */
export function createReviewService(db: Db, { units, catalogue, values, compare, analyses }: Deps) {
  return {
    review(unitId: string | undefined, year: number | undefined): ReviewResponse {
      const root = units.tree()[0];
      if (!root) throw new NotFoundError('Det finns ingen organisation att gå igenom ännu.');
      const unit = unitId === undefined ? root : units.requireUnit(unitId);
      const metrics = catalogue.metrics();
      const series = metrics.map((m) => values.series(m, unit));
      const years = reviewYears(series);
      const chosen = year ?? defaultReviewYear(years, new Date().getFullYear() - 1);

      // Notes and questions of the unit and every unit below it, closed ones too (their history is the year's).
      const node = findNode(units.fullTreeResponse(), unit.id);
      const subtree = node ? flatten([node]).map((n) => n.id) : [unit.id];
      const byId = units.byId();
      const nameOf = (id: string) => byId.get(id)?.name ?? id;
      const notes = listNotesOfYear(db, subtree, chosen);
      const needs = listOpenDataNeeds(db, subtree, unit.id === root.id);
      const analysisByMetric = analyses.byMetric(unit.id, chosen);

      const rows: ReviewMetric[] = metrics.map((metric, i) => {
        const points = series[i] ?? [];
        const current = points.find((p) => p.year === chosen);
        const previous = points.find((p) => p.year === chosen - 1);
        return {
          metricKey: metric.key,
          ...reviewFigures(metric, chosen, current, previous),
          coverage: current?.coverage ?? { reported: 0, expected: 0, isFinal: false },
          units: reviewUnits(metric, chosen, compare.pointsBelow(metric, unit, chosen)),
          notes: notes
            .filter((n) => n.metricKey === metric.key)
            .map(({ metricKey: _key, authorDisplayName, ...n }): ReviewNote => ({ ...n, unitName: nameOf(n.unitId), author: { displayName: authorDisplayName } })),
          openDataNeeds: needs
            .filter((d) => d.metricKey === metric.key)
            .map(({ metricKey: _key, authorDisplayName, ...d }): ReviewDataNeed => ({
              ...d,
              unitName: d.unitId === null ? null : nameOf(d.unitId),
              author: { displayName: authorDisplayName },
            })),
          analysis: analysisByMetric.get(metric.key) ?? null,
        };
      });
      return {
        year: chosen,
        unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
        years,
        metrics: sortReview(rows),
      };
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
