import { roundTo, type ReferenceSeries, type UnitKind } from '@tillit/domain';

/**
 * A reference series is the whole municipality's published figure. Next to a whole organisation
 * or department it is a fair backdrop; next to one area or unit it invites a comparison of very
 * different groups, so it is shown only at the top of the tree.
 */
export function isReferenceComparable(unit: { kind: UnitKind; parentId: string | null }): boolean {
  return unit.parentId === null || unit.kind === 'organisation' || unit.kind === 'department';
}

/** One reference figure for a year of the chart: null draws a gap. */
export interface ReferenceCell {
  value: number | null;
  status: string | null;
  isSynthetic: boolean;
}

/** Dash patterns, one per series, so that lines differ by more than colour. */
export const REFERENCE_DASHES = ['7 4', '2 3', '10 3 2 3'] as const;

/**
 * Adds each reference series' figure to the chart's rows, by year, as `references[i]`.
 * Only the chart's own years are drawn: the reference is a backdrop to our figures, not a
 * series of its own. Values are rounded like the metric's.
 */
export function withReferences<Row extends { year: number }>(
  rows: readonly Row[],
  series: readonly ReferenceSeries[],
  decimals: number,
): (Row & { references: (number | null)[]; referenceCells: (ReferenceCell | null)[] })[] {
  const byYear = series.map((s) => new Map(s.points.map((p) => [p.year, p])));
  return rows.map((row) => {
    const cells = byYear.map((m) => {
      const p = m.get(row.year);
      return p ? { value: p.value === null ? null : roundTo(p.value, decimals), status: p.status, isSynthetic: p.isSynthetic } : null;
    });
    return { ...row, references: cells.map((c) => c?.value ?? null), referenceCells: cells };
  });
}

/** The reference values drawn, for the y axis to cover them. */
export function referenceValues(rows: readonly { references: readonly (number | null)[] }[]): { value: number | null }[] {
  return rows.flatMap((r) => r.references.map((value) => ({ value })));
}
