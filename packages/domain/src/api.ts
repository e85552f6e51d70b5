/**
 * The shapes that leave the server. The API declares them as its response schemas (so they are
 * also the allow-list of what may leave it) and the web client parses responses with them.
 */
import { z } from 'zod/mini';
import {
  metricSchema,
  principleSchema,
  suppressionReasonSchema,
  unitKindSchema,
} from './schemas.js';
import { lineageEventSchema } from './org/api.js';
import { coverageSchema } from './org/coverage.js';
import { translatedFieldSchema } from './translations.js';

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    requestId: z.string(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  isDemo: z.boolean(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const metricResponseSchema = z.extend(metricSchema, {
  englishOutdated: z.optional(z.array(translatedFieldSchema)).check(
    z.describe('Texts whose Swedish was changed after their English: the English still says the old thing. Absent or empty: every English text is current'),
  ),
});
export type MetricResponse = z.infer<typeof metricResponseSchema>;
export const metricsResponseSchema = z.array(metricResponseSchema);

export const principleResponseSchema = z.extend(principleSchema, {
  metrics: z.array(z.string()).check(z.describe('Keys of the metrics linked to the principle')),
});
export const principlesResponseSchema = z.array(principleResponseSchema);
export type PrincipleResponse = z.infer<typeof principleResponseSchema>;

export interface UnitTreeNode {
  id: string;
  name: string;
  kind: z.infer<typeof unitKindSchema>;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  children: UnitTreeNode[];
}
export const unitTreeNodeSchema: z.ZodMiniType<UnitTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: unitKindSchema,
    parentId: z.nullable(z.string()),
    validFrom: z.nullable(z.string()),
    validTo: z.nullable(z.string()),
    children: z.array(unitTreeNodeSchema),
  }),
);
export const unitsResponseSchema = z.array(unitTreeNodeSchema);

export const pointSchema = z.object({
  year: z.int(),
  value: z.nullable(z.number()),
  numerator: z.nullable(z.number()),
  denominator: z.nullable(z.number()),
  suppressed: z.boolean(),
  reason: z.nullable(suppressionReasonSchema),
  source: z.nullable(z.string()),
  isSynthetic: z.boolean().check(z.describe('True when the figure comes from synthetic demo data')),
  coverage: coverageSchema,
});
export type Point = z.infer<typeof pointSchema>;

export const unitRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.nullable(z.string()),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

export const valuesResponseSchema = z.object({
  unit: unitRefSchema,
  metric: metricResponseSchema,
  points: z.array(pointSchema),
  events: z.array(lineageEventSchema).check(z.describe('The reorganisations the unit took part in (markers on the trend), oldest first')),
});
export type ValuesResponse = z.infer<typeof valuesResponseSchema>;

/** A year in a query string: `2019`, between 1990 and 2100. */
function yearParam(name: string) {
  const message = `${name} ska vara ett årtal mellan 1990 och 2100, t.ex. 2019`;
  return z.optional(z.coerce.number({ error: message }).check(
    z.int({ error: message }),
    z.gte(1990, { error: message }),
    z.lte(2100, { error: message }),
  ));
}

export const valuesQuerySchema = z.object({
    metric: z.string().check(z.trim(), z.minLength(1, 'Ange ett nyckeltal (metric)')),
    unit: z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)')),
    from: yearParam('from'),
    to: yearParam('to'),
  }).check(z.refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from måste vara mindre än eller lika med to',
    path: ['from'],
  }));
export type ValuesQuery = z.infer<typeof valuesQuerySchema>;
