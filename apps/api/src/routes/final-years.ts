import { errorEnvelopeSchema, finalYearParamsSchema, finalYearsResponseSchema, metricKeyParamsSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER } from '../plugins/access.js';

const errors = { 400: errorEnvelopeSchema, 403: errorEnvelopeSchema };
const DESCRIPTION =
  "A year marked final counts as complete although not every expected unit has reported: its figures become the latest, the change and the target verdict like any whole year's.";

/** The development manager marks a metric's year final, or takes the mark back. */
export const finalYearRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  const metricOf = (key: string) => services.catalogue.requireMetric(key, 'params.key');

  app.get(
    '/api/metrics/:key/final-years',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "A metric's years marked final",
        description: DESCRIPTION,
        tags: ['values'],
        params: metricKeyParamsSchema,
        response: { 200: finalYearsResponseSchema, ...errors },
      },
    },
    async (request) => services.finalYears.list(metricOf(request.params.key)),
  );

  app.put(
    '/api/metrics/:key/final-years/:year',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Mark a metric's year final",
        description: `${DESCRIPTION} A year without any figure is refused (400). Audited.`,
        tags: ['values'],
        params: finalYearParamsSchema,
        response: { 200: finalYearsResponseSchema, ...errors },
      },
    },
    async (request) => services.finalYears.mark(metricOf(request.params.key), request.params.year, actorOf(request)),
  );

  app.delete(
    '/api/metrics/:key/final-years/:year',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Take back a year's final mark",
        description: 'The year is complete again only when every expected unit has reported. Audited.',
        tags: ['values'],
        params: finalYearParamsSchema,
        response: { 200: finalYearsResponseSchema, ...errors },
      },
    },
    async (request) => services.finalYears.unmark(metricOf(request.params.key), request.params.year, actorOf(request)),
  );
};
