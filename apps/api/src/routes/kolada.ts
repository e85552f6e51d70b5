import { readFile } from 'node:fs/promises';
import fastifyMultipart from '@fastify/multipart';
import {
  errorEnvelopeSchema,
  koladaImportQuerySchema,
  koladaImportResultSchema,
  koladaKpiParamsSchema,
  koladaMappingBodySchema,
  koladaMappingCreateSchema,
  koladaMappingSchema,
  koladaMappingsResponseSchema,
  koladaPreviewSchema,
  referenceSeriesQuerySchema,
  referenceSeriesResponseSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER, SIGNED_IN } from '../plugins/access.js';
import { decodeText } from '../services/import-decode.js';
import type { KoladaInputDocument } from '../services/kolada.js';
import { withUpload } from '../http/uploads.js';

// A Kolada answer is a few pages of JSON, parsed whole: a file this size is already far beyond one.
const KOLADA_MAX_BYTES = 20 * 1024 * 1024;

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };

/** Kolada reference series: import pages, keep the KPI → metric mappings, read a metric's series. */
export const koladaRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  // Registered here too: multipart bodies are accepted only by the routes that take files.
  await app.register(fastifyMultipart, { limits: { fileSize: KOLADA_MAX_BYTES, files: 1, fields: 10, parts: 20 } });

  app.post(
    '/api/kolada/imports',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Import Kolada JSON pages (multipart field `file`: one page or an array of pages); `dryRun=true` previews',
        description:
          'v3 (`next_url`) and v2 (`next_page`) pages, municipality or unit (`ou`) rows. With errors nothing is written (422, same body as the preview). Each year in the file replaces that year of the KPI for the municipality or unit.',
        tags: ['kolada'],
        querystring: koladaImportQuerySchema,
        response: { 200: koladaPreviewSchema, 201: koladaImportResultSchema, 422: koladaPreviewSchema, 413: errorEnvelopeSchema, 415: errorEnvelopeSchema, ...errors },
      },
    },
    async (request, reply) =>
      withUpload(
        request,
        { maxBytes: KOLADA_MAX_BYTES, defaultName: 'kolada.json', missing: 'Ingen fil: skicka Kolada-svaret (JSON) i fältet "file".', dryRun: request.query.dryRun },
        async (upload) => {
          // UTF-8, or UTF-16 by its byte-order mark (PowerShell 5.1 saves JSON so).
          const file: KoladaInputDocument = { name: upload.fileName, text: decodeText(await readFile(upload.path)).text, url: null };
          const outcome = services.kolada.import([file], { dryRun: upload.dryRun, origin: 'file', fileName: file.name }, actorOf(request));
          if (outcome.status === 201) return reply.status(201).send(outcome.body);
          if (outcome.status === 422) return reply.status(422).send(outcome.body);
          return reply.status(200).send(outcome.body);
        },
      ),
  );

  app.get(
    '/api/kolada/mappings',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Which Kolada KPI is shown next to which metric',
        tags: ['kolada'],
        response: { 200: koladaMappingsResponseSchema, ...errors },
      },
    },
    async () => ({ mappings: services.kolada.mappings() }),
  );

  app.post(
    '/api/kolada/mappings',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Add a mapping: `{ kpi, metricKey, label: { sv, en } }`; 409 if the KPI has one',
        tags: ['kolada'],
        body: koladaMappingCreateSchema,
        response: { 201: koladaMappingSchema, 409: errorEnvelopeSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(services.kolada.createMapping(request.body, actorOf(request))),
  );

  app.put(
    '/api/kolada/mappings/:kpi',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Change a mapping's metric or label",
        tags: ['kolada'],
        params: koladaKpiParamsSchema,
        body: koladaMappingBodySchema,
        response: { 200: koladaMappingSchema, ...errors },
      },
    },
    async (request) => services.kolada.updateMapping(request.params.kpi, request.body, actorOf(request)),
  );

  app.delete(
    '/api/kolada/mappings/:kpi',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Remove a mapping (the imported figures stay)',
        tags: ['kolada'],
        params: koladaKpiParamsSchema,
        response: { 204: z.null().check(z.describe('Removed')), ...errors },
      },
    },
    async (request, reply) => {
      services.kolada.deleteMapping(request.params.kpi, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/reference-series',
    {
      // Published municipality-wide figures, not about our persons: every signed-in role, no suppression.
      config: { access: SIGNED_IN },
      schema: {
        summary: "A metric's reference series: the configured municipality's published Kolada totals (gender T)",
        description: 'Empty when no KPI is mapped to the metric or nothing is imported. `isSynthetic` marks the demo’s made-up example pages.',
        tags: ['kolada'],
        querystring: referenceSeriesQuerySchema,
        response: { 200: referenceSeriesResponseSchema, 400: errorEnvelopeSchema },
      },
    },
    async (request) => services.kolada.referenceSeries(request.query.metric),
  );
};
