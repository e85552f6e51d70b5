import { metricsResponseSchema, principlesResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { SIGNED_IN } from '../plugins/access.js';

export const catalogueRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/metrics',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The metric catalogue: definitions, targets, suppression thresholds and prompts',
        tags: ['catalogue'],
        response: { 200: metricsResponseSchema },
      },
    },
    async () => services.catalogue.metrics(),
  );

  app.get(
    '/api/principles',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: "Tillitsdelegationen's guiding principles, each with the metrics linked to it",
        tags: ['catalogue'],
        response: { 200: principlesResponseSchema },
      },
    },
    async () => services.catalogue.principles(),
  );
};
