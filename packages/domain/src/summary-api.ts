/**
 * The politicians' summary and the public read-only links: the shapes that leave the server
 * (its response schemas, so also the allow-list) and that the web client parses.
 */
import { z } from 'zod';
import { publishedAnalysisSchema } from './analyses.js';
import { publicAnnotationSchema } from './annotations.js';
import { unitRefSchema } from './api.js';
import { coverageSchema } from './org/coverage.js';
import {
  goodDirectionSchema,
  localizedTextSchema,
  metricScaleSchema,
  suppressionReasonSchema,
  targetSchema,
} from './schemas.js';
import { translatedFieldSchema } from './translations.js';

const directionSchema = z.enum(['improving', 'worsening', 'steady', 'changing', 'no_data']);

/** A figure the summary refers to; a hidden one has no value, only the reason. */
export const summaryFigureSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
  reason: suppressionReasonSchema.nullable(),
});
export type SummaryFigureResponse = z.infer<typeof summaryFigureSchema>;

/** One year of the table: like a figure, with where it comes from and how many units have reported. */
export const summaryPointSchema = summaryFigureSchema.extend({
  source: z.string().nullable(),
  isSynthetic: z.boolean(),
  coverage: coverageSchema,
});

/**
 * A public note in the summary: on the unit summarised or any unit below it, with the unit named.
 * `author` is null where authors are not shown (a public link).
 */
export const summaryNoteSchema = publicAnnotationSchema.extend({
  unitName: z.string(),
  author: z.object({ displayName: z.string() }).nullable(),
});
export type SummaryNote = z.infer<typeof summaryNoteSchema>;

/** A year not every expected unit has reported yet: left out of the latest figure and the verdict. */
export const incompleteYearSchema = z.object({
  year: z.number().int(),
  reported: z.number().int(),
  expected: z.number().int(),
});
export type SummaryPoint = z.infer<typeof summaryPointSchema>;

export const summaryMetricSchema = z.object({
  key: z.string(),
  name: localizedTextSchema,
  definition: localizedTextSchema,
  englishOutdated: z.array(translatedFieldSchema).optional().describe('English texts not yet updated after their Swedish changed'),
  scale: metricScaleSchema,
  decimals: z.number().int(),
  unitLabel: localizedTextSchema.nullable(),
  goodDirection: goodDirectionSchema,
  suppressionThreshold: z.number().int().nullable(),
  latest: summaryFigureSchema.nullable().describe('The latest year with a figure, shown or hidden'),
  previous: summaryFigureSchema.nullable().describe('The figure before the latest, shown or hidden'),
  first: summaryFigureSchema.nullable().describe('The earliest shown figure before the latest'),
  changeSinceLastYear: z.number().nullable().describe('Latest minus previous as shown; null unless both are shown'),
  changeSinceFirst: z.number().nullable().describe('Latest minus first as shown; null unless both are shown'),
  target: targetSchema.nullable().describe('The target in force in the latest year'),
  isTargetMet: z.boolean().nullable(),
  direction: directionSchema,
  incomplete: z.array(incompleteYearSchema).describe('Years after the latest figure that not every expected unit has reported yet'),
  sentences: z.object({ sv: z.array(z.string()), en: z.array(z.string()) }),
  principles: z.array(z.object({ key: z.string(), name: localizedTextSchema })),
  annotations: z
    .array(summaryNoteSchema)
    .describe('Public first notes on this metric for this unit and every unit below it, newest first; replies never'),
  analysis: publishedAnalysisSchema
    .nullable()
    .describe("The development manager's published analysis of the metric for this unit, of the latest year that has one (up to the latest figure's); drafts never"),
  points: z.array(summaryPointSchema),
});
export type SummaryMetricResponse = z.infer<typeof summaryMetricSchema>;

export const summaryResponseSchema = z.object({
  unit: unitRefSchema,
  /** The whole organisation and its areas: the choices the summary offers. */
  root: unitRefSchema,
  areas: z.array(unitRefSchema),
  generatedAt: z.string().describe('When this summary was put together'),
  latestYear: z.number().int().nullable().describe('The latest year a metric has a complete figure for'),
  dataUpdatedAt: z
    .string()
    .nullable()
    .describe('The latest recorded write of figures (seed or import); null when none is recorded'),
  isDemo: z.boolean(),
  metrics: z.array(summaryMetricSchema),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;

export const summaryQuerySchema = z.object({
  unit: z.string().trim().min(1, 'Ange en enhet (unit)').max(64).optional(),
});

/** A public link's token: 32 random bytes, base64url. */
export const publicTokenSchema = z
  .string()
  .min(20, 'Länken är ogiltig')
  .max(100, 'Länken är ogiltig')
  .regex(/^[A-Za-z0-9_-]+$/, 'Länken är ogiltig');

const showAuthorsSchema = z
  .boolean({ message: 'Ange true eller false (showAuthors)' })
  .describe("Whether anonymous readers see who wrote the public notes; off by default");

export const publicLinkCreateSchema = z.object({
  label: z.string().trim().min(1, 'Ge länken en beskrivning, t.ex. ”Socialnämnden, mars”').max(200, 'Högst 200 tecken'),
  showAuthors: showAuthorsSchema.default(false),
});
export type PublicLinkCreate = z.infer<typeof publicLinkCreateSchema>;

export const publicLinkUpdateSchema = z.object({ showAuthors: showAuthorsSchema });
export type PublicLinkUpdate = z.infer<typeof publicLinkUpdateSchema>;

export const publicLinkSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  showAuthors: z.boolean().describe("Whether anonymous readers see who wrote the public notes"),
  createdBy: z.string().describe("The creator's display name"),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type PublicLink = z.infer<typeof publicLinkSchema>;
export const publicLinksResponseSchema = z.array(publicLinkSchema);

/** The answer to creating a link: the only time the token is ever shown. */
export const publicLinkCreatedSchema = publicLinkSchema.extend({
  token: z.string(),
  path: z.string().describe('The page of the link on this site, e.g. /p/TOKEN'),
  url: z.string().describe('The full address, as the server was reached'),
});
export type PublicLinkCreated = z.infer<typeof publicLinkCreatedSchema>;

export const publicLinkParamsSchema = z.object({ id: z.coerce.number().int().positive() });
/** Loose on purpose: a mistyped or cut-off link is simply not found (404), like a revoked one. */
export const publicTokenParamsSchema = z.object({ token: z.string().max(200) });
