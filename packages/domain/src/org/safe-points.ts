import type { Contribution } from '../aggregate.js';
import { metricValue, sumQuantities } from '../ratio.js';
import type { Metric } from '../schemas.js';
import { contributionsByYear, safePointsOfYear, type SafePoint, type YearContribution } from '../series.js';
import { isActiveInYear } from '../tree.js';
import { treeForYear, type Organisation, type YearTree } from './lineage.js';

type SafeMetric = Pick<Metric, 'scale' | 'denominatorKind' | 'suppressionThreshold'>;

/**
 * Every unit's safe figure for every year of one metric, each year over that year's tree (see
 * `treeForYear`): units under their parent of that year, and a merger's successor carrying its
 * predecessors' sum in the years before the merger.
 */
export function computeSafePointsOverTime(
  org: Organisation,
  metric: SafeMetric,
  contributions: Iterable<YearContribution>,
): Map<number, Map<string, SafePoint>> {
  const out = new Map<number, Map<string, SafePoint>>();
  // Most years share one tree: build it once per distinct set of units, earlier parents and mergers.
  const trees = new Map<string, YearTree>();
  for (const [year, list] of contributionsByYear(contributions)) {
    const withData = new Set(list.map((c) => c.unitId));
    const key = [
      org.units.filter((u) => withData.has(u.id) || isActiveInYear(u, year)).map((u) => u.id).join(','),
      org.reorganisations.filter((r) => r.kind === 'merge' && r.year > year).map((r) => r.id).join(','),
      org.parentHistory.filter((p) => p.untilYear >= year).map((p) => `${p.unitId}:${p.untilYear}`).join(','),
    ].join('|');
    let tree = trees.get(key);
    if (!tree) trees.set(key, (tree = treeForYear(org, year, withData)));
    out.set(year, safePointsOfTree({ ...tree, year }, metric, list));
  }
  return out;
}

/** One year's safe figures over its tree, and its derived successors. */
export function safePointsOfTree(tree: YearTree, metric: SafeMetric, list: readonly Contribution[]): Map<string, SafePoint> {
  const points = safePointsOfYear(tree.roots, metric, tree.year, list);
  for (const d of tree.derived) {
    const parts = d.parts.map((id) => points.get(id)).filter((p): p is SafePoint => p !== undefined);
    if (parts.length === 0) continue;
    // The sum of figures that are all shown tells nothing new; with one hidden it would tell
    // that one (the sum minus the others), so then the successor is hidden too.
    if (parts.some((p) => p.suppressed)) {
      points.set(d.id, { year: tree.year, value: null, numerator: null, denominator: null, suppressed: true, reason: 'secondary', sources: [] });
      continue;
    }
    const numerator = sumQuantities(parts.map((p) => p.numerator!));
    const denominator = sumQuantities(parts.map((p) => p.denominator!));
    points.set(d.id, {
      year: tree.year,
      value: metricValue(metric, numerator, denominator),
      numerator,
      denominator,
      suppressed: false,
      reason: null,
      sources: [...new Set(parts.flatMap((p) => p.sources))].sort(),
    });
  }
  return points;
}
