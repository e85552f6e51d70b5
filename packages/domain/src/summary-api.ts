/**
 * The politicians' summary and the public read-only links: the shapes that leave the server
 * (its response schemas, so also the allow-list) and that the web client parses.
 */
import { z } from 'zod/mini';
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
  year: z.int(),
  value: z.nullable(z.number()),
  suppressed: z.boolean(),
  reason: z.nullable(suppressionReasonSchema),
});
export type SummaryFigureResponse = z.infer<typeof summaryFigureSchema>;

/** One year of the table: like a figure, with where it comes from and how many units have reported. */
export const summaryPointSchema = z.extend(summaryFigureSchema, {
  source: z.nullable(z.string()),
  isSynthetic: z.boolean(),
  coverage: coverageSchema,
});

/**
 * A public note in the summary: on the unit summarised or any unit below it, with the unit named.
 * `author` is null where authors are not shown (a public link).
 */
export const summaryNoteSchema = z.extend(publicAnnotationSchema, {
  unitName: z.string(),
  author: z.nullable(z.object({ displayName: z.string() })),
});
export type SummaryNote = z.infer<typeof summaryNoteSchema>;

/** A year not every expected unit has reported yet: left out of the latest figure and the verdict. */
export const incompleteYearSchema = z.object({
  year: z.int(),
  reported: z.int(),
  expected: z.int(),
});
export type SummaryPoint = z.infer<typeof summaryPointSchema>;

export const summaryMetricSchema = z.object({
  key: z.string(),
  name: localizedTextSchema,
  definition: localizedTextSchema,
  englishOutdated: z.optional(z.array(translatedFieldSchema)).check(
    z.describe('English texts not yet updated after their Swedish changed'),
  ),
  scale: metricScaleSchema,
  decimals: z.int(),
  unitLabel: z.nullable(localizedTextSchema),
  goodDirection: goodDirectionSchema,
  suppressionThreshold: z.nullable(z.int()),
  latest: z.nullable(summaryFigureSchema).check(z.describe('The latest year with a figure, shown or hidden')),
  previous: z.nullable(summaryFigureSchema).check(z.describe('The figure before the latest, shown or hidden')),
  first: z.nullable(summaryFigureSchema).check(z.describe('The earliest shown figure before the latest')),
  changeSinceLastYear: z.nullable(z.number()).check(z.describe('Latest minus previous as shown; null unless both are shown')),
  changeSinceFirst: z.nullable(z.number()).check(z.describe('Latest minus first as shown; null unless both are shown')),
  target: z.nullable(targetSchema).check(z.describe('The target in force in the latest year')),
  isTargetMet: z.nullable(z.boolean()),
  direction: directionSchema,
  incomplete: z.array(incompleteYearSchema).check(
    z.describe('Years after the latest figure that not every expected unit has reported yet'),
  ),
  sentences: z.object({ sv: z.array(z.string()), en: z.array(z.string()) }),
  principles: z.array(z.object({ key: z.string(), name: localizedTextSchema })),
  annotations: z.array(summaryNoteSchema).check(
    z.describe('Public first notes on this metric for this unit and every unit below it, newest first; replies never'),
  ),
  analysis: z.nullable(publishedAnalysisSchema).check(
    z.describe("The development manager's published analysis of the metric for this unit, of the latest year that has one (up to the latest figure's); drafts never"),
  ),
  points: z.array(summaryPointSchema),
});
export type SummaryMetricResponse = z.infer<typeof summaryMetricSchema>;

export const summaryResponseSchema = z.object({
  unit: unitRefSchema,
  /** The whole organisation and its areas: the choices the summary offers. */
  root: unitRefSchema,
  areas: z.array(unitRefSchema),
  generatedAt: z.string().check(z.describe('When this summary was put together')),
  latestYear: z.nullable(z.int()).check(z.describe('The latest year a metric has a complete figure for')),
  dataUpdatedAt: z.nullable(z.string()).check(
    z.describe('The latest recorded write of figures (seed or import); null when none is recorded'),
  ),
  isDemo: z.boolean(),
  metrics: z.array(summaryMetricSchema),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;

export const summaryQuerySchema = z.object({
  unit: z.optional(z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)'), z.maxLength(64))),
});

/** A public link's token: 32 random bytes, base64url. */
export const publicTokenSchema = z.string().check(
  z.minLength(20, 'Länken är ogiltig'),
  z.maxLength(100, 'Länken är ogiltig'),
  z.regex(/^[A-Za-z0-9_-]+$/, 'Länken är ogiltig'),
);

const showAuthorsSchema = z.boolean({ message: 'Ange true eller false (showAuthors)' }).check(
  z.describe("Whether anonymous readers see who wrote the public notes; off by default"),
);

export const publicLinkCreateSchema = z.object({
  label: z.string().check(
    z.trim(),
    z.minLength(1, 'Ge länken en beskrivning, t.ex. ”Socialnämnden, mars”'),
    z.maxLength(200, 'Högst 200 tecken'),
  ),
  showAuthors: z._default(showAuthorsSchema, false),
});
export type PublicLinkCreate = z.infer<typeof publicLinkCreateSchema>;

export const publicLinkUpdateSchema = z.object({ showAuthors: showAuthorsSchema });
export type PublicLinkUpdate = z.infer<typeof publicLinkUpdateSchema>;

export const publicLinkSchema = z.object({
  id: z.int(),
  label: z.string(),
  showAuthors: z.boolean().check(z.describe("Whether anonymous readers see who wrote the public notes")),
  createdBy: z.string().check(z.describe("The creator's display name")),
  createdAt: z.string(),
  revokedAt: z.nullable(z.string()),
});
export type PublicLink = z.infer<typeof publicLinkSchema>;
export const publicLinksResponseSchema = z.array(publicLinkSchema);

/** The answer to creating a link: the only time the token is ever shown. */
export const publicLinkCreatedSchema = z.extend(publicLinkSchema, {
  token: z.string(),
  path: z.string().check(z.describe('The page of the link on this site, e.g. /p/TOKEN')),
  url: z.string().check(z.describe('The full address, as the server was reached')),
});
export type PublicLinkCreated = z.infer<typeof publicLinkCreatedSchema>;

export const publicLinkParamsSchema = z.object({ id: z.coerce.number().check(z.int(), z.positive()) });
/** Loose on purpose: a mistyped or cut-off link is simply not found (404), like a revoked one. */
export const publicTokenParamsSchema = z.object({ token: z.string().check(z.maxLength(200)) });
