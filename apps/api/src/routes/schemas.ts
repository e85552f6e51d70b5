import { errorEnvelopeSchema } from '@tillit/domain';

/** The error responses most routes can give, for the OpenAPI document. */
export const errorResponses = {
  400: errorEnvelopeSchema.describe('Ogiltig förfrågan'),
  404: errorEnvelopeSchema.describe('Finns inte'),
} as const;
