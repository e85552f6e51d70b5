import { demoAccountsResponseSchema, errorEnvelopeSchema, loginBodySchema, meResponseSchema } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { requireUser, SESSION_COOKIE, SIGNED_IN } from '../plugins/access.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../services/seed.js';

const toMe = (u: { username: string; displayName: string; role: 'development_manager' | 'unit_manager' | 'politician'; unitIds: string[] }) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitIds: u.unitIds,
});

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { services, security, isDemo }) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Sign in: sets an httpOnly session cookie',
        tags: ['auth'],
        body: loginBodySchema,
        response: {
          200: meResponseSchema,
          400: errorEnvelopeSchema,
          401: errorEnvelopeSchema.describe('Wrong username or password'),
          429: errorEnvelopeSchema.describe('Too many failed attempts; see Retry-After'),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const { token, user, expiresAt } = await services.auth.login(username, password, request.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: security.cookieSecure,
        path: '/',
        expires: new Date(expiresAt),
      });
      return toMe(user);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: { summary: 'Sign out: ends the session', tags: ['auth'], response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) services.auth.logout(token);
      // With the attributes it was set with, so that a Secure cookie is cleared by a Secure one.
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: security.cookieSecure, path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'The signed-in person: role and units',
        tags: ['auth'],
        response: { 200: meResponseSchema, 401: errorEnvelopeSchema },
      },
    },
    async (request) => toMe(requireUser(request)),
  );

  app.get(
    '/api/auth/demo-accounts',
    {
      config: { access: 'public' },
      schema: {
        summary: 'In demo mode, the demo accounts and their shared password; otherwise none',
        tags: ['auth'],
        response: { 200: demoAccountsResponseSchema },
      },
    },
    async () =>
      isDemo()
        ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ username, displayName, role }) => ({ username, displayName, role })) }
        : { password: null, accounts: [] },
  );
};
