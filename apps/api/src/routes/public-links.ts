import { z } from 'zod/mini';
import {
  errorEnvelopeSchema,
  publicLinkCreatedSchema,
  publicLinkCreateSchema,
  publicLinkParamsSchema,
  publicLinkSchema,
  publicLinksResponseSchema,
  publicLinkUpdateSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { DEVELOPMENT_MANAGER, requireUser } from '../plugins/access.js';
import { publicLinkPath } from '../services/public-links.js';
import { errorResponses } from './schemas.js';

export const publicLinkRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services, security }) => {
  app.post(
    '/api/public-links',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Create a read-only link to the summary; the token is shown in this answer only',
        tags: ['public links'],
        body: publicLinkCreateSchema,
        response: { 201: publicLinkCreatedSchema, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { link, token } = services.publicLinks.create(
        { userId: user.id, username: user.username, requestId: request.id },
        request.body,
      );
      const path = publicLinkPath(token);
      // PUBLIC_URL when set; else as this request reached the server (through a trusted proxy, as the proxy says).
      const origin = security.publicOrigin ?? `${request.protocol}://${request.host}`;
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ ...link, token, path, url: `${origin}${path}` });
    },
  );

  app.get(
    '/api/public-links',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'The public links, newest first, revoked ones included; never their tokens',
        tags: ['public links'],
        response: { 200: publicLinksResponseSchema },
      },
    },
    async () => services.publicLinks.list(),
  );

  app.patch(
    '/api/public-links/:id',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Choose whether the link shows who wrote its public notes (off by default); audited",
        tags: ['public links'],
        params: publicLinkParamsSchema,
        body: publicLinkUpdateSchema,
        response: {
          200: publicLinkSchema,
          400: errorResponses[400],
          404: errorEnvelopeSchema.check(z.describe('Unknown link')),
          409: errorEnvelopeSchema.check(z.describe('The link is revoked')),
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return services.publicLinks.setShowAuthors(
        { userId: user.id, username: user.username, requestId: request.id },
        request.params.id,
        request.body.showAuthors,
      );
    },
  );

  app.delete(
    '/api/public-links/:id',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'Revoke a public link: it stops working at once',
        tags: ['public links'],
        params: publicLinkParamsSchema,
        response: { 200: publicLinkSchema, 400: errorResponses[400], 404: errorEnvelopeSchema.check(z.describe('Unknown link')) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return services.publicLinks.revoke({ userId: user.id, username: user.username, requestId: request.id }, request.params.id);
    },
  );
};
