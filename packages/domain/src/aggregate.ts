import { sumQuantities } from './ratio.js';
import type { Metric } from './schemas.js';
import type { UnitNode } from './tree.js';

/** One reported figure as aggregation needs it. */
export interface Contribution {
  unitId: string;
  numerator: number;
  denominator: number;
  groupSize: number | null;
  source: string;
}

/** Numerator and denominator summed over a set of figures, with the persons they are about. */
export interface Cell {
  numerator: number;
  denominator: number;
  /** Persons behind the figure; null when a part of it does not say. */
  groupSize: number | null;
  /**
   * The fewest persons the figure can be about: the group size when known, else the known parts
   * plus one person for each figure that does not say (a figure is about somebody).
   */
  minGroupSize: number;
  sources: string[];
}

export interface AggregatedNode {
  /** The unit and everything below it. Null when nothing in the subtree has data. */
  total: Cell | null;
  /** Figures reported on the unit itself, not on a child. */
  own: Cell | null;
}

/** The group size of one figure: stated, or the denominator when it counts persons. */
export function groupSizeOf(
  metric: Pick<Metric, 'denominatorKind'>,
  value: { denominator: number; groupSize: number | null },
): number | null {
  if (value.groupSize !== null) return value.groupSize;
  return metric.denominatorKind === 'persons' ? value.denominator : null;
}

/** Sums cells: numerators with numerators, denominators with denominators. Never averages ratios. */
export function combineCells(cells: readonly Cell[]): Cell | null {
  if (cells.length === 0) return null;
  const sources = new Set<string>();
  for (const c of cells) c.sources.forEach((s) => sources.add(s));
  // Group sizes taken from average headcounts carry decimals: sum them exactly too, so that
  // 1.3 + 6.9 + 1.8 is 10 (hidden), not 10.000000000000002 (shown).
  const isGroupKnown = cells.every((c) => c.groupSize !== null);
  return {
    numerator: sumQuantities(cells.map((c) => c.numerator)),
    denominator: sumQuantities(cells.map((c) => c.denominator)),
    groupSize: isGroupKnown ? sumQuantities(cells.map((c) => c.groupSize!)) : null,
    minGroupSize: sumQuantities(cells.map((c) => c.minGroupSize)),
    sources: [...sources].sort(),
  };
}

/**
 * Aggregates one metric for one year up the tree: a unit's figure is the sum of the numerators
 * over the sum of the denominators of everything reported in its subtree.
 */
export function aggregateTree(
  roots: readonly UnitNode[],
  contributions: Iterable<Contribution>,
  metric: Pick<Metric, 'denominatorKind'>,
): Map<string, AggregatedNode> {
  const byUnit = new Map<string, Cell[]>();
  for (const c of contributions) {
    const list = byUnit.get(c.unitId) ?? [];
    const groupSize = groupSizeOf(metric, c);
    list.push({
      numerator: c.numerator,
      denominator: c.denominator,
      groupSize,
      minGroupSize: groupSize ?? 1,
      sources: [c.source],
    });
    byUnit.set(c.unitId, list);
  }
  const out = new Map<string, AggregatedNode>();
  const visit = (node: UnitNode): Cell | null => {
    const own = combineCells(byUnit.get(node.id) ?? []);
    const parts: Cell[] = own ? [own] : [];
    for (const child of node.children) {
      const t = visit(child);
      if (t) parts.push(t);
    }
    const total = combineCells(parts);
    out.set(node.id, { total, own });
    return total;
  };
  roots.forEach(visit);
  return out;
}
