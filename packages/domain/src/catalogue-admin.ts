/**
 * Keeping the catalogue: the development manager's edits of metrics and principles, the
 * versions of a metric's definition, and the principles overview. Shapes shared by the API
 * (request and response schemas) and the web client.
 */
import { z } from 'zod';
import {
  localizedTextSchema,
  metricKeySchema,
  metricSchema,
  principleKeySchema,
  principleSchema,
  suppressionReasonSchema,
  targetSchema,
  yearSchema,
} from './schemas.js';
import { translatedFieldSchema } from './translations.js';

/** When a definition's texts change: from which year the new text applies, and why. */
export const definitionChangeSchema = z.object({
  fromYear: yearSchema,
  note: z.string().trim().min(1, 'Skriv varför definitionen ändras').max(1000),
});
export type DefinitionChange = z.infer<typeof definitionChangeSchema>;

/** An edit of a metric: any field but the key (which is the metric's identity). */
export const metricPatchSchema = metricSchema
  .omit({ key: true, targetHistory: true })
  .partial()
  .extend({
    definitionChange: definitionChangeSchema.optional(),
    /** With a changed `target`: the first year it applies to. The years before keep theirs. */
    targetFrom: yearSchema.optional(),
    /** English texts the editor confirms still say what the (changed) Swedish says. */
    englishConfirmed: z.array(translatedFieldSchema).max(10).optional(),
  })
  .strict();
export type MetricPatch = z.infer<typeof metricPatchSchema>;

/** The texts that make up a definition: changing any of them makes a new version. */
export const DEFINITION_FIELDS = ['definition', 'numerator', 'denominator'] as const;

/** The lowest threshold allowed for health data (the municipal accounting law's rule). */
export const HEALTH_MIN_SUPPRESSION = 10;

export const metricDefinitionVersionSchema = z.object({
  metricKey: z.string(),
  version: z.number().int(),
  validFromYear: z.number().int(),
  definition: localizedTextSchema,
  numerator: localizedTextSchema,
  denominator: localizedTextSchema,
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  note: z.string().nullable(),
});
export type MetricDefinitionVersion = z.infer<typeof metricDefinitionVersionSchema>;
export const metricVersionsResponseSchema = z.array(metricDefinitionVersionSchema);

export const metricKeyParamsSchema = z.object({ key: metricKeySchema });
export const principleKeyParamsSchema = z.object({ key: principleKeySchema });

export const principleUpdateSchema = principleSchema
  .omit({ key: true, sortOrder: true })
  .extend({ sortOrder: z.number().int().optional() })
  .strict();
export type PrincipleUpdate = z.infer<typeof principleUpdateSchema>;

export const principleCreateSchema = principleSchema
  .omit({ sortOrder: true })
  .extend({ sortOrder: z.number().int().optional() })
  .strict();
export type PrincipleCreate = z.infer<typeof principleCreateSchema>;

export const principleLinksSchema = z.object({ metricKeys: z.array(metricKeySchema).max(200) }).strict();
export type PrincipleLinks = z.infer<typeof principleLinksSchema>;

export const overviewQuerySchema = z.object({
  unit: z.string().trim().min(1, 'Ange en enhet (unit)').max(64).optional(),
});

const directionSchema = z.enum(['improving', 'worsening', 'steady', 'changing', 'no_data']);

export const overviewMetricSchema = z.object({
  key: z.string(),
  name: localizedTextSchema,
  scale: metricSchema.shape.scale,
  decimals: z.number().int(),
  unitLabel: localizedTextSchema.nullable(),
  goodDirection: metricSchema.shape.goodDirection,
  target: targetSchema.nullable(),
  latest: z
    .object({
      year: z.number().int(),
      value: z.number().nullable(),
      suppressed: z.boolean(),
      reason: suppressionReasonSchema.nullable(),
    })
    .nullable()
    .describe('The latest year with a figure; a hidden one has no value, only the reason'),
  direction: directionSchema.describe('Against the year before, as the good direction sees it'),
  isTargetMet: z.boolean().nullable(),
  publicAnnotationCount: z.number().int(),
});
export type OverviewMetric = z.infer<typeof overviewMetricSchema>;

export const principlesOverviewResponseSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  principles: z.array(
    principleSchema.extend({ metrics: z.array(overviewMetricSchema) }),
  ),
});
export type PrinciplesOverview = z.infer<typeof principlesOverviewResponseSchema>;
