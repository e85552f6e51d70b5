import { auditEntriesResponseSchema, auditQuerySchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { DEVELOPMENT_MANAGER } from '../plugins/access.js';

/** `/api/audit`: the audit log of every write, the development manager's. */
export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  const access = { access: DEVELOPMENT_MANAGER };

  app.get(
    '/api/audit',
    {
      config: access,
      schema: {
        summary: 'The audit log of every write, newest first',
        tags: ['admin'],
        querystring: auditQuerySchema,
        response: { 200: auditEntriesResponseSchema },
      },
    },
    async (request) => services.auditLog.list({ limit: request.query.limit, beforeId: request.query.before, entity: request.query.entity }),
  );
};
