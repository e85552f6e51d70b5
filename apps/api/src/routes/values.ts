import { valuesQuerySchema, valuesResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { STAFF } from '../plugins/access.js';
import { errorResponses } from './schemas.js';

export const valueRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/values',
    {
      config: { access: STAFF },
      schema: {
        summary: "A unit's yearly figures for one metric; a unit with children is the sum of its subtree",
        description:
          'Small groups are suppressed: a suppressed point has no value, numerator or denominator, only the reason.',
        tags: ['values'],
        querystring: valuesQuerySchema,
        response: { 200: valuesResponseSchema, 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { metric: metricKey, unit: unitId, from, to } = request.query;
      const metric = services.catalogue.requireMetric(metricKey);
      const unit = services.units.requireUnit(unitId);
      return {
        unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
        metric,
        points: services.values.series(metric, unit, { from, to }),
      };
    },
  );
};
