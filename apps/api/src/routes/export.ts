import { CSV_FORMATS, type CsvFormat } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { STAFF } from '../plugins/access.js';
import { attachmentHeader, valuesCsv, valuesWorkbook, type ExportFile } from '../services/export.js';

const exportQuery = z.object({
  metric: z.string().check(z.trim(), z.minLength(1, 'Ange ett nyckeltal (metric)')),
  unit: z.string().check(z.trim(), z.minLength(1, 'Ange en enhet (unit)')),
});
const csvQuery = z.extend(exportQuery, {
  format: z._default(z.enum(Object.keys(CSV_FORMATS) as [CsvFormat, ...CsvFormat[]], { message: 'Använd format=excel eller format=plain' }), 'excel'),
});

// A file is not JSON, so these routes declare no response schemas (the type provider would then
// only accept JSON bodies); errors still leave through the one error handler as the envelope.
// The rows are the same suppressed-safe points as /api/values, written by the domain's export
// functions, so nothing reaches the file that /api/values would not give.
export const exportRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  const safeSeries = (metricKey: string, unitId: string) => {
    const metric = services.catalogue.requireMetric(metricKey);
    const unit = services.units.requireUnit(unitId);
    return { metric, unit, points: services.values.series(metric, unit) };
  };
  const send = (file: ExportFile) => ({
    headers: { 'content-type': file.contentType, 'content-disposition': attachmentHeader(file.fileName), 'cache-control': 'no-store' },
    body: file.body,
  });

  app.get(
    '/api/export/values.csv',
    {
      config: { access: STAFF },
      schema: {
        summary: "A unit's yearly figures for one metric as CSV (Swedish Excel by default)",
        description:
          'format=excel: UTF-8 with BOM, `;`, decimal comma. format=plain: UTF-8, `,`, decimal point. Hidden figures are empty cells with the reason in Status.',
        tags: ['export'],
        querystring: csvQuery,
      },
    },
    async (request, reply) => {
      const { metric, unit, points } = safeSeries(request.query.metric, request.query.unit);
      const { headers, body } = send(valuesCsv(metric, unit, points, request.query.format));
      return reply.headers(headers).send(body);
    },
  );

  app.get(
    '/api/export/values.xlsx',
    {
      config: { access: STAFF },
      schema: {
        summary: "A unit's yearly figures for one metric as an Excel workbook, with a sheet on the definition",
        description: 'Numbers are numeric cells; hidden figures are empty cells with the reason in Status.',
        tags: ['export'],
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { metric, unit, points } = safeSeries(request.query.metric, request.query.unit);
      const { headers, body } = send(await valuesWorkbook(metric, unit, points));
      return reply.headers(headers).send(body);
    },
  );
};
