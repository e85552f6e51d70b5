import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import {
  errorEnvelopeSchema,
  IMPORT_MAX_BYTES,
  importBatchesResponseSchema,
  importBatchParamsSchema,
  importMappingSchema,
  importPreviewSchema,
  importQuerySchema,
  importResultSchema,
  importUndoResponseSchema,
  type ImportMapping,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { actorOf, DEVELOPMENT_MANAGER } from '../plugins/access.js';
import { FileTooLargeError, UnsupportedFileError } from '../services/imports.js';
import { ValidationError } from '../errors.js';
import { makeUploadDir } from '../services/upload-dirs.js';

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };
const isTrue = (v: string | undefined) => v === 'true' || v === '1';

function parseMapping(raw: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const message = 'Fältet "mapping" ska vara ett JSON-objekt från fält (unit, metric, year, numerator, denominator, groupSize, source) till kolumnrubrik.';
    throw new ValidationError(message, [{ path: 'body.mapping', message }]);
  }
  return parsed.data;
}

/** Importing values from a CSV or XLSX file (development manager): preview, import, list, undo. */
export const importRoutes: FastifyPluginAsyncZod<AppDeps & { importMaxBytes?: number }> = async (app, { services, importMaxBytes }) => {
  const maxBytes = importMaxBytes ?? IMPORT_MAX_BYTES;
  // Registered here, so that multipart bodies are accepted only by these routes.
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20, fieldSize: 64 * 1024 } });

  app.post(
    '/api/imports',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Import values from a CSV or XLSX file (multipart field `file`); `dryRun=true` previews',
        description:
          'Separator `;`, `,` or tab; decimal comma or point; UTF-8 or Windows-1252. The file is streamed to disk and read row by row. With errors nothing is written (422, same body as the preview); errors and changes are listed up to 200 each, with totals. A header row we cannot read alone gives `needsMapping: true` with the file\'s `headers` and a suggested `mapping`; send `mapping` (JSON, our field → header) to choose. XLSX: the first sheet, same columns. Files over the configured size (IMPORT_MAX_MB, 512 MB by default) get 413; old .xls and other binaries 415.',
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
      // The file goes to disk as it arrives, so that its size costs no memory; the fields may
      // come before or after it, so the import starts once the whole body is read.
      const dir = await makeUploadDir();
      try {
        const path = join(dir, 'upload');
        let fileName: string | null = null;
        let dryRun = isTrue(request.query.dryRun);
        let mapping: ImportMapping | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              if (part.fieldname === 'file' && fileName === null) {
                await pipeline(part.file, createWriteStream(path));
                if (part.file.truncated) throw new FileTooLargeError(maxBytes);
                fileName = part.filename || 'fil.csv';
              } else part.file.resume();
            } else if (part.fieldname === 'dryRun') {
              dryRun = dryRun || isTrue(String(part.value));
            } else if (part.fieldname === 'mapping' && String(part.value).trim() !== '') {
              mapping = parseMapping(String(part.value));
            }
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new FileTooLargeError(maxBytes);
          throw err;
        }
        if (fileName === null) {
          const message = 'Ingen fil: skicka CSV-filen i fältet "file".';
          throw new ValidationError(message, [{ path: 'body.file', message }]);
        }
        const outcome = await services.imports.run({ fileName, path }, { dryRun, mapping }, actorOf(request));
        if (outcome.status === 201) return reply.status(201).send(outcome.body);
        if (outcome.status === 422) return reply.status(422).send(outcome.body);
        return reply.status(200).send(outcome.body);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
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
