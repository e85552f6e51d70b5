import {
  formatChange,
  formatMetricValue,
  type Analysis,
  type Direction,
  type Language,
  type MetricResponse,
  type ReviewMetric,
  type ReviewUnits,
} from '@tillit/domain';
import type { TFunction } from 'i18next';
import { describeTarget, suppressionText } from '../metric/metric-text';

/** A figure of the review as shown: a value, or why there is none. */
export interface ReviewCell {
  text: string;
  status: 'shown' | 'hidden' | 'missing' | 'incomplete';
  /** Why a figure is hidden, or that the year is not complete: said beside it, not by colour. */
  note: string | null;
}

export type AnalysisState = 'none' | 'draft' | 'published' | 'newer_draft';

export interface ReviewRowModel {
  key: string;
  name: string;
  /** The id of the metric's section on the review page. */
  anchor: string;
  value: ReviewCell;
  previous: ReviewCell;
  change: { text: string; direction: Direction; movement: 'up' | 'down' | 'flat' } | null;
  target: { text: string; isMet: boolean | null } | null;
  /** The units below in a sentence (the metric's section) and in short (the table). */
  units: string;
  unitsShort: string;
  notes: number;
  questions: number;
  /** The notes and open questions in words, or null when there are none. */
  context: string | null;
  analysis: AnalysisState;
}

export const reviewAnchor = (metricKey: string): string => `review-${metricKey}`;

/** What the newest version of an analysis is, for the committee: nothing, a draft, published, or a draft after a published one. */
export function analysisState(analysis: Pick<Analysis, 'status' | 'published'> | null): AnalysisState {
  if (analysis === null) return 'none';
  if (analysis.status === 'published') return 'published';
  return analysis.published ? 'newer_draft' : 'draft';
}

function cell(
  metric: MetricResponse,
  value: number | null,
  reason: ReviewMetric['reason'],
  isIncomplete: boolean,
  language: Language,
  t: TFunction,
): ReviewCell {
  if (reason !== null) return { text: t('review.hidden'), status: 'hidden', note: suppressionText(reason, metric.suppressionThreshold, language, t) };
  if (value === null) return { text: t('review.missing'), status: 'missing', note: null };
  const text = formatMetricValue(metric, value, language);
  return isIncomplete ? { text, status: 'incomplete', note: t('review.incompleteNote') } : { text, status: 'shown', note: null };
}

/** The units below judged against a target that year (shown and complete); 0 without a target. */
const judgedCount = (units: ReviewUnits): number => (units.meetingTarget ?? 0) + (units.notMeetingTarget ?? 0);

/** The units below in words: "8 enheter under: 5 når målet, 1 når det inte, 2 dolda". */
export function unitsText(units: ReviewUnits, t: TFunction): string {
  const total = units.shown + units.hidden + units.missing;
  if (total === 0) return t('review.units.none');
  const judged = judgedCount(units);
  const parts = [
    judged > 0 ? t('review.units.meeting', { count: units.meetingTarget ?? 0 }) : null,
    judged > 0 ? t('review.units.notMeeting', { count: units.notMeetingTarget ?? 0 }) : null,
    judged === 0 && units.shown > 0 ? t('review.units.shown', { count: units.shown }) : null,
    units.incomplete > 0 ? t('review.units.incomplete', { count: units.incomplete }) : null,
    units.hidden > 0 ? t('review.units.hidden', { count: units.hidden }) : null,
    units.missing > 0 ? t('review.units.missing', { count: units.missing }) : null,
  ].filter((p): p is string => p !== null);
  return t('review.units.sentence', { count: total, parts: parts.join(', ') });
}

/** The units below in short, for the table: "3 av 5 når målet, 40 dolda". */
export function unitsShortText(units: ReviewUnits, t: TFunction): string {
  if (units.shown + units.hidden + units.missing === 0) return t('review.units.noneShort');
  const judged = judgedCount(units);
  return [
    judged > 0 ? t('review.units.short', { meeting: units.meetingTarget ?? 0, judged }) : null,
    judged === 0 && units.shown > 0 ? t('review.units.shown', { count: units.shown }) : null,
    units.hidden > 0 ? t('review.units.hidden', { count: units.hidden }) : null,
    units.missing > 0 ? t('review.units.missing', { count: units.missing }) : null,
  ]
    .filter((p): p is string => p !== null)
    .join(', ');
}

/** One metric's row of the review, in the reader's language; numbers only from shown figures. */
export function buildReviewRow(row: ReviewMetric, metric: MetricResponse, language: Language, t: TFunction): ReviewRowModel {
  const targetText = describeTarget({ ...metric, target: row.target }, language, t);
  return {
    key: row.metricKey,
    name: metric.name[language],
    anchor: reviewAnchor(row.metricKey),
    value: cell(metric, row.value, row.reason, row.isIncomplete, language, t),
    previous: cell(metric, row.previousValue, row.previousReason, row.isPreviousIncomplete, language, t),
    change:
      row.change === null
        ? null
        : {
            text: formatChange(metric, row.change, language),
            direction: row.direction,
            movement: row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat',
          },
    target: targetText === null ? null : { text: targetText, isMet: row.targetMet },
    units: unitsText(row.units, t),
    unitsShort: unitsShortText(row.units, t),
    notes: row.notes.length,
    questions: row.openDataNeeds.length,
    context:
      row.notes.length + row.openDataNeeds.length === 0
        ? null
        : [
            row.notes.length > 0 ? t('review.units.notes', { count: row.notes.length }) : null,
            row.openDataNeeds.length > 0 ? t('review.units.questions', { count: row.openDataNeeds.length }) : null,
          ]
            .filter((p): p is string => p !== null)
            .join(', '),
    analysis: analysisState(row.analysis),
  };
}
