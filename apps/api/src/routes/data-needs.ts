import {
  dataNeedCreatedSchema,
  dataNeedCreateSchema,
  dataNeedQuerySchema,
  dataNeedSchema,
  dataNeedsResponseSchema,
  dataNeedStatsSchema,
  dataNeedUpdateSchema,
  errorEnvelopeSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER, requireUser, SIGNED_IN } from '../plugins/access.js';

const idParams = z.object({ id: z.coerce.number().check(z.int(), z.gte(1, 'Ogiltigt id')) });
const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };

/** "Vilka data behöver du?": questions up to the development manager, replies back. */
export const dataNeedRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.post(
    '/api/data-needs',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Answer "Vilka data behöver du?" for a metric',
        tags: ['data needs'],
        body: dataNeedCreateSchema,
        response: { 201: dataNeedCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(services.dataNeeds.create(request.body, requireUser(request), actorOf(request))),
  );

  app.get(
    '/api/data-needs',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The development manager sees every answer; everyone else their own (with replies)',
        tags: ['data needs'],
        querystring: dataNeedQuerySchema,
        response: { 200: dataNeedsResponseSchema, 400: errorEnvelopeSchema },
      },
    },
    async (request) => services.dataNeeds.list(requireUser(request), request.query),
  );

  app.get(
    '/api/data-needs/stats',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "The loop's own health: open questions and median days to a reply",
        tags: ['data needs'],
        response: { 200: dataNeedStatsSchema },
      },
    },
    async () => services.dataNeeds.stats(),
  );

  app.patch(
    '/api/data-needs/:id',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Mark what becomes of an answer and reply (declined needs a reply)',
        tags: ['data needs'],
        params: idParams,
        body: dataNeedUpdateSchema,
        response: { 200: dataNeedSchema, ...errors },
      },
    },
    async (request) => services.dataNeeds.reply(request.params.id, request.body, requireUser(request), actorOf(request)),
  );

  app.post(
    '/api/data-needs/:id/read',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The author has read the reply',
        tags: ['data needs'],
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      services.dataNeeds.markRead(request.params.id, requireUser(request));
      return reply.status(204).send(null);
    },
  );
};
