// `/api/units` and `/api/reorganisations`: the tree everyone reads, and its changes. Two plugins,
// so that multipart bodies stay accepted only where a unit file is sent.
import fastifyMultipart from '@fastify/multipart';
import {
  errorEnvelopeSchema,
  importQuerySchema,
  reorganisationBodySchema,
  reorganisationPreviewSchema,
  reorganisationQuerySchema,
  reorganisationSchema,
  reorganisationsResponseSchema,
  unitAdminSchema,
  unitCloseBodySchema,
  unitCreateBodySchema,
  unitImportPreviewSchema,
  unitImportResultSchema,
  unitParamsSchema,
  unitsResponseSchema,
  unitUpdateBodySchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER, SIGNED_IN, STAFF } from '../plugins/access.js';
import { PRIVATE, sendAnswer } from '../plugins/compression.js';
import { createResponseCache, scopeOf } from '../http/response-cache.js';
import { withUpload } from '../http/uploads.js';
import { notModified } from './schemas.js';

const unitsQuerySchema = z.object({
  include: z._default(z.enum(['open', 'closed']), 'open').check(z.describe('`closed`: closed units too (the organisation page)')),
});

export const unitRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, services }) => {
  // The tree, finished, per scope; rebuilt after any write (see response-cache.ts).
  const cache = createResponseCache(db, services.data, { maxEntries: 200 });
  app.get(
    '/api/units',
    {
      // Sends its cached answer compressed already (sendAnswer): no compression hooks.
      compress: false,
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

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema, 409: errorEnvelopeSchema };
/** A units file is a list of units: a few MB is far more than any organisation needs. */
const UNIT_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Changing the organisation (development manager): units, unit files and reorganisations with lineage. */
export const organisationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  // Registered here, so that multipart bodies are accepted only by the import route below.
  await app.register(fastifyMultipart, { limits: { fileSize: UNIT_FILE_MAX_BYTES, files: 1, fields: 5, parts: 10 } });
  const org = services.organisation;

  app.post(
    '/api/units',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Create a unit; its id is its code in the HR system',
        description: 'The parent must exist and be valid during the whole of the new unit’s period. 409 if the code exists.',
        tags: ['organisation'],
        body: unitCreateBodySchema,
        response: { 201: unitAdminSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(org.create(request.body, actorOf(request))),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Correct a unit: name, kind, parent, valid from/to',
        description:
          'A correction rewrites the unit’s history; to record a move or a new name from a given year, register a reorganisation. Refused (400) when it would make a cycle, name a missing parent, put the unit outside its parent’s period, or leave units under it outside its own.',
        tags: ['organisation'],
        params: unitParamsSchema,
        body: unitUpdateBodySchema,
        response: { 200: unitAdminSchema, ...errors },
      },
    },
    async (request) => org.update(request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/units/:id/close',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Close a unit: it keeps its history, valid until `validTo`',
        description: '409 if it is closed already; 400 while units under it stay open.',
        tags: ['organisation'],
        params: unitParamsSchema,
        body: unitCloseBodySchema,
        response: { 200: unitAdminSchema, ...errors },
      },
    },
    async (request) => org.close(request.params.id, request.body.validTo, actorOf(request)),
  );

  app.post(
    '/api/units/import',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Import units from a CSV or XLSX file (multipart field `file`); `dryRun=true` previews',
        description:
          'Columns kod/code, namn/name, överordnad/parent, giltig från/valid from, giltig till/valid to, and optionally typ/kind. A new code creates a unit, a known one updates it. With any error nothing is written (422, same body as the preview).',
        tags: ['organisation'],
        querystring: importQuerySchema,
        response: {
          200: unitImportPreviewSchema,
          201: unitImportResultSchema,
          422: unitImportPreviewSchema,
          413: errorEnvelopeSchema,
          415: errorEnvelopeSchema,
          ...errors,
        },
      },
    },
    async (request, reply) =>
      withUpload(
        request,
        { maxBytes: UNIT_FILE_MAX_BYTES, defaultName: 'enheter.csv', missing: 'Ingen fil: skicka filen med enheterna i fältet "file".', dryRun: request.query.dryRun },
        async (upload) => {
          const outcome = await org.importFile(upload, { dryRun: upload.dryRun }, actorOf(request));
          return reply.status(outcome.status).send(outcome.body);
        },
      ),
  );

  app.get(
    '/api/reorganisations',
    {
      config: { access: STAFF },
      schema: {
        summary: 'Every reorganisation, newest first, with its label ("3 blev 1") and units',
        tags: ['organisation'],
        response: { 200: reorganisationsResponseSchema, ...errors },
      },
    },
    async () => ({ reorganisations: org.list() }),
  );

  app.post(
    '/api/reorganisations',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Register a reorganisation: rename, move, merge or split, from `year` on; `dryRun=true` previews',
        description:
          'Merge: the predecessors close at the end of the year before; the successor (`to`: an existing unit that starts that year, or a new one with `name`) carries their sum in earlier years. Split: the unit closes, the successors start. Move: the unit sits under its old parent in earlier years. Rename: the old name is kept for the marker. With `dryRun=true` nothing is written: the answer (200) lists the figures already shown that the reorganisation would hide from then on.',
        tags: ['organisation'],
        querystring: reorganisationQuerySchema,
        body: reorganisationBodySchema,
        response: { 200: reorganisationPreviewSchema, 201: reorganisationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === 'true' || request.query.dryRun === '1';
      if (dryRun) return reply.status(200).send({ warnings: org.previewReorganisation(request.body, actorOf(request)) });
      return reply.status(201).send(org.reorganise(request.body, actorOf(request)));
    },
  );
};
