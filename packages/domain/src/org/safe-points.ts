import { aggregateTree, type Contribution } from '../aggregate.js';
import { sumQuantities } from '../ratio.js';
import { auditReleases } from '../release/audit.js';
import { figuresOfTree, releasedRows, releaseOf, type FigureRow, type YearRelease } from '../release/release.js';
import type { Metric } from '../schemas.js';
import { contributionsByYear, hiddenPoint, safePointOf, type SafePoint, type YearContribution } from '../series.js';
import { analyseTree, type SuppressionResult } from '../suppression.js';
import { yearTreeCache, type Organisation, type YearTree } from './lineage.js';

type SafeMetric = Pick<Metric, 'scale' | 'denominatorKind' | 'suppressionThreshold' | 'bounded'>;

/** One year's safe figures and what showing them releases. */
export interface YearOutcome {
  points: Map<string, SafePoint>;
  release: YearRelease;
}

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
  for (const [year, outcome] of computeReleasesOverTime(org, metric, contributions)) out.set(year, outcome.points);
  return out;
}

/**
 * `computeSafePointsOverTime`, counting what earlier releases showed (`history`, by year): a
 * reader who kept them knows those figures, so today's verdicts must not let them, together with
 * today's figures, give a hidden one away. Also returns each year's release.
 */
export function computeReleasesOverTime(
  org: Organisation,
  metric: SafeMetric,
  contributions: Iterable<YearContribution>,
  history: ReadonlyMap<number, readonly YearRelease[]> = new Map(),
): Map<number, YearOutcome> {
  const out = new Map<number, YearOutcome>();
  const treeOf = yearTreeCache(org);
  for (const [year, list] of contributionsByYear(contributions)) {
    const tree = treeOf(year, new Set(list.map((c) => c.unitId)));
    out.set(year, releaseOfTree({ ...tree, year }, metric, list, history.get(year) ?? []));
  }
  return out;
}

/** One year's safe figures over its tree, and its derived successors. */
export function safePointsOfTree(tree: YearTree, metric: SafeMetric, list: readonly Contribution[]): Map<string, SafePoint> {
  return releaseOfTree(tree, metric, list, []).points;
}

/** One year's safe figures and release, counting what `history` released of that year before. */
export function releaseOfTree(
  tree: YearTree,
  metric: SafeMetric,
  list: readonly Contribution[],
  history: readonly YearRelease[],
): YearOutcome {
  const cells = aggregateTree(tree.roots, list, metric);
  const verdicts = verdictsWithHistory(tree, cells, metric, history);
  const points = new Map<string, SafePoint>();
  for (const [unitId, agg] of cells) {
    if (agg.total) points.set(unitId, safePointOf(tree.year, metric, agg.total, verdicts.get(unitId)));
  }
  const derived: { id: string; parts: string[]; shown: boolean }[] = [];
  for (const d of tree.derived) {
    const parts = d.parts.map((id) => points.get(id)).filter((p): p is SafePoint => p !== undefined);
    if (parts.length === 0) continue;
    // The sum of figures that are all shown tells nothing new; with one hidden it would tell
    // that one (the sum minus the others), so then the successor is hidden too.
    if (parts.some((p) => p.suppressed)) {
      points.set(d.id, hiddenPoint(tree.year, 'secondary'));
      derived.push({ id: d.id, parts: d.parts, shown: false });
      continue;
    }
    const sum = {
      numerator: sumQuantities(parts.map((p) => p.numerator!)),
      denominator: sumQuantities(parts.map((p) => p.denominator!)),
      sources: [...new Set(parts.flatMap((p) => p.sources))].sort(),
    };
    points.set(d.id, safePointOf(tree.year, metric, sum, { suppressed: false, reason: null }));
    derived.push({ id: d.id, parts: d.parts, shown: true });
  }
  return { points, release: releaseOf(tree.roots, cells, verdicts, derived) };
}

/**
 * The tree's verdicts with the figures released before counted as known: those still the same
 * equation as one of today's figures are known terms of the tree; the others (a total before a
 * unit was added, a figure before a correction, a tree before a reorganisation) are audited as
 * equations of their own, hiding one more of today's figures at a time until none gives a
 * hidden figure away.
 */
function verdictsWithHistory(
  tree: YearTree,
  cells: ReturnType<typeof aggregateTree>,
  metric: SafeMetric,
  history: readonly YearRelease[],
): Map<string, SuppressionResult> {
  const threshold = metric.suppressionThreshold;
  const bounded = metric.bounded;
  if (history.length === 0 || threshold === null) return analyseTree(tree.roots, cells, threshold, { bounded }).verdicts;

  const today = figuresOfTree(tree.roots, cells);
  const past = releasedRows(history);
  const bySignature = new Map([...today.figures].map(([id, f]) => [f.signature, id]));
  const known = new Set<string>();
  const stale: FigureRow[] = [];
  for (const [signature, row] of past.rows) {
    const id = bySignature.get(signature);
    if (id !== undefined) known.add(id);
    else stale.push(row);
  }
  const atoms = new Map([...past.atoms, ...today.atoms]);
  const hidden = new Set<string>();
  for (;;) {
    const knowledge = analyseTree(tree.roots, cells, threshold, { bounded, known, hidden });
    if (stale.length === 0) return knowledge.verdicts;
    const verdict = auditReleases({
      threshold,
      bounded,
      atoms,
      current: today.figures,
      ownAtom: today.ownAtom,
      inner: today.inner,
      knowledge,
      stale,
      isHideable: (id) => knowledge.verdicts.get(id)?.suppressed === false && !known.has(id) && !hidden.has(id),
      groupOf: (id) => cells.get(id)?.total?.minGroupSize ?? 0,
    });
    if (verdict === null) return knowledge.verdicts;
    hidden.add(verdict.hide);
  }
}
