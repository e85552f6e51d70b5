import { errorEnvelopeSchema } from '@tillit/domain';
import { z } from 'zod/mini';

/** The error responses most routes can give, for the OpenAPI document. */
export const errorResponses = {
  400: errorEnvelopeSchema.check(z.describe('Ogiltig förfrågan')),
  404: errorEnvelopeSchema.check(z.describe('Finns inte')),
} as const;

/**
 * 304 Not Modified: the client's `If-None-Match` names the answer it holds (plugins/compression.ts,
 * `sendAnswer`); no body.
 */
export const notModified = z.null().check(z.describe('Unchanged since the entity tag in If-None-Match: no body'));
