/**
 * Keeping the catalogue: the development manager's edits of metrics and principles, the
 * versions of a metric's definition, and the principles overview. Shapes shared by the API
 * (request and response schemas) and the web client.
 */
import { z } from 'zod/mini';
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
  note: z.string().check(z.trim(), z.minLength(1, 'Skriv varför definitionen ändras'), z.maxLength(1000)),
});
export type DefinitionChange = z.infer<typeof definitionChangeSchema>;

/** An edit of a metric: any field but the key (which is the metric's identity). */
export const metricPatchSchema = z.strictObject(z.extend(z.partial(z.omit(metricSchema, { key: true, targetHistory: true })), {
    definitionChange: z.optional(definitionChangeSchema),
    /** With a changed `target`: the first year it applies to. The years before keep theirs. */
    targetFrom: z.optional(yearSchema),
    /** English texts the editor confirms still say what the (changed) Swedish says. */
    englishConfirmed: z.optional(z.array(translatedFieldSchema).check(z.maxLength(10))),
  }).shape);
export type MetricPatch = z.infer<typeof metricPatchSchema>;

/** The texts that make up a definition: changing any of them makes a new version. */
export const DEFINITION_FIELDS = ['definition', 'numerator', 'denominator'] as const;

/** The lowest threshold allowed for health data (the municipal accounting law's rule). */
export const HEALTH_MIN_SUPPRESSION = 10;

export const metricDefinitionVersionSchema = z.object({
  metricKey: z.string(),
  version: z.int(),
  validFromYear: z.int(),
  definition: localizedTextSchema,
  numerator: localizedTextSchema,
  denominator: localizedTextSchema,
  changedBy: z.nullable(z.string()),
  changedAt: z.string(),
  note: z.nullable(z.string()),
});
export type MetricDefinitionVersion = z.infer<typeof metricDefinitionVersionSchema>;
export const metricVersionsResponseSchema = z.array(metricDefinitionVersionSchema);

export const metricKeyParamsSchema = z.object({ key: metricKeySchema });
export const principleKeyParamsSchema = z.object({ key: principleKeySchema });

export const principleUpdateSchema = z.strictObject(z.extend(z.omit(principleSchema, { key: true, sortOrder: true }), { sortOrder: z.optional(z.int()) }).shape);
export type PrincipleUpdate = z.infer<typeof principleUpdateSchema>;

export const principleCreateSchema = z.strictObject(z.extend(z.omit(principleSchema, { sortOrder: true }), { sortOrder: z.optional(z.int()) }).shape);
export type PrincipleCreate = z.infer<typeof principleCreateSchema>;

export const principleLinksSchema = z.strictObject({ metricKeys: z.array(metricKeySchema).check(z.maxLength(200)) });
export type PrincipleLinks = z.infer<typeof principleLinksSchema>;

export const overviewQuerySchema = z.object({
  unit: z.optional(z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)'), z.maxLength(64))),
});

const directionSchema = z.enum(['improving', 'worsening', 'steady', 'changing', 'no_data']);

export const overviewMetricSchema = z.object({
  key: z.string(),
  name: localizedTextSchema,
  scale: metricSchema.shape.scale,
  decimals: z.int(),
  unitLabel: z.nullable(localizedTextSchema),
  goodDirection: metricSchema.shape.goodDirection,
  target: z.nullable(targetSchema),
  latest: z.nullable(z.object({
      year: z.int(),
      value: z.nullable(z.number()),
      suppressed: z.boolean(),
      reason: z.nullable(suppressionReasonSchema),
    })).check(z.describe('The latest year with a figure; a hidden one has no value, only the reason')),
  direction: directionSchema.check(z.describe('Against the year before, as the good direction sees it')),
  isTargetMet: z.nullable(z.boolean()),
  publicAnnotationCount: z.int(),
});
export type OverviewMetric = z.infer<typeof overviewMetricSchema>;

export const principlesOverviewResponseSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  principles: z.array(
    z.extend(principleSchema, { metrics: z.array(overviewMetricSchema) }),
  ),
});
export type PrinciplesOverview = z.infer<typeof principlesOverviewResponseSchema>;
