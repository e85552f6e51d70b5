import { z } from 'zod/mini';
import { isTargetMet } from './assess.js';
import { metricResponseSchema, pointSchema } from './api.js';
import { isIncomplete, type Coverage } from './org/coverage.js';
import { unitKindSchema } from './schemas.js';
import type { Metric } from './schemas.js';
import { targetInYear } from './targets.js';

/**
 * How the members a comparison draws stand in one year: how many are shown, hidden, missing,
 * and meet the target. The same units as the bars, so the sentence and the chart agree.
 */
export interface Spread {
  year: number;
  members: number;
  shown: number;
  hidden: number;
  noData: number;
  /** Shown, but not every unit below has reported yet: drawn, marked, and not judged. */
  incomplete: number;
  /** Of the shown and complete ones; null when no target is in force that year. */
  meetingTarget: number | null;
}

/** Judged by the target in force that year; a hidden figure neither meets nor misses it. */
export function spreadOf(
  metric: Pick<Metric, 'target' | 'targetHistory' | 'decimals'>,
  year: number,
  points: readonly { value: number | null; suppressed: boolean; coverage?: Coverage | null }[],
): Spread {
  const shown = points.filter((p) => !p.suppressed && p.value !== null);
  const judged = shown.filter((p) => !isIncomplete(p.coverage));
  const target = targetInYear(metric, year);
  return {
    year,
    members: points.length,
    shown: shown.length,
    hidden: points.filter((p) => p.suppressed).length,
    noData: points.filter((p) => !p.suppressed && p.value === null).length,
    incomplete: shown.length - judged.length,
    meetingTarget: target === null ? null : judged.filter((p) => isTargetMet(target, p.value, metric.decimals)).length,
  };
}

export const spreadSchema = z.object({
  year: z.int(),
  members: z.int(),
  shown: z.int(),
  hidden: z.int(),
  noData: z.int(),
  incomplete: z.int(),
  meetingTarget: z.nullable(z.int()),
});

/** A unit whose shown, complete figure misses the target in force in the chosen year. */
export const missedTargetSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  /** The unit's parent's name, to place it ("Hemtjänst Öster, Hemtjänst"); null at the top. */
  parentName: z.nullable(z.string()),
  /** How many levels below the compared unit (0: the unit itself). */
  depth: z.int(),
  value: z.number(),
});
export type MissedTarget = z.infer<typeof missedTargetSchema>;

const seriesSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  isFocus: z.boolean(),
  isClosed: z.boolean(),
  points: z.array(pointSchema),
});
export type ComparisonSeries = z.infer<typeof seriesSchema>;

export const compareQuerySchema = z.object({
  metric: z.string().check(z.trim(), z.minLength(1, 'Ange ett nyckeltal (metric)')),
  unit: z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)')),
  year: z.optional(z.coerce.number({ error: 'year ska vara ett årtal, t.ex. 2024' }).check(
    z.int({ error: 'year ska vara ett årtal, t.ex. 2024' }),
    z.gte(1990, { error: 'year ska vara ett årtal mellan 1990 och 2100' }),
    z.lte(2100, { error: 'year ska vara ett årtal mellan 1990 och 2100' }),
  )),
});

/**
 * A unit among its peers: a unit with children is compared through its children against
 * itself; a unit without is compared with its siblings against its parent.
 */
export const comparisonResponseSchema = z.object({
  metric: metricResponseSchema,
  focusId: z.string(),
  reference: seriesSchema.check(z.describe('The unit the members add up to')),
  members: z.array(seriesSchema),
  years: z.array(z.int()),
  spread: spreadSchema.check(z.describe('The members drawn, in the chosen year')),
  missedTarget: z.array(missedTargetSchema).check(
    z.describe("Every unit at every level of the compared unit's subtree whose shown figure misses that year's target, tree order; hidden figures never"),
  ),
});
export type ComparisonResponse = z.infer<typeof comparisonResponseSchema>;
