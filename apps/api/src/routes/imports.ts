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
  parentRowsSchema,
  type ImportMapping,
  type ParentRows,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER } from '../plugins/access.js';
import { ValidationError } from '../errors.js';
import { withUpload } from '../http/uploads.js';

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema, 404: errorEnvelopeSchema };

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

function parseParentRows(raw: string | undefined, fromQuery: ParentRows | undefined): ParentRows | undefined {
  if (raw === undefined || raw.trim() === '') return fromQuery;
  const parsed = parentRowsSchema.safeParse(raw.trim());
  if (!parsed.success) {
    const message = 'Fältet "parentRows" ska vara "check" (summarader kontrolleras och sparas inte) eller "own" (sparas som enhetens egen siffra).';
    throw new ValidationError(message, [{ path: 'body.parentRows', message }]);
  }
  return parsed.data;
}

function parseSheet(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (raw.length > 200) {
    const message = 'Fältet "sheet" ska vara ett bladnamn (högst 200 tecken).';
    throw new ValidationError(message, [{ path: 'body.sheet', message }]);
  }
  return raw;
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
          'Separator `;`, `,` or tab (or a `sep=` first line); decimal comma or point; UTF-8, Windows-1252 or UTF-16 with a byte-order mark, decided on the whole file. The header row is found among the first 20 rows. The file is streamed to disk and read row by row. With errors nothing is written (422, same body as the preview); errors, warnings, subtotal rows and changes are listed up to 200 each, with totals. Rows for units with units below them are subtotals: checked against the file\'s rows below and not stored, unless `parentRows=own` (form field or query). A header row we cannot read alone gives `needsMapping: true` with the file\'s `headers` and a suggested `mapping`; send `mapping` (JSON, our field → header) to choose. XLSX: the first sheet with a header row, or the form field `sheet`; merged cells carry down, formula results are rounded to two decimals with a warning. Files over the configured size (IMPORT_MAX_MB, 512 MB by default) or workbooks that unpack beyond the limits get 413; old .xls, broken workbooks and other binaries 415. Dry runs are audited (`import_preview`).',
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
    async (request, reply) =>
      withUpload(
        request,
        { maxBytes, defaultName: 'fil.csv', missing: 'Ingen fil: skicka CSV-filen i fältet "file".', dryRun: request.query.dryRun },
        async (upload) => {
          const mappingField = upload.fields.get('mapping');
          const mapping = mappingField !== undefined && mappingField.trim() !== '' ? parseMapping(mappingField) : undefined;
          const parentRows = parseParentRows(upload.fields.get('parentRows'), request.query.parentRows);
          const sheet = parseSheet(upload.fields.get('sheet'));
          const outcome = await services.imports.run(upload, { dryRun: upload.dryRun, mapping, parentRows, sheet }, actorOf(request));
          if (outcome.status === 201) return reply.status(201).send(outcome.body);
          if (outcome.status === 422) return reply.status(422).send(outcome.body);
          return reply.status(200).send(outcome.body);
        },
      ),
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
