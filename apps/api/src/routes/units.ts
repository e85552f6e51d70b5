import { unitsResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './deps.js';
import { SIGNED_IN } from '../plugins/access.js';
import { PRIVATE, sendAnswer } from '../plugins/compression.js';
import { createResponseCache, scopeOf } from '../http/response-cache.js';
import { notModified } from './schemas.js';

const unitsQuerySchema = z.object({
  include: z.enum(['open', 'closed']).default('open').describe('`closed`: closed units too (the organisation page)'),
});

export const unitRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // The tree, finished, per scope; rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data, { maxEntries: 200 });
  app.get(
    '/api/units',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The organisation tree: root units with their children',
        description: 'By default the units open today; closed units keep their figures and are reached by id or through a reorganisation.',
        tags: ['organisation'],
        querystring: unitsQuerySchema,
        response: { 200: unitsResponseSchema, 304: notModified },
      },
    },
    async (request, reply) => {
      const { include } = request.query;
      const answer = cache.answer(
        ['/api/units', include, scopeOf(request.user)],
        unitsResponseSchema,
        () => (include === 'closed' ? services.units.fullTreeResponse() : services.units.treeResponse()),
        request.dataStamp,
      );
      return sendAnswer(request, reply, answer, PRIVATE);
    },
  );
};
