import {
  annotationIdParamsSchema,
  annotationReplySchema,
  annotationsQuerySchema,
  annotationThreadSchema,
  annotationThreadsResponseSchema,
  createAnnotationBodySchema,
  errorEnvelopeSchema,
  recentAnnotationsQuerySchema,
  recentAnnotationsResponseSchema,
  replyBodySchema,
  updateAnnotationBodySchema,
} from '@tillit/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { requireUser, STAFF } from '../plugins/access.js';
import type { Writer } from '../services/annotations.js';
import { errorResponses } from './schemas.js';

const refused = {
  401: errorEnvelopeSchema.check(z.describe('Not signed in')),
  403: errorEnvelopeSchema.check(z.describe('Not allowed: a politician, a unit outside your scope, or a note someone else wrote')),
} as const;

const writer = (request: FastifyRequest): Writer => ({ user: requireUser(request), requestId: request.id });

/**
 * Notes on a metric for a unit, with replies. Staff only: politicians see the notes marked
 * public through the summary, never through these routes. Whether a person may write in a unit
 * is decided by the service (their units and below), not by the role alone.
 */
export const annotationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/annotations',
    {
      config: { access: STAFF },
      schema: {
        summary: "The notes on one metric for one unit, each with its replies (oldest first)",
        description: "A unit's notes only: notes on the units below it are not rolled up into it.",
        tags: ['annotations'],
        querystring: annotationsQuerySchema,
        response: { 200: annotationThreadsResponseSchema, 400: errorResponses[400], ...refused },
      },
    },
    async (request) => services.annotations.list(requireUser(request), request.query.metric, request.query.unit),
  );

  app.get(
    '/api/annotations/recent',
    {
      config: { access: STAFF },
      schema: {
        summary: 'The latest notes about a unit and the units below it, across metrics, newest first',
        tags: ['annotations'],
        querystring: recentAnnotationsQuerySchema,
        response: { 200: recentAnnotationsResponseSchema, 400: errorResponses[400], ...refused },
      },
    },
    async (request) => services.annotations.recent(requireUser(request), request.query.unit, request.query.limit),
  );

  app.post(
    '/api/annotations',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Adds a note on a metric for a unit and a year or span of years',
        description: 'Unit managers write in their own units and below; the development manager anywhere. Plain text only.',
        tags: ['annotations'],
        body: createAnnotationBodySchema,
        response: { 201: annotationThreadSchema, 400: errorResponses[400], ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(services.annotations.create(writer(request), request.body)),
  );

  app.patch(
    '/api/annotations/:id',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Changes a note (its author only) and answers with its whole thread',
        tags: ['annotations'],
        params: annotationIdParamsSchema,
        body: updateAnnotationBodySchema,
        response: { 200: annotationThreadSchema, ...errorResponses, ...refused },
      },
    },
    async (request) => services.annotations.update(writer(request), request.params.id, request.body),
  );

  app.delete(
    '/api/annotations/:id',
    {
      config: { access: STAFF },
      schema: {
        summary: "Deletes a note (its author only); a thread's first note takes its replies with it",
        tags: ['annotations'],
        params: annotationIdParamsSchema,
        response: { 204: z.null(), ...errorResponses, ...refused },
      },
    },
    async (request, reply) => {
      services.annotations.remove(writer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/annotations/:id/replies',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Replies to a note; a reply to a reply goes under the same thread',
        tags: ['annotations'],
        params: annotationIdParamsSchema,
        body: replyBodySchema,
        response: { 201: annotationReplySchema, ...errorResponses, ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(services.annotations.reply(writer(request), request.params.id, request.body)),
  );
};
