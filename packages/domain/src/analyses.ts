/**
 * The development manager's analysis of a metric for a unit and a year: the text that goes to the
 * committee (the personnel section of the annual report). Written as a draft, then published;
 * every save is a version, so earlier texts are kept and shown as history. Only a published
 * version ever reaches the politicians' summary or a public link.
 */
import { z } from 'zod/mini';
import {
  ANNOTATION_YEAR_MAX,
  ANNOTATION_YEAR_MIN,
  annotationMetricKeySchema,
  annotationTextSchema,
  annotationUnitIdSchema,
  annotationYearSchema,
} from './annotations.js';

export const analysisStatusSchema = z.enum(['draft', 'published']);
export type AnalysisStatus = z.infer<typeof analysisStatusSchema>;

/**
 * `PUT /api/analyses`: the text as it is now. Plain text under the notes' rules (trimmed, 1–4000
 * characters, no control characters; markup is text and never rendered).
 */
export const analysisBodySchema = z.object({
  unitId: annotationUnitIdSchema,
  metricKey: annotationMetricKeySchema,
  year: annotationYearSchema,
  text: annotationTextSchema,
  status: analysisStatusSchema.check(z.describe("'draft' keeps it to the development manager; 'published' puts it in the summary")),
});
export type AnalysisBody = z.input<typeof analysisBodySchema>;

const YEAR_MESSAGE = `year ska vara ett årtal mellan ${ANNOTATION_YEAR_MIN} och ${ANNOTATION_YEAR_MAX}, t.ex. 2025`;
/** A year in a query string (`?year=2025`). */
export const queryYearSchema = z.coerce.number({ error: YEAR_MESSAGE }).check(
  z.int({ error: YEAR_MESSAGE }),
  z.gte(ANNOTATION_YEAR_MIN, { error: YEAR_MESSAGE }),
  z.lte(ANNOTATION_YEAR_MAX, { error: YEAR_MESSAGE }),
);

export const analysesQuerySchema = z.object({
  unit: z.string({ error: 'Ange en enhet (unit)' }).check(z.trim(), z.minLength(1, 'Ange en enhet (unit)'), z.maxLength(64)),
  year: queryYearSchema,
});

/** One saved version of an analysis. */
export const analysisVersionSchema = z.object({
  version: z.int().check(z.describe('1 for the first save, then one more for each')),
  text: z.string(),
  status: analysisStatusSchema,
  writtenAt: z.string(),
  writtenBy: z.string().check(z.describe("The writer's display name")),
});
export type AnalysisVersion = z.infer<typeof analysisVersionSchema>;

/** What the summary shows: the latest published text, never a draft. */
export const publishedAnalysisSchema = z.object({
  text: z.string(),
  year: z.int().check(z.describe('The year the analysis is about')),
  publishedAt: z.string(),
});
export type PublishedAnalysis = z.infer<typeof publishedAnalysisSchema>;

/** An analysis as the development manager sees it: the newest text, what is published, and the history. */
export const analysisSchema = z.object({
  id: z.int(),
  unitId: z.string(),
  metricKey: z.string(),
  year: z.int(),
  text: z.string().check(z.describe('The newest version')),
  status: analysisStatusSchema.check(z.describe('The newest version is a draft or published')),
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  published: z.nullable(z.object({ text: z.string(), publishedAt: z.string(), version: z.int() })).check(
    z.describe('The newest published version, which the summary shows (also while a newer draft is being written); null when none'),
  ),
  history: z.array(analysisVersionSchema).check(z.describe('The earlier versions, newest first')),
});
export type Analysis = z.infer<typeof analysisSchema>;
export const analysesResponseSchema = z.array(analysisSchema);

/** The analysis's state from its versions, oldest first (at least one). */
export function analysisOf(
  head: { id: number; unitId: string; metricKey: string; year: number },
  versions: readonly AnalysisVersion[],
): Analysis {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const newest = sorted.at(-1);
  if (!newest) throw new Error(`analysis ${head.id} has no version`);
  const published = sorted.filter((v) => v.status === 'published').at(-1);
  return {
    ...head,
    text: newest.text,
    status: newest.status,
    version: newest.version,
    updatedAt: newest.writtenAt,
    updatedBy: newest.writtenBy,
    published: published ? { text: published.text, publishedAt: published.writtenAt, version: published.version } : null,
    history: sorted.slice(0, -1).reverse(),
  };
}

/** Whether a save would change nothing: the same text with the same status as the newest version. */
export function isUnchangedAnalysis(newest: Pick<AnalysisVersion, 'text' | 'status'> | undefined, body: { text: string; status: AnalysisStatus }): boolean {
  return newest !== undefined && newest.text === body.text && newest.status === body.status;
}
