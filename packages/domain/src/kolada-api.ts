import { z } from 'zod/mini';
import { KOLADA_GENDERS, koladaKpiSchema } from './kolada.js';
import { metricKeySchema } from './schemas.js';

/** The contracts of `/api/kolada/*` and `/api/reference-series`. */

/** Which Kolada KPI is shown next to which of our metrics, and what to call it: data, editable. */
export const koladaMappingSchema = z.object({
  kpi: z.string(),
  metricKey: z.string(),
  label: z.object({ sv: z.string(), en: z.string() }),
  updatedAt: z.string(),
});
export type KoladaMapping = z.infer<typeof koladaMappingSchema>;

export const koladaMappingsResponseSchema = z.object({ mappings: z.array(koladaMappingSchema) });

export const koladaMappingBodySchema = z.strictObject({
    metricKey: metricKeySchema,
    label: z.strictObject({
      sv: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      en: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    }),
  });
export type KoladaMappingBody = z.infer<typeof koladaMappingBodySchema>;

export const koladaMappingCreateSchema = z.strictObject(z.extend(koladaMappingBodySchema, { kpi: koladaKpiSchema }).shape);
export type KoladaMappingCreate = z.infer<typeof koladaMappingCreateSchema>;

export const koladaKpiParamsSchema = z.object({ kpi: koladaKpiSchema });

export const koladaImportErrorSchema = z.object({
  file: z.string(),
  page: z.nullable(z.int()),
  path: z.string(),
  message: z.string(),
});
export type KoladaImportError = z.infer<typeof koladaImportErrorSchema>;

export const koladaPreviewRowSchema = z.object({
  kpi: z.string(),
  municipality: z.nullable(z.string()),
  ou: z.nullable(z.string()),
  period: z.int(),
  gender: z.enum(KOLADA_GENDERS),
  value: z.nullable(z.number()),
  status: z.nullable(z.string()),
  /** The metric the KPI is shown next to; null when no mapping names it (stored all the same). */
  metricKey: z.nullable(z.string()),
  /** The stored value this would replace: undefined/absent when there is none. */
  old: z.nullable(z.object({ value: z.nullable(z.number()), status: z.nullable(z.string()) })),
});
export type KoladaPreviewRow = z.infer<typeof koladaPreviewRowSchema>;

/** A dry run, or a refused import (422): what was read, every error, and the first rows. */
export const koladaPreviewSchema = z.object({
  importId: z.null(),
  fileName: z.string(),
  rowsRead: z.int(),
  rowsValid: z.int(),
  /** Stored figures (same KPI, municipality, unit and year) the import would replace. */
  replaced: z.int(),
  isSynthetic: z.boolean(),
  unmappedKpis: z.array(z.string()),
  errors: z.array(koladaImportErrorSchema),
  /** The first 200 rows. */
  rows: z.array(koladaPreviewRowSchema),
});
export type KoladaPreview = z.infer<typeof koladaPreviewSchema>;

export const koladaImportResultSchema = z.object({
  importId: z.int(),
  fileName: z.string(),
  rowsRead: z.int(),
  rowsWritten: z.int(),
  replaced: z.int(),
  isSynthetic: z.boolean(),
  errors: z.array(koladaImportErrorSchema).check(z.maxLength(0)),
});
export type KoladaImportResult = z.infer<typeof koladaImportResultSchema>;

export const koladaImportQuerySchema = z.object({ dryRun: z.optional(z.enum(['true', 'false', '1', '0'])) });

export const referenceSeriesQuerySchema = z.object({ metric: metricKeySchema });

export const referencePointSchema = z.object({
  year: z.int(),
  value: z.nullable(z.number()),
  /** Kolada's status text; null when empty. A null value without status: Kolada has no figure. */
  status: z.nullable(z.string()),
  source: z.string(),
  isSynthetic: z.boolean(),
});
export type ReferencePoint = z.infer<typeof referencePointSchema>;

/** A published, municipality-wide series shown next to one of our metrics; not about our persons. */
export const referenceSeriesSchema = z.object({
  kpi: z.string(),
  label: z.object({ sv: z.string(), en: z.string() }),
  municipality: z.string(),
  gender: z.literal('T'),
  points: z.array(referencePointSchema),
  /** The points' sources, distinct, joined with "; ". */
  source: z.string(),
  sourceUrl: z.nullable(z.string()),
  /** True when any point is made up (the demo's example pages). */
  isSynthetic: z.boolean(),
});
export type ReferenceSeries = z.infer<typeof referenceSeriesSchema>;

export const referenceSeriesResponseSchema = z.array(referenceSeriesSchema);
