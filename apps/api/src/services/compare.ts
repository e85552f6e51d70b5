import {
  findNode,
  isActiveInYear,
  isIncomplete,
  isTargetMet,
  spreadOf,
  targetInYear,
  type ComparisonResponse,
  type Metric,
  type MissedTarget,
  type Point,
  type Unit,
  type UnitNode,
} from '@tillit/domain';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';

/** A unit among its peers, every figure through the suppressed-safe series. */
export function createCompareService(deps: { units: UnitService; values: ValueService }) {
  const pointIn = (metric: Metric, unit: Unit, year: number): Point | undefined =>
    deps.values.series(metric, unit, { from: year, to: year })[0];

  /**
   * Every unit of a subtree, at every level (the root at depth 0), that is there in `year`: open
   * that year, or with a figure for it (a merger's successor carries its predecessors' sum). Tree
   * order, each with its safe point.
   */
  const subtreeInYear = (metric: Metric, root: UnitNode | undefined, year: number) => {
    const out: { node: UnitNode; parentName: string | null; depth: number; point: Point }[] = [];
    const walk = (n: UnitNode, parentName: string | null, depth: number) => {
      const point = pointIn(metric, n, year);
      if (point && (isActiveInYear(n, year) || point.value !== null || point.suppressed)) out.push({ node: n, parentName, depth, point });
      for (const c of n.children) walk(c, n.name, depth + 1);
    };
    if (root) walk(root, null, 0);
    return out;
  };

  /** The units of a subtree, at every level, whose shown and complete figure misses the year's target. */
  const missedTarget = (metric: Metric, root: UnitNode | undefined, year: number): MissedTarget[] => {
    const target = targetInYear(metric, year);
    if (target === null) return [];
    return subtreeInYear(metric, root, year).flatMap(({ node, parentName, depth, point: p }) =>
      // A hidden figure neither meets nor misses; a part of a year is not the year.
      !p.suppressed && p.value !== null && !isIncomplete(p.coverage) && isTargetMet(target, p.value, metric.decimals) === false
        ? [{ id: node.id, name: node.name, kind: node.kind, parentName, depth, value: p.value }]
        : [],
    );
  };

  return {
    compare(metric: Metric, focus: Unit, year: number | undefined): ComparisonResponse {
      const byId = deps.units.byId();
      // The cached tree knows each unit's children; scanning every unit per lookup would be
      // quadratic on a region-sized tree.
      const childrenOf = (id: string): Unit[] => findNode(deps.units.tree(), id)?.children ?? [];
      const ownChildren = childrenOf(focus.id);
      const parent = focus.parentId === null ? undefined : byId.get(focus.parentId);
      const reference = ownChildren.length > 0 || !parent ? focus : parent;
      const members = ownChildren.length > 0 ? ownChildren : parent ? childrenOf(parent.id) : [focus];

      const referencePoints = deps.values.series(metric, reference);
      const years = referencePoints.map((p) => p.year);
      const range = years.length ? { from: years[0], to: years.at(-1) } : {};
      const toSeries = (u: Unit, points: Point[]) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        isFocus: u.id === focus.id,
        isClosed: u.validTo !== null,
        points,
      });
      const memberSeries = members
        .map((u) => toSeries(u, deps.values.series(metric, u, range)))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

      // The latest year with a figure for the whole, and not a year only some units have reported.
      const withFigure = [...referencePoints].reverse().filter((p) => p.value !== null || p.suppressed);
      const chosen =
        year ?? withFigure.find((p) => !isIncomplete(p.coverage))?.year ?? withFigure[0]?.year ?? years.at(-1) ?? new Date().getFullYear();
      // The sentence counts what the chart draws: the members of that year, not the leaves below.
      const pointsInYear = memberSeries.flatMap((m) => {
        const p = m.points.find((x) => x.year === chosen) ?? pointIn(metric, byId.get(m.id)!, chosen);
        const isThere = isActiveInYear(byId.get(m.id)!, chosen) || (p !== undefined && (p.value !== null || p.suppressed));
        return isThere && p ? [p] : [];
      });
      return {
        metric,
        focusId: focus.id,
        reference: toSeries(reference, referencePoints),
        members: memberSeries,
        years,
        spread: spreadOf(metric, chosen, pointsInYear),
        missedTarget: missedTarget(metric, findNode(deps.units.tree(), focus.id), chosen),
      };
    },

    /**
     * The safe points in `year` of every unit below `unit` (every level, not the unit itself), the
     * same units `missedTarget` judges: for counting how many meet the target (the yearly review).
     */
    pointsBelow(metric: Metric, unit: Unit, year: number): Point[] {
      return subtreeInYear(metric, findNode(deps.units.tree(), unit.id), year)
        .filter((u) => u.depth > 0)
        .map((u) => u.point);
    },
  };
}
export type CompareService = ReturnType<typeof createCompareService>;
