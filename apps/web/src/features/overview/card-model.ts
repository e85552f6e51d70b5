import {
  formatChange,
  formatMetricValue,
  roundTo,
  trendSummary,
  type Direction,
  type Language,
  type Metric,
  type Point,
} from '@tillit/domain';
import type { TFunction } from 'i18next';
import { describeTarget, suppressionText } from '../metric/metric-text';

export interface CardModel {
  /** What the latest figure is: shown, hidden for privacy, or there is none at all. */
  state: 'shown' | 'hidden' | 'empty';
  /** The year of the latest figure, shown or hidden. */
  latestYear: number | null;
  /** Why the latest figure is hidden. */
  hiddenText: string | null;
  /** The latest value that may be shown; when the latest figure is hidden, an earlier one. */
  value: { text: string; year: number; isSynthetic: boolean; source: string | null } | null;
  change: { text: string; sinceYear: number; movement: 'up' | 'down' | 'flat' } | null;
  direction: Direction;
  target: { text: string; isMet: boolean | null } | null;
  trend: { year: number; value: number | null }[];
}

/** What a metric's card on the overview says about one unit, in the given language. */
export function buildCardModel(
  metric: Metric,
  points: readonly Point[],
  language: Language,
  t: TFunction,
): CardModel {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const latestFigure = sorted.filter((p) => p.suppressed || p.value !== null).at(-1) ?? null;
  const summary = trendSummary(metric, sorted);
  const latestShown = summary.latest ? (sorted.find((p) => p.year === summary.latest?.year) ?? null) : null;
  const state = latestFigure === null ? 'empty' : latestFigure.suppressed ? 'hidden' : 'shown';
  const targetText = describeTarget(metric, language, t);

  let change: CardModel['change'] = null;
  const { latest, previous } = summary;
  if (state === 'shown' && latest && previous && latest.value !== null && previous.value !== null) {
    // The change between the values as shown, so that it adds up for the reader (1,62 → 1,92 is
    // +0,30, even when the unrounded figures differ by 0,31).
    const delta = roundTo(roundTo(latest.value, metric.decimals) - roundTo(previous.value, metric.decimals), metric.decimals);
    change = {
      text: formatChange(metric, delta, language),
      sinceYear: previous.year,
      movement: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
    };
  }

  return {
    state,
    latestYear: latestFigure?.year ?? null,
    hiddenText: latestFigure?.suppressed ? suppressionText(latestFigure.reason, metric.suppressionThreshold, language, t) : null,
    value:
      latestShown && latestShown.value !== null
        ? {
            text: formatMetricValue(metric, latestShown.value, language),
            year: latestShown.year,
            isSynthetic: latestShown.isSynthetic,
            source: latestShown.source,
          }
        : null,
    change,
    direction: state === 'shown' ? summary.direction : 'no_data',
    target: targetText === null ? null : { text: targetText, isMet: state === 'shown' ? summary.isTargetMet : null },
    trend: sorted.map((p) => ({ year: p.year, value: p.value })),
  };
}
