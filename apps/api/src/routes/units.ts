import { unitsResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { SIGNED_IN } from '../plugins/access.js';

const unitsQuerySchema = z.object({
  include: z.enum(['open', 'closed']).default('open').describe('`closed`: closed units too (the organisation page)'),
});

export const unitRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/units',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The organisation tree: root units with their children',
        description: 'By default the units open today; closed units keep their figures and are reached by id or through a reorganisation.',
        tags: ['organisation'],
        querystring: unitsQuerySchema,
        response: { 200: unitsResponseSchema },
      },
    },
    async (request) => (request.query.include === 'closed' ? services.units.fullTreeResponse() : services.units.treeResponse()),
  );
};
