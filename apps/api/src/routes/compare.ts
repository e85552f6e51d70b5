import { compareQuerySchema, comparisonResponseSchema, errorEnvelopeSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { STAFF } from '../plugins/access.js';

export const compareRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/compare',
    {
      config: { access: STAFF },
      schema: {
        summary: 'A unit among its peers: its children (or its siblings) year by year, and the spread for a year',
        description: 'Suppression applies to every member as in /api/values.',
        tags: ['values'],
        querystring: compareQuerySchema,
        response: { 200: comparisonResponseSchema, 400: errorEnvelopeSchema },
      },
    },
    async (request) => {
      const { metric: metricKey, unit: unitId, year } = request.query;
      const metric = services.catalogue.requireMetric(metricKey);
      const unit = services.units.requireUnit(unitId);
      return services.compare.compare(metric, unit, year);
    },
  );
};
