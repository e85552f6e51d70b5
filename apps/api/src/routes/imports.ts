import fastifyMultipart from '@fastify/multipart';
import {
  errorEnvelopeSchema,
  IMPORT_MAX_BYTES,
  importBatchesResponseSchema,
  importBatchParamsSchema,
  importPreviewSchema,
  importQuerySchema,
  importResultSchema,
  importUndoResponseSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { actorOf, DEVELOPMENT_MANAGER } from '../plugins/access.js';
import { FileTooLargeError, UnsupportedFileError, type ImportFile } from '../services/imports.js';
import { ValidationError } from '../errors.js';

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };
const isTrue = (v: string | undefined) => v === 'true' || v === '1';

/** Importing values from a CSV or XLSX file (development manager): preview, import, list, undo. */
export const importRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  // Registered here, so that multipart bodies are accepted only by these routes.
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 20 } });

  app.post(
    '/api/imports',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Import values from a CSV or XLSX file (multipart field `file`); `dryRun=true` previews',
        description:
          'Separator `;`, `,` or tab; decimal comma or point; UTF-8 or Windows-1252. With errors nothing is written (422, same body as the preview). XLSX: the first sheet, same columns. Files over 50 MB get 413; old .xls and other binaries 415.',
        tags: ['imports'],
        querystring: importQuerySchema,
        response: {
          200: importPreviewSchema,
          201: importResultSchema,
          422: importPreviewSchema,
          413: errorEnvelopeSchema,
          415: errorEnvelopeSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new UnsupportedFileError('Skicka filen som multipart/form-data i fältet "file".');
      }
      let file: ImportFile | null = null;
      let dryRun = isTrue(request.query.dryRun);
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname === 'file' && file === null) {
              file = { fileName: part.filename || 'fil.csv', bytes: await part.toBuffer() };
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
        const message = 'Ingen fil: skicka CSV-filen i fältet "file".';
        throw new ValidationError(message, [{ path: 'body.file', message }]);
      }
      const outcome = await services.imports.run(file, { dryRun }, actorOf(request));
      if (outcome.status === 201) return reply.status(201).send(outcome.body);
      if (outcome.status === 422) return reply.status(422).send(outcome.body);
      return reply.status(200).send(outcome.body);
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Every import batch, newest first',
        tags: ['imports'],
        response: { 200: importBatchesResponseSchema, ...errors },
      },
    },
    async () => ({ batches: services.imports.list() }),
  );

  app.delete(
    '/api/imports/:batchId',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Undo an import: restore the values it replaced and remove those it added',
        description: '409 when already undone, or when a later import (or another write) has changed its values since.',
        tags: ['imports'],
        params: importBatchParamsSchema,
        response: { 200: importUndoResponseSchema, 409: errorEnvelopeSchema, ...errors },
      },
    },
    async (request) => services.imports.undo(request.params.batchId, actorOf(request)),
  );
};
