/**
 * The shapes that leave the server. The API declares them as its response schemas (so they are
 * also the allow-list of what may leave it) and the web client parses responses with them.
 */
import { z } from 'zod';
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
    details: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional(),
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

export const metricResponseSchema = metricSchema.extend({
  englishOutdated: z
    .array(translatedFieldSchema)
    .optional()
    .describe('Texts whose Swedish was changed after their English: the English still says the old thing. Absent or empty: every English text is current'),
});
export type MetricResponse = z.infer<typeof metricResponseSchema>;
export const metricsResponseSchema = z.array(metricResponseSchema);

export const principleResponseSchema = principleSchema.extend({
  metrics: z.array(z.string()).describe('Keys of the metrics linked to the principle'),
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
export const unitTreeNodeSchema: z.ZodType<UnitTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: unitKindSchema,
    parentId: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    children: z.array(unitTreeNodeSchema),
  }),
);
export const unitsResponseSchema = z.array(unitTreeNodeSchema);

export const pointSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  suppressed: z.boolean(),
  reason: suppressionReasonSchema.nullable(),
  source: z.string().nullable(),
  isSynthetic: z.boolean().describe('True when the figure comes from synthetic demo data'),
  coverage: coverageSchema,
});
export type Point = z.infer<typeof pointSchema>;

export const unitRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

export const valuesResponseSchema = z.object({
  unit: unitRefSchema,
  metric: metricResponseSchema,
  points: z.array(pointSchema),
  events: z.array(lineageEventSchema).describe('The reorganisations the unit took part in (markers on the trend), oldest first'),
});
export type ValuesResponse = z.infer<typeof valuesResponseSchema>;

/** A year in a query string: `2019`, between 1990 and 2100. */
function yearParam(name: string) {
  const message = `${name} ska vara ett årtal mellan 1990 och 2100, t.ex. 2019`;
  return z.coerce.number({ error: message }).int({ error: message }).min(1990, { error: message }).max(2100, { error: message }).optional();
}

export const valuesQuerySchema = z
  .object({
    metric: z.string().trim().min(1, 'Ange ett nyckeltal (metric)'),
    unit: z.string().trim().min(1, 'Ange en enhet (unit)'),
    from: yearParam('from'),
    to: yearParam('to'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from måste vara mindre än eller lika med to',
    path: ['from'],
  });
export type ValuesQuery = z.infer<typeof valuesQuerySchema>;
