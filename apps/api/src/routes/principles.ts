import { errorEnvelopeSchema, overviewQuerySchema, principlesOverviewResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { SIGNED_IN } from '../plugins/access.js';

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };

/** `/api/principles/overview`: the principles with their metrics' latest figures (everyone signed in). */
export const principleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/principles/overview',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: "Every principle with its linked metrics' latest safe figure, direction and target",
        tags: ['catalogue'],
        querystring: overviewQuerySchema,
        response: { 200: principlesOverviewResponseSchema, ...errors },
      },
    },
    async (request) => services.principles.overview(request.query.unit),
  );
};
