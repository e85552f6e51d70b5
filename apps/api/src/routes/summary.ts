import {
  errorEnvelopeSchema,
  publicTokenParamsSchema,
  summaryQuerySchema,
  summaryResponseSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { SIGNED_IN } from '../plugins/access.js';
import { createResponseCache, scopeOf, sendJson } from '../services/response-cache.js';
import { errorResponses } from './schemas.js';

const DESCRIPTION =
  'Every number comes from the suppressed-safe series: a hidden figure has no value anywhere in the answer, ' +
  'and the sentences never speak of it. Public annotations of the unit and every unit below it, newest first; ' +
  'replies never. A year not every expected unit has reported is never the latest figure (see `incomplete`).';

// Stands in for the time in a cached summary; each answer gets its own (see `summaryJson`).
const GENERATED_AT = '"generatedAt":"(generated-at)"';

export const summaryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // Finished answers per unit and scope, rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data);
  // A public link shows no one's name: the notes come without their authors.
  const summaryJson = (unit: string | undefined, scope: string, at: string | null): string =>
    cache
      .json(['/api/summary', unit ?? null, scope], summaryResponseSchema, () => ({
        ...services.summary.summary(unit, { showAuthors: scope !== 'public' }),
        generatedAt: '(generated-at)',
      }), at)
      .replace(GENERATED_AT, `"generatedAt":${JSON.stringify(new Date().toISOString())}`);

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
    async (request, reply) => sendJson(reply, summaryJson(request.query.unit, scopeOf(request.user), request.dataStamp)),
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
      return sendJson(reply, summaryJson(request.query.unit, 'public', request.dataStamp));
    },
  );
};
