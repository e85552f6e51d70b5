import { z } from 'zod/mini';
import {
  errorEnvelopeSchema,
  publicTokenParamsSchema,
  summaryQuerySchema,
  summaryResponseSchema,
  type SummaryResponse,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { SIGNED_IN } from '../plugins/access.js';
import { PRIVATE, sendAnswer } from '../plugins/compression.js';
import { createResponseCache, scopeOf, type CachedAnswer } from '../http/response-cache.js';
import { swedishToday } from '../services/today.js';
import { errorResponses, notModified } from './schemas.js';

const DESCRIPTION =
  'Every number comes from the suppressed-safe series: a hidden figure has no value anywhere in the answer, ' +
  'and the sentences never speak of it. Public annotations of the unit and every unit below it, newest first; ' +
  'replies never. A year not every expected unit has reported is never the latest figure (see `incomplete`).';

// Stands in for the time while an answer is built and its entity tag taken (see `summaryAnswer`).
const GENERATED_AT = '"generatedAt":"(generated-at)"';

export const summaryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // Finished answers per unit, scope and day, rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data);
  const today = swedishToday();
  // A public link's view leaves authors out unless the link shows them (services/public-links.ts).
  // `generatedAt` is when the answer was put together; a rebuild that changes nothing keeps it
  // (and its entity tag), and a new day starts a new answer, so the printed date is today's.
  const summaryAnswer = (
    unit: string | undefined,
    scope: string,
    at: string | null,
    view: (s: SummaryResponse) => SummaryResponse = (s) => s,
  ): CachedAnswer =>
    cache.answer(
      ['/api/summary', unit ?? null, scope, today()],
      summaryResponseSchema,
      () => view({ ...services.summary.summary(unit), generatedAt: '(generated-at)' }),
      at,
      (json) => json.replace(GENERATED_AT, `"generatedAt":${JSON.stringify(new Date().toISOString())}`),
    );

  app.get(
    '/api/summary',
    {
      // Sends its cached answer compressed already (sendAnswer): no compression hooks.
      compress: false,
      config: { access: SIGNED_IN },
      schema: {
        summary: "The politicians' summary of the organisation or an area, in plain language",
        description: DESCRIPTION,
        tags: ['summary'],
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema, 304: notModified, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => sendAnswer(request, reply, summaryAnswer(request.query.unit, scopeOf(request.user), request.dataStamp), PRIVATE),
  );

  app.get(
    '/api/public/:token/summary',
    {
      // Sends its cached answer compressed already (sendAnswer): no compression hooks.
      compress: false,
      config: { access: 'public' },
      schema: {
        summary: 'The same summary through a read-only public link, without signing in',
        description:
          `${DESCRIPTION} Only the organisation and its open areas; authors' names only when the link shows them. ` +
          'An unknown or revoked link, or a unit the link does not show, answers 404.',
        tags: ['summary'],
        params: publicTokenParamsSchema,
        querystring: summaryQuerySchema,
        response: { 200: summaryResponseSchema, 304: notModified, 400: errorResponses[400], 404: errorEnvelopeSchema.check(z.describe('Unknown or revoked link, or a unit it does not show')) },
      },
    },
    async (request, reply) => {
      const link = services.publicLinks.resolve(request.params.token, request.dataStamp);
      services.publicLinks.requireServable(request.query.unit);
      reply.header('x-robots-tag', 'noindex');
      const scope = link.showAuthors ? 'public:authors' : 'public';
      const view = (s: SummaryResponse) => services.publicLinks.publicView(s, link);
      // No session: a cache on the way may keep it, but must ask each time, so a revoked link
      // stops at once; an unchanged summary costs a 304.
      return sendAnswer(request, reply, summaryAnswer(request.query.unit, scope, request.dataStamp, view), 'no-cache');
    },
  );
};
