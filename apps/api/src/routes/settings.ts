import { errorEnvelopeSchema, outboxStatusSchema, settingsSchema, settingsUpdateSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER, requireUser, SIGNED_IN } from '../plugins/access.js';
import type { OutboxAdmin } from '../services/mail.js';
import type { SettingsService } from '../services/settings.js';

const idParams = z.object({ id: z.coerce.number().check(z.int(), z.gte(1, 'Ogiltigt id')) });

/** "Mina inställningar" for everyone signed in; the outbox's health for the development manager (docs/mail.md). */
export const settingsRoutes: FastifyPluginAsyncZod<AppDeps & { settings: SettingsService; outbox: OutboxAdmin }> = async (
  app,
  { settings, outbox },
) => {
  app.get(
    '/api/settings',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'My settings: the language of my e-mail and which e-mail I want',
        tags: ['settings'],
        response: { 200: settingsSchema, 404: errorEnvelopeSchema },
      },
    },
    async (request) => settings.get(requireUser(request)),
  );

  app.put(
    '/api/settings',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Change my language or turn kinds of e-mail on or off',
        tags: ['settings'],
        body: settingsUpdateSchema,
        response: { 200: settingsSchema, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema },
      },
    },
    async (request) => settings.update(requireUser(request), request.body, actorOf(request)),
  );

  app.get(
    '/api/mail/status',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "The outbox's health: messages waiting, failed ones (with the reason) and the last delivery",
        tags: ['settings'],
        response: { 200: outboxStatusSchema },
      },
    },
    async () => outbox.status(),
  );

  app.post(
    '/api/mail/outbox/:id/resend',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: "Send a failed message again, to the recipient's address as it is now",
        tags: ['settings'],
        params: idParams,
        response: { 204: z.null(), 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, 409: errorEnvelopeSchema },
      },
    },
    async (request, reply) => {
      outbox.resend(request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
