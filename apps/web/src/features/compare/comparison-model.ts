import {
  isIncomplete,
  isTargetMet,
  targetInYear,
  type ComparisonResponse,
  type ComparisonSeries,
  type Coverage,
  type Metric,
  type Target,
} from '@tillit/domain';
import { yAxisScale, type YAxisScale } from '../metric/chart-data';

/**
 * How a bar stands against the year's target: met or missed, not judged because not every unit
 * below has reported yet, or there is no target. Said in words and a pattern, not colour alone.
 */
export type BarVerdict = 'met' | 'missed' | 'incomplete' | 'none';

export interface BarRow {
  id: string;
  name: string;
  value: number;
  isFocus: boolean;
  verdict: BarVerdict;
  coverage: Coverage | null;
}

export interface ComparisonModel {
  year: number;
  /** Shown members, best first by the metric's good direction (highest first when neutral). */
  bars: BarRow[];
  hidden: { id: string; name: string; isFocus: boolean }[];
  missing: { id: string; name: string; isFocus: boolean }[];
  referenceValue: number | null;
  /** The reference's coverage when the year is not complete for it. */
  referenceIncomplete: Coverage | null;
  /** The target in force in the chosen year. */
  target: Target | null;
  /** Round ticks from zero past the bars, the target and the reference line. */
  axis: YAxisScale;
}

const pointIn = (s: ComparisonSeries, year: number) => s.points.find((p) => p.year === year);

/** The chosen year's figures for the bar chart, each judged by that year's target, and who is hidden or missing. */
export function comparisonModel(
  data: Pick<ComparisonResponse, 'members' | 'reference' | 'spread'>,
  metric: Pick<Metric, 'goodDirection' | 'target' | 'targetHistory' | 'decimals'>,
): ComparisonModel {
  const year = data.spread.year;
  const target = targetInYear(metric, year);
  const bars: BarRow[] = [];
  const hidden: ComparisonModel['hidden'] = [];
  const missing: ComparisonModel['missing'] = [];
  for (const m of data.members) {
    const p = pointIn(m, year);
    const who = { id: m.id, name: m.name, isFocus: m.isFocus };
    if (p?.suppressed) hidden.push(who);
    else if (p?.value === null || p?.value === undefined) {
      if (!m.isClosed) missing.push(who);
    } else {
      const verdict: BarVerdict = isIncomplete(p.coverage)
        ? 'incomplete'
        : target === null
          ? 'none'
          : isTargetMet(target, p.value, metric.decimals)
            ? 'met'
            : 'missed';
      bars.push({ ...who, value: p.value, verdict, coverage: p.coverage });
    }
  }
  const lowerIsBetter = metric.goodDirection === 'lower';
  bars.sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name, 'sv'));
  const ref = pointIn(data.reference, year);
  const referenceValue = ref && !ref.suppressed ? ref.value : null;
  return {
    year,
    bars,
    hidden,
    missing,
    referenceValue,
    referenceIncomplete: ref && isIncomplete(ref.coverage) ? ref.coverage : null,
    target,
    axis: yAxisScale([...bars, { value: referenceValue }], target),
  };
}

/** The years offered in the year picker: those with any figure or hidden figure for the reference. */
export function selectableYears(data: Pick<ComparisonResponse, 'reference'>): number[] {
  return data.reference.points.filter((p) => p.value !== null || p.suppressed).map((p) => p.year).reverse();
}
