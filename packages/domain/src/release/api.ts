import { z } from 'zod/mini';

/**
 * A figure that has been shown and that a change (an import, a reorganisation) would hide from
 * then on: it stays known to whoever saw it, so the previews say so before anything is written.
 */
export const releaseWarningSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  metricKey: z.string(),
  metricName: z.string(),
  year: z.int(),
  message: z.string(),
});
export type ReleaseWarning = z.infer<typeof releaseWarningSchema>;

/** How many of them a preview lists; the rest are counted. */
export const RELEASE_WARNINGS_SHOWN = 50;
