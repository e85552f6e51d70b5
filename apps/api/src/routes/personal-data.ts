import { eraseBodySchema, eraseResultSchema, errorEnvelopeSchema, personalDataSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER } from '../plugins/access.js';
import { createPersonalDataService } from '../services/personal-data.js';

const idParams = z.object({ id: z.coerce.number().check(z.int(), z.gte(1, 'Ogiltigt id')) });

/** A person's data, handed out (GDPR art. 15) or erased (art. 17): the development manager's. */
export const personalDataRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  const personalData = createPersonalDataService(db, services.data);
  const access = { access: DEVELOPMENT_MANAGER };

  app.get(
    '/api/users/:id/personal-data',
    {
      config: access,
      schema: {
        summary: "Everything Tillit stores about one person, as JSON (a data subject's access request)",
        tags: ['admin'],
        params: idParams,
        response: { 200: personalDataSchema, 404: errorEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const exported = personalData.exportOf(request.params.id);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="personuppgifter-${exported.account.id}.json"`)
        .send(exported);
    },
  );

  app.post(
    '/api/users/:id/erase',
    {
      config: access,
      schema: {
        summary: 'Erase a person: account and sessions deleted, notes and questions kept anonymously or deleted, the audit log pseudonymised',
        tags: ['admin'],
        params: idParams,
        body: eraseBodySchema,
        response: { 200: eraseResultSchema, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, 409: errorEnvelopeSchema },
      },
    },
    async (request) => personalData.erase(request.params.id, request.body.keepContent, actorOf(request)),
  );
};
