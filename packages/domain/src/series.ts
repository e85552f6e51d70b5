import { aggregateTree, type Cell, type Contribution } from './aggregate.js';
import { metricValue } from './ratio.js';
import type { Metric, SuppressionReason } from './schemas.js';
import { suppressTree, type SuppressionResult } from './suppression.js';
import type { UnitNode } from './tree.js';

/**
 * One unit's figure for one year, safe to show: a suppressed point carries no value, numerator
 * or denominator at all, only the reason.
 */
export interface SafePoint {
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  sources: string[];
}

export interface YearContribution extends Contribution {
  year: number;
}

/**
 * Every unit's safe figure for every year of one metric: aggregated up the tree, then primary
 * and secondary suppression applied over the whole tree of that year.
 */
export function computeSafePoints(
  roots: readonly UnitNode[],
  metric: Pick<Metric, 'scale' | 'denominatorKind' | 'suppressionThreshold' | 'bounded'>,
  contributions: Iterable<YearContribution>,
): Map<number, Map<string, SafePoint>> {
  const out = new Map<number, Map<string, SafePoint>>();
  for (const [year, list] of contributionsByYear(contributions)) {
    out.set(year, safePointsOfYear(roots, metric, year, list));
  }
  return out;
}

/** The contributions of each year, earliest year first. */
export function contributionsByYear(contributions: Iterable<YearContribution>): [number, Contribution[]][] {
  const byYear = new Map<number, Contribution[]>();
  for (const c of contributions) {
    const list = byYear.get(c.year) ?? [];
    list.push(c);
    byYear.set(c.year, list);
  }
  return [...byYear].sort((a, b) => a[0] - b[0]);
}

/** Every unit's safe figure for one year over that year's tree (see `computeSafePoints`). */
export function safePointsOfYear(
  roots: readonly UnitNode[],
  metric: Pick<Metric, 'scale' | 'denominatorKind' | 'suppressionThreshold' | 'bounded'>,
  year: number,
  list: readonly Contribution[],
): Map<string, SafePoint> {
  const cells = aggregateTree(roots, list, metric);
  const verdicts = suppressTree(roots, cells, metric.suppressionThreshold, { bounded: metric.bounded });
  const points = new Map<string, SafePoint>();
  for (const [unitId, agg] of cells) {
    if (agg.total) points.set(unitId, safePointOf(year, metric, agg.total, verdicts.get(unitId)));
  }
  return points;
}

/** A unit's point from its summed figure and verdict: a hidden one carries nothing but its reason. */
export function safePointOf(
  year: number,
  metric: Pick<Metric, 'scale'>,
  total: Pick<Cell, 'numerator' | 'denominator' | 'sources'>,
  verdict: SuppressionResult | undefined,
): SafePoint {
  if (verdict?.suppressed) return hiddenPoint(year, verdict.reason ?? 'secondary');
  return {
    year,
    value: metricValue(metric, total.numerator, total.denominator),
    numerator: total.numerator,
    denominator: total.denominator,
    suppressed: false,
    reason: null,
    sources: total.sources,
  };
}

/** A hidden point: no value, numerator, denominator or source, only the reason. */
export function hiddenPoint(year: number, reason: SuppressionReason): SafePoint {
  return { year, value: null, numerator: null, denominator: null, suppressed: true, reason, sources: [] };
}

/** A point for a year without any data. */
export function emptyPoint(year: number): SafePoint {
  return { year, value: null, numerator: null, denominator: null, suppressed: false, reason: null, sources: [] };
}
