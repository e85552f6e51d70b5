/**
 * Annotations: context a person adds to a metric for a unit and a year or span of years ("two
 * long sick leaves, both back"), with replies under it. The request and response shapes are
 * shared by the API (validation and allow-list) and the web app (parsing and types).
 */
import { z } from 'zod/mini';

export const ANNOTATION_TEXT_MAX = 4000;
export const ANNOTATION_YEAR_MIN = 1990;
export const ANNOTATION_YEAR_MAX = 2100;

export const annotationVisibilitySchema = z.enum(['internal', 'public']);
export type AnnotationVisibility = z.infer<typeof annotationVisibilitySchema>;

// Control characters (Unicode category Cc) other than tab and newline: they have no place in a
// note and can hide or garble text. Carriage returns are turned into newlines before the check.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Whether a note's text may be stored: plain text, so everything is allowed except control
 * characters other than tab and newline. Markup is just text: it is stored and shown as typed.
 */
export function hasForbiddenControlCharacters(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/** Plain text: line endings made `\n`, trimmed, 1–4000 characters, no control characters. */
export const annotationTextSchema = z.string({ error: 'Skriv en text (text)' }).check(
  z.overwrite((s) => s.replace(/\r\n?/g, '\n').trim()),
  z.minLength(1, 'Texten får inte vara tom'),
  z.maxLength(ANNOTATION_TEXT_MAX, `Texten får vara högst ${ANNOTATION_TEXT_MAX} tecken`),
  z.refine((s) => !hasForbiddenControlCharacters(s), 'Texten får inte innehålla styrtecken (bara vanlig text, radbrytningar och tabb)'),
);

const YEAR_MESSAGE = `Ange ett årtal mellan ${ANNOTATION_YEAR_MIN} och ${ANNOTATION_YEAR_MAX} som ett heltal, t.ex. 2022`;
export const annotationYearSchema = z.int({ error: YEAR_MESSAGE }).check(
  z.gte(ANNOTATION_YEAR_MIN, { error: YEAR_MESSAGE }),
  z.lte(ANNOTATION_YEAR_MAX, { error: YEAR_MESSAGE }),
);

/** The unit a note (or an analysis) is about. */
export const annotationUnitIdSchema = z.string({ error: 'Ange en enhet (unitId)' }).check(
  z.trim(),
  z.minLength(1, 'Ange en enhet (unitId)'),
  z.maxLength(64),
);
/** The metric a note (or an analysis) is about. */
export const annotationMetricKeySchema = z.string({ error: 'Ange ett nyckeltal (metricKey)' }).check(
  z.trim(),
  z.minLength(1, 'Ange ett nyckeltal (metricKey)'),
  z.maxLength(64),
);

const SPAN_MESSAGE = 'Sista året (yearTo) kan inte vara före första året (year)';

export const createAnnotationBodySchema = z.object({
    unitId: annotationUnitIdSchema,
    metricKey: annotationMetricKeySchema,
    year: annotationYearSchema,
    /** The last year of a span; leave out for a single year. */
    yearTo: z.optional(annotationYearSchema),
    text: annotationTextSchema,
    visibility: annotationVisibilitySchema,
  }).check(z.refine((b) => b.yearTo === undefined || b.yearTo >= b.year, { message: SPAN_MESSAGE, path: ['yearTo'] }));
export type CreateAnnotationBody = z.input<typeof createAnnotationBodySchema>;

/**
 * A change to a note. Years and visibility belong to the thread, so they can only be changed on
 * its first note; `yearTo: null` makes the note a single year again.
 */
export const updateAnnotationBodySchema = z.object({
    text: z.optional(annotationTextSchema),
    visibility: z.optional(annotationVisibilitySchema),
    year: z.optional(annotationYearSchema),
    yearTo: z.optional(z.nullable(annotationYearSchema)),
  }).check(z.refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Ange minst en sak att ändra (text, visibility, year eller yearTo)' }), z.refine((b) => b.year === undefined || b.yearTo === undefined || b.yearTo === null || b.yearTo >= b.year, {
    message: SPAN_MESSAGE,
    path: ['yearTo'],
  }));
export type UpdateAnnotationBody = z.input<typeof updateAnnotationBodySchema>;

export const replyBodySchema = z.object({ text: annotationTextSchema });
export type ReplyBody = z.input<typeof replyBodySchema>;

export const annotationIdParamsSchema = z.object({
  id: z.coerce.number({ error: 'Anteckningens id ska vara ett heltal' }).check(
    z.int('Anteckningens id ska vara ett heltal'),
    z.positive('Anteckningens id ska vara ett heltal'),
  ),
});

export const annotationsQuerySchema = z.object({
  metric: z.string().check(z.trim(), z.minLength(1, 'Ange ett nyckeltal (metric)')),
  unit: z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)')),
});

export const recentAnnotationsQuerySchema = z.object({
  unit: z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)')),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 5),
});

export const annotationAuthorSchema = z.object({
  username: z.string(),
  displayName: z.string(),
});
export type AnnotationAuthor = z.infer<typeof annotationAuthorSchema>;

export const annotationReplySchema = z.object({
  id: z.int(),
  parentId: z.int().check(z.describe('The first note of the thread')),
  author: annotationAuthorSchema,
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean().check(
    z.describe('True for the author, who alone may edit or delete (a first note only while its unit is still in their scope)'),
  ),
});
export type AnnotationReply = z.infer<typeof annotationReplySchema>;

/** A thread: the first note, which carries unit, metric, years and visibility, and its replies. */
export const annotationThreadSchema = z.object({
  id: z.int(),
  unitId: z.string(),
  metricKey: z.string(),
  yearFrom: z.int(),
  yearTo: z.int(),
  visibility: annotationVisibilitySchema,
  author: annotationAuthorSchema,
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean().check(
    z.describe('True for the author, who alone may edit or delete (a first note only while its unit is still in their scope)'),
  ),
  replies: z.array(annotationReplySchema).check(z.describe('Oldest first')),
});
export type AnnotationThread = z.infer<typeof annotationThreadSchema>;
export const annotationThreadsResponseSchema = z.array(annotationThreadSchema);

/** A thread's first note in a list across metrics, e.g. the overview's latest notes. */
export const annotationSummarySchema = z.extend(z.omit(annotationThreadSchema, { replies: true }), {
  replyCount: z.int(),
});
export type AnnotationSummary = z.infer<typeof annotationSummarySchema>;
export const recentAnnotationsResponseSchema = z.array(annotationSummarySchema);

/**
 * A public note as a read-only view shows it (the politicians' summary): the first note of a
 * thread marked public, with its author's display name only, and on a public link only when the
 * link shows authors.
 */
export const publicAnnotationSchema = z.object({
  id: z.int(),
  unitId: z.string(),
  metricKey: z.string(),
  yearFrom: z.int(),
  yearTo: z.int(),
  text: z.string(),
  author: z.nullable(z.object({ displayName: z.string() })).check(
    z.describe("Null through a public link that does not show authors (the default)"),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublicAnnotation = z.infer<typeof publicAnnotationSchema>;
