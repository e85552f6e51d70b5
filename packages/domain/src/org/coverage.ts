import { z } from 'zod/mini';
import { isActiveInYear, type UnitNode } from '../tree.js';
import { yearTreeCache, type Organisation } from './lineage.js';
import { internTable, UnitTable, type ByUnit } from './unit-table.js';

/**
 * How complete a figure is: of the units below (the unit itself included) that are expected to
 * report the metric that year, how many have. A figure over 2 of 8 units is not the whole
 * organisation's, however right its arithmetic.
 */
export interface Coverage {
  /** Units below that reported the metric that year. */
  reported: number;
  /**
   * Units below that were expected to: those valid that year that reported the metric in an
   * earlier year (themselves or a unit they came from by a merger or split), and any that
   * reported this year. So `reported <= expected`.
   */
  expected: number;
  /** The development manager has marked the year final: it counts as complete as it is. */
  isFinal: boolean;
}

export const coverageSchema = z.object({
    reported: z.int().check(z.gte(0)),
    expected: z.int().check(z.gte(0)),
    isFinal: z.boolean(),
  }).check(z.describe('Units below that reported the metric that year, of those expected to (see docs/metrics.md#coverage)'));

// In a module of its own, without zod, for pages that load light (the summary's entry).
export { isIncomplete } from './incomplete.js';

/** That a unit reported a metric for a year (its figure, whatever it is; hidden or not). */
export interface Report {
  unitId: string;
  year: number;
}

/** Every unit's coverage in one year, and who is still expected to report. */
export interface YearCoverage {
  byUnit: ByUnit<Coverage>;
  /** The units expected that year that have not reported, in the year's tree order. */
  missing: string[];
}

/**
 * The coverage of one metric over the organisation's years, each year over that year's tree
 * (`treeForYear`, as the figures are added up). Computed per year when first asked for.
 */
export function coverageCalculator(
  org: Organisation,
  reports: Iterable<Report>,
  finalYears: Iterable<number> = [],
): (year: number) => YearCoverage {
  const firstYear = new Map<string, number>();
  const unitsIn = new Map<number, Set<string>>();
  for (const r of reports) {
    firstYear.set(r.unitId, Math.min(r.year, firstYear.get(r.unitId) ?? Infinity));
    const set = unitsIn.get(r.year) ?? new Set<string>();
    set.add(r.unitId);
    unitsIn.set(r.year, set);
  }
  const final = new Set(finalYears);
  // A unit made from others (a merger's successor, a split's parts) is expected where they were.
  const predecessors = new Map<string, Set<string>>();
  for (const r of org.reorganisations) {
    if (r.kind !== 'merge' && r.kind !== 'split') continue;
    for (const to of r.to) {
      const set = predecessors.get(to) ?? new Set<string>();
      for (const from of r.from) if (from !== to) set.add(from);
      predecessors.set(to, set);
    }
  }
  const reportedBefore = (unitId: string, year: number, seen = new Set<string>()): boolean => {
    if (seen.has(unitId)) return false;
    seen.add(unitId);
    if ((firstYear.get(unitId) ?? Infinity) < year) return true;
    return [...(predecessors.get(unitId) ?? [])].some((p) => reportedBefore(p, year, seen));
  };

  // Most years share one tree (as for the figures): built once per set of units, mergers and parents.
  const treeOf = yearTreeCache(org);

  const memo = new Map<number, YearCoverage>();
  return (year) => {
    const cached = memo.get(year);
    if (cached) return cached;
    const now = unitsIn.get(year) ?? new Set<string>();
    const tree = treeOf(year, now);
    const isFinal = final.has(year);
    const byUnit = new Map<string, Coverage>();
    const missing: string[] = [];
    const walk = (n: UnitNode): Coverage => {
      const hasReported = now.has(n.id);
      // A successor whose predecessors still report that year is covered by them (their figures
      // are booked on the old units): it is not missing.
      const isCoveredByPredecessors = [...(predecessors.get(n.id) ?? [])].some((p) => now.has(p));
      const isExpected = hasReported || (isActiveInYear(n, year) && reportedBefore(n.id, year) && !isCoveredByPredecessors);
      if (isExpected && !hasReported) missing.push(n.id);
      const c = { reported: hasReported ? 1 : 0, expected: isExpected ? 1 : 0, isFinal };
      for (const child of n.children) {
        const below = walk(child);
        c.reported += below.reported;
        c.expected += below.expected;
      }
      byUnit.set(n.id, c);
      return c;
    };
    tree.roots.forEach(walk);
    for (const d of tree.derived) {
      const parts = d.parts.map((id) => byUnit.get(id)).filter((c): c is Coverage => c !== undefined);
      byUnit.set(d.id, {
        reported: parts.reduce((sum, c) => sum + c.reported, 0),
        expected: parts.reduce((sum, c) => sum + c.expected, 0),
        isFinal,
      });
    }
    // Kept for the life of the figures: compact, with one shared object per distinct coverage.
    const out = { byUnit: UnitTable.of(org, sharedCoverages(byUnit)), missing };
    memo.set(year, out);
    return out;
  };
}

const coverages = internTable<Coverage>();

function sharedCoverages(byUnit: ReadonlyMap<string, Coverage>): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  for (const [id, c] of byUnit) out.set(id, coverages(`${c.reported}:${c.expected}:${c.isFinal}`, () => ({ ...c })));
  return out;
}

/**
 * The units still expected to report a metric for a year: valid that year, reported it before
 * (or came from a unit that did), and have not yet. For the import preview's "still missing".
 */
export function unitsYetToReport(org: Organisation, reports: Iterable<Report>, year: number): string[] {
  return coverageCalculator(org, reports)(year).missing;
}
