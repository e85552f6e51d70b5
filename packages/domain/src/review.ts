/**
 * The development manager's yearly review: every metric of a unit in one year, with last year's
 * figure, the change, the target, how the units below stand, the notes, the open questions and
 * the analysis. Every figure comes from the suppressed-safe points; an incomplete year is shown
 * but never judged, and a hidden figure neither meets nor misses a target.
 */
import { z } from 'zod/mini';
import { analysisSchema, queryYearSchema } from './analyses.js';
import { annotationVisibilitySchema } from './annotations.js';
import { directionOf, isTargetMet, type Direction } from './assess.js';
import { spreadOf } from './compare.js';
import { dataNeedStatusSchema } from './data-needs.js';
import { unitRefSchema } from './api.js';
import { coverageSchema, isIncomplete, type Coverage } from './org/coverage.js';
import { roundTo } from './ratio.js';
import { suppressionReasonSchema, targetSchema, type Metric, type SuppressionReason, type Target } from './schemas.js';
import { targetInYear } from './targets.js';

export const reviewQuerySchema = z.object({
  year: z.optional(queryYearSchema).check(z.describe('Default: the latest year a metric of the unit has a complete figure for')),
  unit: z.optional(z.string().check(
    z.trim(),
    z.minLength(1, 'Ange en enhet (unit)'),
    z.maxLength(64),
  )).check(z.describe('Default: the organisation')),
});

const directionSchema = z.enum(['improving', 'worsening', 'steady', 'changing', 'no_data']);

/** How the units below stand in the year (every level below the unit, as the comparison's `missedTarget`). */
export const reviewUnitsSchema = z.object({
  shown: z.int().check(z.describe('Units below with a figure shown')),
  hidden: z.int().check(z.describe('Units below whose figure is hidden by suppression: never counted as meeting or missing the target')),
  missing: z.int().check(z.describe('Units below that are there that year but have no figure')),
  meetingTarget: z.nullable(z.int()).check(z.describe("Shown, complete figures that meet that year's target; null without a target")),
  notMeetingTarget: z.nullable(z.int()).check(z.describe("Shown, complete figures that miss that year's target; null without a target")),
  incomplete: z.int().check(z.describe('Shown figures that not every unit below them has reported: not judged')),
});
export type ReviewUnits = z.infer<typeof reviewUnitsSchema>;

/** A note of that year (a thread's first note whose years include it), on the unit or one below it. */
export const reviewNoteSchema = z.object({
  id: z.int(),
  unitId: z.string(),
  unitName: z.string(),
  yearFrom: z.int(),
  yearTo: z.int(),
  visibility: annotationVisibilitySchema,
  text: z.string(),
  author: z.object({ displayName: z.string() }),
  replyCount: z.int(),
  createdAt: z.string(),
});
export type ReviewNote = z.infer<typeof reviewNoteSchema>;

/** An open answer to "Vilka data behöver du?" on the metric (received, under consideration or planned). */
export const reviewDataNeedSchema = z.object({
  id: z.int(),
  unitId: z.nullable(z.string()),
  unitName: z.nullable(z.string()),
  text: z.string(),
  status: dataNeedStatusSchema,
  author: z.object({ displayName: z.string() }),
  createdAt: z.string(),
});
export type ReviewDataNeed = z.infer<typeof reviewDataNeedSchema>;

export const reviewMetricSchema = z.object({
  metricKey: z.string(),
  value: z.nullable(z.number()).check(z.describe('The figure of the year; null when hidden (see reason) or missing')),
  reason: z.nullable(suppressionReasonSchema),
  previousValue: z.nullable(z.number()).check(z.describe("Last year's figure; null when hidden (see previousReason) or missing")),
  previousReason: z.nullable(suppressionReasonSchema),
  change: z.nullable(z.number()).check(z.describe('Value minus previousValue as shown; null unless both are shown and complete')),
  direction: directionSchema.check(z.describe("The change as the metric's good direction sees it")),
  targetMet: z.nullable(z.boolean()).check(
    z.describe("By the target in force that year; null when hidden, missing, incomplete or without a target"),
  ),
  target: z.nullable(targetSchema).check(z.describe('The target in force that year')),
  coverage: coverageSchema,
  isIncomplete: z.boolean().check(z.describe('Not every unit below has reported the year yet: shown, not judged')),
  isPreviousIncomplete: z.boolean(),
  units: reviewUnitsSchema,
  notes: z.array(reviewNoteSchema).check(z.describe('Notes of that year on the unit and every unit below it, newest first')),
  openDataNeeds: z.array(reviewDataNeedSchema).check(z.describe('Open questions on the metric, newest first')),
  analysis: z.nullable(analysisSchema).check(z.describe('The analysis of the metric for the unit and year, draft or published')),
});
export type ReviewMetric = z.infer<typeof reviewMetricSchema>;

export const reviewYearSchema = z.object({
  year: z.int(),
  isComplete: z.boolean().check(z.describe('Some metric has a complete figure (shown or hidden) that year')),
});

export const reviewResponseSchema = z.object({
  year: z.int(),
  unit: unitRefSchema,
  years: z.array(reviewYearSchema).check(z.describe('The years with figures, oldest first')),
  metrics: z.array(reviewMetricSchema).check(z.describe('What got worse and what misses its target first')),
});
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;

/** A year's figure as the review reads it. */
export interface ReviewPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  coverage?: Coverage | null;
}

export interface ReviewFigures {
  value: number | null;
  reason: SuppressionReason | null;
  previousValue: number | null;
  previousReason: SuppressionReason | null;
  change: number | null;
  direction: Direction;
  targetMet: boolean | null;
  target: Target | null;
  isIncomplete: boolean;
  isPreviousIncomplete: boolean;
}

const shownValue = (p: ReviewPoint | undefined): number | null => (p && !p.suppressed ? p.value : null);

/**
 * The year's figure against last year's and the year's target. A hidden figure has no value and
 * no verdict; a year not every unit has reported is shown but neither compared nor judged.
 */
export function reviewFigures(
  metric: Pick<Metric, 'goodDirection' | 'decimals' | 'target' | 'targetHistory'>,
  year: number,
  current: ReviewPoint | undefined,
  previous: ReviewPoint | undefined,
): ReviewFigures {
  const value = shownValue(current);
  const previousValue = shownValue(previous);
  const isCurrentIncomplete = isIncomplete(current?.coverage);
  const isPreviousIncomplete = isIncomplete(previous?.coverage);
  const isComparable = value !== null && previousValue !== null && !isCurrentIncomplete && !isPreviousIncomplete;
  const target = targetInYear(metric, year);
  const d = metric.decimals;
  return {
    value,
    reason: current?.suppressed ? current.reason : null,
    previousValue,
    previousReason: previous?.suppressed ? previous.reason : null,
    change: isComparable ? roundTo(roundTo(value, d) - roundTo(previousValue, d), d) || 0 : null,
    direction: isComparable ? directionOf(metric.goodDirection, previousValue, value, d) : 'no_data',
    targetMet: isCurrentIncomplete ? null : isTargetMet(target, value, d),
    target,
    isIncomplete: isCurrentIncomplete,
    isPreviousIncomplete,
  };
}

/**
 * How the units below stand, counted as the comparison counts its members (`spreadOf`): a hidden
 * figure is hidden, never meeting or missing the target; an incomplete one is shown, not judged.
 */
export function reviewUnits(
  metric: Pick<Metric, 'target' | 'targetHistory' | 'decimals'>,
  year: number,
  points: readonly { value: number | null; suppressed: boolean; coverage?: Coverage | null }[],
): ReviewUnits {
  const spread = spreadOf(metric, year, points);
  const judged = spread.shown - spread.incomplete;
  return {
    shown: spread.shown,
    hidden: spread.hidden,
    missing: spread.noData,
    meetingTarget: spread.meetingTarget,
    notMeetingTarget: spread.meetingTarget === null ? null : judged - spread.meetingTarget,
    incomplete: spread.incomplete,
  };
}

/**
 * Where a metric goes in the review: what got worse and misses its target, then what got worse,
 * then what misses its target, then the rest, and last what cannot be judged that year.
 */
export function reviewRank(row: { direction: Direction; targetMet: boolean | null }): number {
  const isWorse = row.direction === 'worsening';
  const misses = row.targetMet === false;
  if (isWorse && misses) return 0;
  if (isWorse) return 1;
  if (misses) return 2;
  if (row.direction === 'no_data' && row.targetMet === null) return 4;
  return 3;
}

/** The rows in review order; rows of the same rank keep their order (the catalogue's). */
export function sortReview<T extends { direction: Direction; targetMet: boolean | null }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index, rank: reviewRank(row) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((r) => r.row);
}

/** The years with a figure (shown or hidden) for any metric, and whether one of them is complete. */
export function reviewYears(seriesByMetric: readonly (readonly ReviewPoint[])[]): { year: number; isComplete: boolean }[] {
  const years = new Map<number, boolean>();
  for (const series of seriesByMetric) {
    for (const p of series) {
      if (!p.suppressed && p.value === null) continue;
      years.set(p.year, (years.get(p.year) ?? false) || !isIncomplete(p.coverage));
    }
  }
  return [...years].sort((a, b) => a[0] - b[0]).map(([year, isComplete]) => ({ year, isComplete }));
}

/** The review's year when none is asked for: the latest complete one, else the latest with figures. */
export function defaultReviewYear(years: readonly { year: number; isComplete: boolean }[], fallback: number): number {
  return years.filter((y) => y.isComplete).at(-1)?.year ?? years.at(-1)?.year ?? fallback;
}
