import { z } from 'zod/mini';
import { readinessSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { checkReadiness, knownMigrations } from '../db/readiness.js';

/**
 * `GET /api/health/ready`: for a load balancer or a monitoring check. `GET /api/health` only
 * says the process answers; this also reads, tries a write (rolled back) and compares the
 * applied migrations with the ones this build knows.
 */
export const readinessRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const migrations = knownMigrations();
  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Ready to serve? The database answers, takes writes and has every migration',
        tags: ['system'],
        response: { 200: readinessSchema, 503: readinessSchema.check(z.describe('Not ready; `reason` says why')) },
      },
    },
    async (_request, reply) => {
      const readiness = checkReadiness(db, migrations);
      void reply.header('cache-control', 'no-store');
      return reply.status(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
};
