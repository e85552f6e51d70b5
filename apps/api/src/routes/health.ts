import { healthResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { version, isDemo }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Is the service up?',
        tags: ['system'],
        response: { 200: healthResponseSchema },
      },
    },
    async () => ({ status: 'ok' as const, version, isDemo: isDemo() }),
  );
};
