import { z } from 'zod/mini';
import { annotationTextSchema } from './annotations.js';
import { metricKeySchema } from './schemas.js';

/** What becomes of an answer to "Vilka data behöver du?". */
export const dataNeedStatusSchema = z.enum(['received', 'considering', 'planned', 'added', 'declined']);
export type DataNeedStatus = z.infer<typeof dataNeedStatusSchema>;
export const DATA_NEED_STATUSES = dataNeedStatusSchema.options;

/** Statuses that still wait for something to happen. */
export const OPEN_STATUSES: readonly DataNeedStatus[] = ['received', 'considering', 'planned'];

// Free text follows one rule everywhere: plain text, trimmed, up to 4000 characters, no control characters.
const needTextSchema = annotationTextSchema;

export const dataNeedCreateSchema = z.object({
  metricKey: metricKeySchema,
  text: needTextSchema,
  unitId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
});
export type DataNeedCreate = z.infer<typeof dataNeedCreateSchema>;

export const dataNeedUpdateSchema = z.object({
    status: dataNeedStatusSchema,
    reply: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
    addedMetricKey: z.optional(metricKeySchema),
  }).check(z.refine((u) => u.status !== 'declined' || (u.reply !== undefined && u.reply.length > 0), {
    message: 'Ett nej behöver ett svar som förklarar varför',
    path: ['reply'],
  }), z.refine((u) => u.addedMetricKey === undefined || u.status === 'added', {
    message: 'Ett nytt nyckeltal kan bara länkas när status är "added"',
    path: ['addedMetricKey'],
  }));
export type DataNeedUpdate = z.infer<typeof dataNeedUpdateSchema>;

export const dataNeedSchema = z.object({
  id: z.int(),
  metricKey: z.string(),
  unitId: z.nullable(z.string()),
  text: z.string(),
  author: z.object({ username: z.string(), displayName: z.string() }),
  status: dataNeedStatusSchema,
  reply: z.nullable(z.string()),
  addedMetricKey: z.nullable(z.string()),
  repliedBy: z.nullable(z.string()),
  repliedAt: z.nullable(z.string()),
  createdAt: z.string(),
  /** For the author: a reply they have not seen yet. */
  isUnread: z.boolean(),
  isOwn: z.boolean(),
});
export type DataNeed = z.infer<typeof dataNeedSchema>;
export const dataNeedsResponseSchema = z.array(dataNeedSchema);
/** The answer to a new question: its id. */
export const dataNeedCreatedSchema = z.object({ id: z.int() });

export const dataNeedQuerySchema = z.object({
  status: z.optional(dataNeedStatusSchema),
  metric: z.optional(metricKeySchema),
  unit: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  olderThanDays: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(3650))),
  mine: z.pipe(z.optional(z.enum(['true', 'false'])), z.transform((v) => v === 'true')),
});

export const dataNeedStatsSchema = z.object({
  total: z.int(),
  open: z.int(),
  unanswered: z.int(),
  medianDaysToReply: z.nullable(z.number()),
  byStatus: z.record(dataNeedStatusSchema, z.int()),
});
export type DataNeedStats = z.infer<typeof dataNeedStatsSchema>;

/** The median of whole or fractional days; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days between two ISO times, to one decimal. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000) * 10) / 10;
}
