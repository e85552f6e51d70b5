import { compareTotal, flatten, totalMessage, treeForYear, type ImportTotal, type Organisation, type ParentRows, type UnitNode } from '@tillit/domain';
import type { Staging } from '../db/import-staging.js';
import type { UnitService } from './units.js';

/** A subtotal row, its figures from the file, waiting for the rows below it to be read. */
export interface PendingTotal {
  row: number;
  unitId: string | null;
  metricKey: string;
  year: number;
  numeratorC: number;
  denominatorC: number;
}

/**
 * The organisation year by year, as the subtotal check needs it: for every row, whether its unit
 * has units below it that year (a set of ids per year: a large organisation's whole tree per year
 * would cost tens of megabytes for a file of fifty years), and for the few subtotal rows, which
 * units are below.
 */
export function yearTrees(org: Organisation) {
  const parents = new Map<number, Set<string>>();
  const trees = new Map<number, Map<string, UnitNode>>();
  const below = new Map<string, string[]>();
  const nodes = (year: number) => flatten(treeForYear(org, year).roots);
  const tree = (year: number) => {
    let t = trees.get(year);
    if (!t) trees.set(year, (t = new Map(nodes(year).map((n) => [n.id, n]))));
    return t;
  };
  return {
    hasChildren(unitId: string, year: number): boolean {
      let p = parents.get(year);
      if (!p) parents.set(year, (p = new Set(nodes(year).filter((n) => n.children.length > 0).map((n) => n.id))));
      return p.has(unitId);
    },
    /** Every unit below `unitId` in that year. */
    below(unitId: string, year: number): string[] {
      const key = `${unitId}|${year}`;
      let ids = below.get(key);
      if (!ids) {
        const node = tree(year).get(unitId);
        below.set(key, (ids = node ? flatten(node.children).map((n) => n.id) : []));
      }
      return ids;
    },
  };
}

/** Each subtotal against the sum of the file's rows below it, with what becomes of it. */
export function resolveTotals(
  pending: readonly PendingTotal[],
  mode: ParentRows,
  staging: Staging,
  trees: ReturnType<typeof yearTrees>,
  units: UnitService,
): ImportTotal[] {
  let grand: ReturnType<Staging['sumsByMetricYear']> | null = null;
  const fromC = (c: number) => c / 100;
  return pending.map((t) => {
    const sum = t.unitId === null ? ((grand ??= staging.sumsByMetricYear()).get(`${t.metricKey}|${t.year}`) ?? null) : staging.sumOf(trees.below(t.unitId, t.year), t.metricKey, t.year);
    const below = sum && sum.rows > 0 ? sum : null;
    const status = compareTotal(t, below);
    const isBare = t.unitId === null;
    return {
      row: t.row,
      unitId: t.unitId,
      unitName: t.unitId === null ? null : (units.byId().get(t.unitId)?.name ?? null),
      metricKey: t.metricKey,
      year: t.year,
      file: { numerator: fromC(t.numeratorC), denominator: fromC(t.denominatorC) },
      below: below && { numerator: fromC(below.numeratorC), denominator: fromC(below.denominatorC) },
      rowsBelow: below?.rows ?? 0,
      status,
      isStored: !isBare && mode === 'own',
      message: totalMessage({ status, mode, total: t, below, rowsBelow: below?.rows ?? 0, isBare }),
    };
  });
}
