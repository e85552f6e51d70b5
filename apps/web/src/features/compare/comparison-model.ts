import type { ComparisonResponse, ComparisonSeries, Metric } from '@tillit/domain';

export interface BarRow {
  id: string;
  name: string;
  value: number;
  isFocus: boolean;
}

export interface ComparisonModel {
  year: number;
  /** Shown members, best first by the metric's good direction (highest first when neutral). */
  bars: BarRow[];
  hidden: { id: string; name: string; isFocus: boolean }[];
  missing: { id: string; name: string; isFocus: boolean }[];
  referenceValue: number | null;
}

const pointIn = (s: ComparisonSeries, year: number) => s.points.find((p) => p.year === year);

/** The chosen year's figures for the bar chart, and who is hidden or missing. */
export function comparisonModel(data: Pick<ComparisonResponse, 'members' | 'reference' | 'spread'>, metric: Pick<Metric, 'goodDirection'>): ComparisonModel {
  const year = data.spread.year;
  const bars: BarRow[] = [];
  const hidden: ComparisonModel['hidden'] = [];
  const missing: ComparisonModel['missing'] = [];
  for (const m of data.members) {
    const p = pointIn(m, year);
    const who = { id: m.id, name: m.name, isFocus: m.isFocus };
    if (p?.suppressed) hidden.push(who);
    else if (p?.value === null || p?.value === undefined) {
      if (!m.isClosed) missing.push(who);
    } else bars.push({ ...who, value: p.value });
  }
  const lowerIsBetter = metric.goodDirection === 'lower';
  bars.sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name, 'sv'));
  const ref = pointIn(data.reference, year);
  return { year, bars, hidden, missing, referenceValue: ref && !ref.suppressed ? ref.value : null };
}

/** The years offered in the year picker: those with any figure or hidden figure for the reference. */
export function selectableYears(data: Pick<ComparisonResponse, 'reference'>): number[] {
  return data.reference.points.filter((p) => p.value !== null || p.suppressed).map((p) => p.year).reverse();
}
