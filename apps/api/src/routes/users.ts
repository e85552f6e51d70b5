import {
  errorEnvelopeSchema,
  passwordResetSchema,
  userCreateSchema,
  userResponseSchema,
  usersResponseSchema,
  userUpdateSchema,
} from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { actorOf, DEVELOPMENT_MANAGER } from '../plugins/access.js';

const idParams = z.object({ id: z.coerce.number().check(z.int(), z.gte(1, 'Ogiltigt id')) });
const errors = { 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, 409: errorEnvelopeSchema };

/** User administration: the development manager's. */
export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services }) => {
  const access = { access: DEVELOPMENT_MANAGER };

  app.get(
    '/api/users',
    { config: access, schema: { summary: 'Every account', tags: ['admin'], response: { 200: usersResponseSchema } } },
    async () => services.users.list(),
  );

  app.post(
    '/api/users',
    {
      config: access,
      schema: { summary: 'Create an account', tags: ['admin'], body: userCreateSchema, response: { 201: userResponseSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await services.users.create(request.body, actorOf(request))),
  );

  app.patch(
    '/api/users/:id',
    {
      config: access,
      schema: {
        summary: 'Change name, role, units or whether the account is active',
        tags: ['admin'],
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userResponseSchema, ...errors },
      },
    },
    async (request) => services.users.update(request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: access,
      schema: {
        summary: "Set a new password; ends the person's sessions",
        tags: ['admin'],
        params: idParams,
        body: passwordResetSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await services.users.resetPassword(request.params.id, request.body.password, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
