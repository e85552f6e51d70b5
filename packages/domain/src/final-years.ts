/**
 * Years marked final: the development manager's word that a metric's figures for a year are
 * complete as they are, although not every expected unit has reported (see `org/coverage.ts`).
 */
import { z } from 'zod/mini';
import { metricKeySchema } from './schemas.js';

const YEAR_MESSAGE = 'year ska vara ett årtal mellan 1990 och 2100, t.ex. 2025';

export const finalYearParamsSchema = z.object({
  key: metricKeySchema,
  year: z.coerce.number({ error: YEAR_MESSAGE }).check(
    z.int({ error: YEAR_MESSAGE }),
    z.gte(1990, { error: YEAR_MESSAGE }),
    z.lte(2100, { error: YEAR_MESSAGE }),
  ),
});

export const finalYearSchema = z.object({
  metricKey: z.string(),
  year: z.int(),
  markedBy: z.nullable(z.string()).check(z.describe('Who marked it (username)')),
  markedAt: z.string(),
});
export type FinalYearResponse = z.infer<typeof finalYearSchema>;
export const finalYearsResponseSchema = z.array(finalYearSchema).check(z.describe("The metric's years marked final, oldest first"));
