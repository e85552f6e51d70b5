import {
  errorEnvelopeSchema,
  publicTokenParamsSchema,
  summaryQuerySchema,
  summaryResponseSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { SIGNED_IN } from '../plugins/access.js';
import { errorResponses } from './schemas.js';

const DESCRIPTION =
  'Every number comes from the suppressed-safe series: a hidden figure has no value anywhere in the answer, ' +
  'and the sentences never speak of it. Public annotations only; replies never.';

export const summaryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/summary',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: "The politicians' summary of the organisation or an area, in plain language",
        description: DESCRIPTION,
        tags: ['summary'],
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request) => services.summary.summary(request.query.unit),
  );

  app.get(
    '/api/public/:token/summary',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The same summary through a read-only public link, without signing in',
        description: `${DESCRIPTION} An unknown or revoked link answers 404.`,
        tags: ['summary'],
        params: publicTokenParamsSchema,
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema, 400: errorResponses[400], 404: errorEnvelopeSchema.describe('Unknown or revoked link') },
      },
    },
    async (request, reply) => {
      services.publicLinks.resolve(request.params.token);
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return services.summary.summary(request.query.unit);
    },
  );
};
