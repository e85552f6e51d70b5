import { z } from 'zod/mini';
// `/api/metrics` and `/api/principles`: the catalogue everyone reads, and its keeping.
import {
  errorEnvelopeSchema,
  metricKeyParamsSchema,
  metricPatchSchema,
  metricResponseSchema,
  metricSchema,
  metricsResponseSchema,
  metricVersionsResponseSchema,
  principleCreateSchema,
  principleKeyParamsSchema,
  principleLinksSchema,
  principleResponseSchema,
  principlesResponseSchema,
  principleUpdateSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER, SIGNED_IN } from '../plugins/access.js';
import { PRIVATE, sendAnswer } from '../plugins/compression.js';
import { createResponseCache, scopeOf } from '../http/response-cache.js';
import { notModified } from './schemas.js';

export const catalogueRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // The catalogue and the principles, finished, per scope; rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data, { maxEntries: 200 });
  app.get(
    '/api/metrics',
    {
      // Sends its cached answer compressed already (sendAnswer): no compression hooks.
      compress: false,
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The metric catalogue: definitions, targets, suppression thresholds and prompts',
        tags: ['catalogue'],
        response: { 200: metricsResponseSchema, 304: notModified },
      },
    },
    async (request, reply) => {
      const key = ['/api/metrics', scopeOf(request.user)];
      const answer = cache.answer(key, metricsResponseSchema, () => services.catalogue.metrics(), request.dataStamp);
      return sendAnswer(request, reply, answer, PRIVATE);
    },
  );

  app.get(
    '/api/principles',
    {
      // Sends its cached answer compressed already (sendAnswer): no compression hooks.
      compress: false,
      config: { access: SIGNED_IN },
      schema: {
        summary: "Tillitsdelegationen's guiding principles, each with the metrics linked to it",
        tags: ['catalogue'],
        response: { 200: principlesResponseSchema, 304: notModified },
      },
    },
    async (request, reply) => {
      const key = ['/api/principles', scopeOf(request.user)];
      const answer = cache.answer(key, principlesResponseSchema, () => services.catalogue.principles(), request.dataStamp);
      return sendAnswer(request, reply, answer, PRIVATE);
    },
  );
};

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };

/** Keeping the catalogue: metrics and principles (development manager). */
export const catalogueAdminRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  const admin = services.catalogueAdmin;

  app.patch(
    '/api/metrics/:key',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Edit a metric: texts, target, direction, decimals, suppression threshold, prompt, principle links",
        description:
          'Changing the definition, numerator or denominator texts needs `definitionChange: { fromYear, note }` and records a new definition version. Health data may not have a threshold below 10.',
        tags: ['catalogue'],
        params: metricKeyParamsSchema,
        body: metricPatchSchema,
        response: { 200: metricResponseSchema, ...errors },
      },
    },
    async (request) => admin.updateMetric(request.params.key, request.body, actorOf(request)),
  );

  app.post(
    '/api/metrics',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Add a metric to the catalogue',
        tags: ['catalogue'],
        body: z.omit(metricSchema, { targetHistory: true }),
        response: { 201: metricResponseSchema, 409: errorEnvelopeSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(admin.createMetric(request.body, actorOf(request))),
  );

  app.get(
    '/api/metrics/:key/versions',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: "A metric's definition versions, newest first (empty until the definition first changes)",
        tags: ['catalogue'],
        params: metricKeyParamsSchema,
        response: { 200: metricVersionsResponseSchema, ...errors },
      },
    },
    async (request) => admin.versions(request.params.key),
  );

  app.post(
    '/api/principles',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Add a principle (e.g. SOU 2019:43:s Långsiktighet)',
        tags: ['catalogue'],
        body: principleCreateSchema,
        response: { 201: principleResponseSchema, 409: errorEnvelopeSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(admin.createPrinciple(request.body, actorOf(request))),
  );

  app.put(
    '/api/principles/:key',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Edit a principle's name and description",
        tags: ['catalogue'],
        params: principleKeyParamsSchema,
        body: principleUpdateSchema,
        response: { 200: principleResponseSchema, ...errors },
      },
    },
    async (request) => admin.updatePrinciple(request.params.key, request.body, actorOf(request)),
  );

  app.put(
    '/api/principles/:key/metrics',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Set the metrics linked to a principle',
        tags: ['catalogue'],
        params: principleKeyParamsSchema,
        body: principleLinksSchema,
        response: { 200: principleResponseSchema, ...errors },
      },
    },
    async (request) => admin.setPrincipleLinks(request.params.key, request.body.metricKeys, actorOf(request)),
  );
};
