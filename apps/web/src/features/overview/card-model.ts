import {
  formatChange,
  formatMetricValue,
  isIncomplete,
  roundTo,
  targetInYear,
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
  /**
   * A later year not every expected unit has reported yet: said beside the figure, never its
   * headline, its change or its verdict.
   */
  incomplete: { year: number; reported: number; expected: number } | null;
}

/** What a metric's card on the overview says about one unit, in the given language. */
export function buildCardModel(
  metric: Metric,
  points: readonly Point[],
  language: Language,
  t: TFunction,
): CardModel {
  const all = [...points].sort((a, b) => a.year - b.year);
  // A year only some units have reported is not the unit's figure for that year.
  const sorted = all.filter((p) => !isIncomplete(p.coverage));
  const latestFigure = sorted.filter((p) => p.suppressed || p.value !== null).at(-1) ?? null;
  const partial = all.filter((p) => isIncomplete(p.coverage) && (latestFigure === null || p.year > latestFigure.year)).at(-1);
  const summary = trendSummary(metric, sorted);
  const latestShown = summary.latest ? (sorted.find((p) => p.year === summary.latest?.year) ?? null) : null;
  const state = latestFigure === null ? 'empty' : latestFigure.suppressed ? 'hidden' : 'shown';
  // The target the shown year is judged by (targets have a history).
  const judgedYear = state === 'shown' ? summary.latest?.year : latestFigure?.year;
  const targetText = describeTarget({ ...metric, target: judgedYear === undefined ? metric.target : targetInYear(metric, judgedYear) }, language, t);

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
    incomplete: partial ? { year: partial.year, reported: partial.coverage.reported, expected: partial.coverage.expected } : null,
  };
}
