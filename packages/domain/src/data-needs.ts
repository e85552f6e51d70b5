import { z } from 'zod';
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
  unitId: z.string().trim().min(1).max(64).optional(),
});
export type DataNeedCreate = z.infer<typeof dataNeedCreateSchema>;

export const dataNeedUpdateSchema = z
  .object({
    status: dataNeedStatusSchema,
    reply: z.string().trim().max(4000).optional(),
    addedMetricKey: metricKeySchema.optional(),
  })
  .refine((u) => u.status !== 'declined' || (u.reply !== undefined && u.reply.length > 0), {
    message: 'Ett nej behöver ett svar som förklarar varför',
    path: ['reply'],
  })
  .refine((u) => u.addedMetricKey === undefined || u.status === 'added', {
    message: 'Ett nytt nyckeltal kan bara länkas när status är "added"',
    path: ['addedMetricKey'],
  });
export type DataNeedUpdate = z.infer<typeof dataNeedUpdateSchema>;

export const dataNeedSchema = z.object({
  id: z.number().int(),
  metricKey: z.string(),
  unitId: z.string().nullable(),
  text: z.string(),
  author: z.object({ username: z.string(), displayName: z.string() }),
  status: dataNeedStatusSchema,
  reply: z.string().nullable(),
  addedMetricKey: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedAt: z.string().nullable(),
  createdAt: z.string(),
  /** For the author: a reply they have not seen yet. */
  isUnread: z.boolean(),
  isOwn: z.boolean(),
});
export type DataNeed = z.infer<typeof dataNeedSchema>;
export const dataNeedsResponseSchema = z.array(dataNeedSchema);
/** The answer to a new question: its id. */
export const dataNeedCreatedSchema = z.object({ id: z.number().int() });

export const dataNeedQuerySchema = z.object({
  status: dataNeedStatusSchema.optional(),
  metric: metricKeySchema.optional(),
  unit: z.string().trim().min(1).max(64).optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

export const dataNeedStatsSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  unanswered: z.number().int(),
  medianDaysToReply: z.number().nullable(),
  byStatus: z.record(dataNeedStatusSchema, z.number().int()),
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
