import fastifyMultipart from '@fastify/multipart';
import {
  errorEnvelopeSchema,
  IMPORT_MAX_BYTES,
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
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { ValidationError } from '../errors.js';
import { actorOf, DEVELOPMENT_MANAGER, SIGNED_IN } from '../plugins/access.js';
import { FileTooLargeError, UnsupportedFileError } from '../services/imports.js';
import type { KoladaInputDocument } from '../services/kolada.js';

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };
const isTrue = (v: string | undefined) => v === 'true' || v === '1';

/** Kolada reference series: import pages, keep the KPI → metric mappings, read a metric's series. */
export const koladaRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  // Registered here too: multipart bodies are accepted only by the routes that take files.
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 20 } });

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
    async (request, reply) => {
      if (!request.isMultipart()) throw new UnsupportedFileError('Skicka filen som multipart/form-data i fältet "file".');
      let file: KoladaInputDocument | null = null;
      let dryRun = isTrue(request.query.dryRun);
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname === 'file' && file === null) {
              file = { name: part.filename || 'kolada.json', text: (await part.toBuffer()).toString('utf8'), url: null };
            } else part.file.resume();
          } else if (part.fieldname === 'dryRun') {
            dryRun = dryRun || isTrue(String(part.value));
          }
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new FileTooLargeError(IMPORT_MAX_BYTES);
        throw err;
      }
      if (!file) {
        const message = 'Ingen fil: skicka Kolada-svaret (JSON) i fältet "file".';
        throw new ValidationError(message, [{ path: 'body.file', message }]);
      }
      const outcome = services.kolada.import([file], { dryRun, origin: 'file', fileName: file.name }, actorOf(request));
      if (outcome.status === 201) return reply.status(201).send(outcome.body);
      if (outcome.status === 422) return reply.status(422).send(outcome.body);
      return reply.status(200).send(outcome.body);
    },
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
        response: { 204: z.null().describe('Removed'), ...errors },
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
