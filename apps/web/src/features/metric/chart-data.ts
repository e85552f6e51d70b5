import { isIncomplete, roundTo, type Coverage, type Language, type Metric, type Point, type SuppressionReason } from '@tillit/domain';
import type { TFunction } from 'i18next';
import type { TrendDatum, TrendMarker } from '../../components/charts/trend-types';
import { pointStatus, suppressionText, type PointStatus } from './metric-text';

export interface TrendRow extends TrendDatum {
  status: PointStatus;
  reason: SuppressionReason | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  isSynthetic: boolean;
  /** The shown figure, also of a year only some units have reported (which the line leaves out). */
  figure: number | null;
  coverage: Coverage;
  /** Not every expected unit has reported yet: the line breaks, the table says how many. */
  isIncomplete: boolean;
}

/**
 * One row per year, oldest first, for both the chart and its table. Values are rounded to the
 * precision the metric is shown with, so the line, the tooltip and the table agree.
 */
export function buildTrendRows(
  metric: Pick<Metric, 'decimals' | 'suppressionThreshold'>,
  points: readonly Point[],
  language: Language,
  t: TFunction,
): TrendRow[] {
  return [...points]
    .sort((a, b) => a.year - b.year)
    .map((p) => {
      const status = pointStatus(p);
      const figure = status === 'shown' && p.value !== null ? roundTo(p.value, metric.decimals) : null;
      const partial = status === 'shown' && isIncomplete(p.coverage);
      return {
        year: p.year,
        value: partial ? null : figure,
        figure,
        coverage: p.coverage,
        isIncomplete: partial,
        note:
          status === 'hidden'
            ? suppressionText(p.reason, metric.suppressionThreshold, language, t)
            : status === 'missing'
              ? t('suppression.missing')
              : partial
                ? t('coverage.status', { ...p.coverage })
                : null,
        status,
        reason: p.reason,
        numerator: p.numerator,
        denominator: p.denominator,
        source: p.source,
        isSynthetic: p.isSynthetic,
      };
    });
}

/** The years the line breaks, with why. */
export function gapRows(rows: readonly TrendRow[]): TrendRow[] {
  return rows.filter((r) => r.status !== 'shown');
}

/** Hidden years get a labelled marker on the chart, so a gap is never silent. */
export function hiddenMarkers(rows: readonly TrendRow[], label: string): TrendMarker[] {
  return rows.filter((r) => r.status === 'hidden').map((r) => ({ year: r.year, label }));
}

/** A year only some units have reported: a marker saying how many ("2 av 8"), where the line stops. */
export function incompleteMarkers(rows: readonly TrendRow[], t: TFunction): TrendMarker[] {
  return rows.filter((r) => r.isIncomplete).map((r) => ({ year: r.year, label: t('coverage.marker', { ...r.coverage }) }));
}

/** The smallest "nice" number (1, 2, 2.5, 5 times a power of ten) at or above `x`. */
export function niceCeil(x: number): number {
  if (x <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= x * (1 - 1e-9)) ?? 10;
  return roundTo(step * power, 10);
}

export interface YAxisScale {
  domain: [number, number];
  ticks: number[];
}

/**
 * The y axis from zero, so that a change is not made to look larger than it is, up to a round
 * number above both the values and the target (and any earlier targets drawn), with four to six
 * round ticks.
 */
export function yAxisScale(rows: readonly Pick<TrendDatum, 'value'>[], target: Metric['target'], ...earlier: Metric['target'][]): YAxisScale {
  const targets = [target, ...earlier];
  const candidates = [
    ...rows.flatMap((r) => (r.value === null ? [] : [r.value])),
    ...targets.flatMap((x) => (x ? [x.min, x.max].filter((v): v is number => v !== null) : [])),
  ];
  const headroom = Math.max(0, ...candidates) * 1.1 || 1;
  const step = niceCeil(headroom / 5);
  const top = roundTo(Math.ceil(headroom / step - 1e-9) * step, 10);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => roundTo(i * step, 10));
  return { domain: [0, top], ticks };
}

export function yearSpan(rows: readonly Pick<TrendDatum, 'year'>[]): { from: number; to: number } | null {
  const first = rows[0];
  const last = rows.at(-1);
  return first && last ? { from: first.year, to: last.year } : null;
}
