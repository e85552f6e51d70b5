import { z } from 'zod';
import { isTargetMet } from './assess.js';
import { metricResponseSchema, pointSchema } from './api.js';
import type { Metric } from './schemas.js';

/** How a group of units stands in one year: how many are shown, hidden, missing, and meet the target. */
export interface Spread {
  year: number;
  members: number;
  shown: number;
  hidden: number;
  noData: number;
  /** Of the shown ones; null when the metric has no target. */
  meetingTarget: number | null;
}

export function spreadOf(
  metric: Pick<Metric, 'target' | 'decimals'>,
  year: number,
  points: readonly { value: number | null; suppressed: boolean }[],
): Spread {
  const shown = points.filter((p) => !p.suppressed && p.value !== null);
  return {
    year,
    members: points.length,
    shown: shown.length,
    hidden: points.filter((p) => p.suppressed).length,
    noData: points.filter((p) => !p.suppressed && p.value === null).length,
    meetingTarget: metric.target === null ? null : shown.filter((p) => isTargetMet(metric.target, p.value, metric.decimals)).length,
  };
}

export const spreadSchema = z.object({
  year: z.number().int(),
  members: z.number().int(),
  shown: z.number().int(),
  hidden: z.number().int(),
  noData: z.number().int(),
  meetingTarget: z.number().int().nullable(),
});

const seriesSchema = z.object({
  id: z.string(),
  name: z.string(),
  isFocus: z.boolean(),
  isClosed: z.boolean(),
  points: z.array(pointSchema),
});
export type ComparisonSeries = z.infer<typeof seriesSchema>;

export const compareQuerySchema = z.object({
  metric: z.string().trim().min(1, 'Ange ett nyckeltal (metric)'),
  unit: z.string().trim().min(1, 'Ange en enhet (unit)'),
  year: z.coerce
    .number({ error: 'year ska vara ett årtal, t.ex. 2024' })
    .int({ error: 'year ska vara ett årtal, t.ex. 2024' })
    .min(1990, { error: 'year ska vara ett årtal mellan 1990 och 2100' })
    .max(2100, { error: 'year ska vara ett årtal mellan 1990 och 2100' })
    .optional(),
});

/**
 * A unit among its peers: a unit with children is compared through its children against
 * itself; a unit without is compared with its siblings against its parent.
 */
export const comparisonResponseSchema = z.object({
  metric: metricResponseSchema,
  focusId: z.string(),
  reference: seriesSchema.describe('The unit the members add up to'),
  members: z.array(seriesSchema),
  years: z.array(z.number().int()),
  spread: spreadSchema,
});
export type ComparisonResponse = z.infer<typeof comparisonResponseSchema>;
