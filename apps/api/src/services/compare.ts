import { findNode, isActiveInYear, spreadOf, type ComparisonResponse, type Metric, type Point, type Unit, type UnitNode } from '@tillit/domain';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';

/** A unit among its peers, every figure through the suppressed-safe series. */
export function createCompareService(deps: { units: UnitService; values: ValueService }) {
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
        isFocus: u.id === focus.id,
        isClosed: u.validTo !== null,
        points,
      });
      const memberSeries = members
        .map((u) => toSeries(u, deps.values.series(metric, u, range)))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

      const chosen = year ?? [...referencePoints].reverse().find((p) => p.value !== null || p.suppressed)?.year ?? years.at(-1) ?? new Date().getFullYear();
      // The spread counts the units at the bottom of the tree ("38 of 40 units …"), whichever
      // level the chart compares.
      const leaves: Unit[] = [];
      const collect = (n: UnitNode) => {
        if (n.children.length === 0) leaves.push(n);
        n.children.forEach(collect);
      };
      const referenceNode = findNode(deps.units.tree(), reference.id);
      if (referenceNode) collect(referenceNode);
      const pointsInYear = leaves
        .filter((u) => isActiveInYear(u, chosen))
        .map((u) => deps.values.series(metric, u, { from: chosen, to: chosen })[0] ?? { value: null, suppressed: false });
      return {
        metric,
        focusId: focus.id,
        reference: toSeries(reference, referencePoints),
        members: memberSeries,
        years,
        spread: spreadOf(metric, chosen, pointsInYear),
      };
    },
  };
}
