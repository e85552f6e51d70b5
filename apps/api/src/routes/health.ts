import { healthResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { sendJson } from '../plugins/compression.js';

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { version, isDemo }) => {
  // The answer changes only with the demo flag: serialised (and checked) once per change.
  const serialize = serializerCompiler({ schema: healthResponseSchema, method: 'GET', url: '/api/health' });
  let answer = { isDemo: false, json: '' };
  app.get(
    '/api/health',
    {
      // Reads no session and no data but the demo flag, which is kept with the data version.
      config: { access: 'public', session: false },
      schema: {
        summary: 'Is the service up?',
        tags: ['system'],
        response: { 200: healthResponseSchema },
      },
    },
    async (_request, reply) => {
      const demo = isDemo();
      if (answer.json === '' || answer.isDemo !== demo) {
        answer = { isDemo: demo, json: serialize({ status: 'ok', version, isDemo: demo }) };
      }
      return sendJson(reply, answer.json);
    },
  );
};
