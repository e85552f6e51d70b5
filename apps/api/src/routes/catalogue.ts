import { metricsResponseSchema, principlesResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { SIGNED_IN } from '../plugins/access.js';
import { PRIVATE, sendAnswer } from '../plugins/compression.js';
import { createResponseCache, scopeOf } from '../http/response-cache.js';
import { notModified } from './schemas.js';

export const catalogueRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // The catalogue and the principles, finished, per scope; rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data, { maxEntries: 200 });
  app.get(
    '/api/metrics',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The metric catalogue: definitions, targets, suppression thresholds and prompts',
        tags: ['catalogue'],
        response: { 200: metricsResponseSchema, 304: notModified },
      },
    },
    async (request, reply) => {
      const key = ['/api/metrics', scopeOf(request.user)];
      const answer = cache.answer(key, metricsResponseSchema, () => services.catalogue.metrics(), request.dataStamp);
      return sendAnswer(request, reply, answer, PRIVATE);
    },
  );

  app.get(
    '/api/principles',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: "Tillitsdelegationen's guiding principles, each with the metrics linked to it",
        tags: ['catalogue'],
        response: { 200: principlesResponseSchema, 304: notModified },
      },
    },
    async (request, reply) => {
      const key = ['/api/principles', scopeOf(request.user)];
      const answer = cache.answer(key, principlesResponseSchema, () => services.catalogue.principles(), request.dataStamp);
      return sendAnswer(request, reply, answer, PRIVATE);
    },
  );
};
