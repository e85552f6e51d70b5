import { z } from 'zod/mini';
import {
  analysesQuerySchema,
  analysesResponseSchema,
  analysisBodySchema,
  analysisSchema,
  errorEnvelopeSchema,
  reviewQuerySchema,
  reviewResponseSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER, requireUser } from '../plugins/access.js';
import { errorResponses } from './schemas.js';

const forbidden = errorEnvelopeSchema.check(z.describe('Only the development manager'));

/** The yearly review and the analyses the committee reads (issue 14): the development manager's. */
export const reviewRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  app.get(
    '/api/review',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "The yearly review of a unit: every metric's year against last year and its target, the units below, notes, open questions, the analysis",
        description:
          'Figures from the suppressed-safe series, as /api/values: a hidden figure has no value and no verdict, and a hidden unit is never ' +
          'counted as meeting or missing a target. A year not every unit below has reported is shown, never judged, and never the default year.',
        tags: ['review'],
        querystring: reviewQuerySchema,
        response: { 200: reviewResponseSchema, 400: errorResponses[400], 403: forbidden, 404: errorResponses[404] },
      },
    },
    async (request) => services.review.review(request.query.unit, request.query.year),
  );

  app.get(
    '/api/analyses',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'The analyses of a unit for a year, drafts and history included',
        description: 'Politicians and public links read the published ones in the summary (`analysis`).',
        tags: ['review'],
        querystring: analysesQuerySchema,
        response: { 200: analysesResponseSchema, 400: errorResponses[400], 403: forbidden },
      },
    },
    async (request) => services.analyses.list(request.query.unit, request.query.year),
  );

  app.put(
    '/api/analyses',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Save the analysis of a metric for a unit and year, as a draft or published',
        description:
          'Every save that changes the text or the status is a new version (the earlier ones are kept) and an audit entry ' +
          '(`analysis`, `save_draft` or `publish`); the same text and status again changes nothing. Plain text, 1–4000 characters.',
        tags: ['review'],
        body: analysisBodySchema,
        response: { 200: analysisSchema, 400: errorResponses[400], 403: forbidden },
      },
    },
    async (request) => services.analyses.save(requireUser(request), actorOf(request), request.body),
  );
};
