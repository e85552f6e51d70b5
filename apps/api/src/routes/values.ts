import { eventsForUnit, valuesQuerySchema, valuesResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { STAFF } from '../plugins/access.js';
import { PRIVATE, sendAnswer } from '../plugins/compression.js';
import { precomputeFigures } from '../http/precompute.js';
import { createResponseCache, scopeOf } from '../http/response-cache.js';
import { errorResponses, notModified } from './schemas.js';

export const valueRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // Finished answers per query and scope, rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data);
  // Once listening (not under inject() in tests), build every metric's figures in the background.
  app.addHook('onListen', (done) => {
    precomputeFigures(services, app.log);
    done();
  });
  app.get(
    '/api/values',
    {
      // Sends its cached answer compressed already (sendAnswer): no compression hooks.
      compress: false,
      config: { access: STAFF },
      schema: {
        summary: "A unit's yearly figures for one metric; a unit with children is the sum of its subtree",
        description:
          'Small groups are suppressed: a suppressed point has no value, numerator or denominator, only the reason.',
        tags: ['values'],
        querystring: valuesQuerySchema,
        response: { 200: valuesResponseSchema, 304: notModified, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { metric: metricKey, unit: unitId, from, to } = request.query;
      const key = ['/api/values', metricKey, unitId, from ?? null, to ?? null, scopeOf(request.user)];
      const answer = cache.answer(key, valuesResponseSchema, () => {
        const metric = services.catalogue.requireMetric(metricKey);
        const unit = services.units.requireUnit(unitId);
        return {
          unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
          metric,
          points: services.values.series(metric, unit, { from, to }),
          events: eventsForUnit(services.units.organisation(), unit.id),
        };
      }, request.dataStamp);
      return sendAnswer(request, reply, answer, PRIVATE);
    },
  );
};
