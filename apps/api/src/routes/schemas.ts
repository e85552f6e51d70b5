import { errorEnvelopeSchema } from '@tillit/domain';
import { z } from 'zod';

/** The error responses most routes can give, for the OpenAPI document. */
export const errorResponses = {
  400: errorEnvelopeSchema.describe('Ogiltig förfrågan'),
  404: errorEnvelopeSchema.describe('Finns inte'),
} as const;

/**
 * 304 Not Modified: the client's `If-None-Match` names the answer it holds (plugins/compression.ts,
 * `sendAnswer`); no body.
 */
export const notModified = z.null().describe('Unchanged since the entity tag in If-None-Match: no body');
