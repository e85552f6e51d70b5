import { unitsResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { SIGNED_IN } from '../plugins/access.js';

export const unitRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/units',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The organisation tree: root units with their children',
        tags: ['organisation'],
        response: { 200: unitsResponseSchema },
      },
    },
    async () => services.units.treeResponse(),
  );
};
