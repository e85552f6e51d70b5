import { demoAccountsResponseSchema, errorEnvelopeSchema, loginBodySchema, logoutResponseSchema, meResponseSchema } from '@tillit/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps, SecurityOptions } from './deps.js';
import { NotFoundError } from '../errors.js';
import { requireUser, SESSION_COOKIE, SIGNED_IN } from '../plugins/access.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../services/seed.js';
import { oidcRoutes } from './oidc.js';

/** The session cookie of a sign-in, by password or through the identity provider. */
export function setSessionCookie(reply: FastifyReply, security: SecurityOptions, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: security.cookieSecure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

const toMe = (u: { username: string; displayName: string; role: 'development_manager' | 'unit_manager' | 'politician'; unitIds: string[] }) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitIds: u.unitIds,
});

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { services, security, isDemo, signIn } = deps;
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      // Off with AUTH_PASSWORDS=0: a 404 before the body is even read.
      onRequest: async () => {
        if (!signIn.passwords) throw new NotFoundError('Inloggning med lösenord är avstängd här: logga in via organisationens inloggning.');
      },
      schema: {
        summary: 'Sign in: sets an httpOnly session cookie',
        tags: ['auth'],
        body: loginBodySchema,
        response: {
          200: meResponseSchema,
          400: errorEnvelopeSchema,
          401: errorEnvelopeSchema.check(z.describe('Wrong username or password')),
          404: errorEnvelopeSchema.check(z.describe('Password sign-in is off (AUTH_PASSWORDS=0)')),
          429: errorEnvelopeSchema.check(z.describe('Too many failed attempts; see Retry-After')),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const { token, user, expiresAt } = await services.auth.login(username, password, request.ip);
      setSessionCookie(reply, security, token, expiresAt);
      return toMe(user);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        summary: "Sign out: ends the session; for a session begun at the identity provider, also where to end the provider's",
        tags: ['auth'],
        response: {
          200: logoutResponseSchema.check(z.describe('The session was begun at the provider: send the browser to endSessionUrl')),
          204: z.null(),
        },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const { oidcIdToken } = token ? services.auth.logout(token) : { oidcIdToken: null };
      // With the attributes it was set with, so that a Secure cookie is cleared by a Secure one.
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: security.cookieSecure, path: '/' });
      const endSessionUrl = oidcIdToken && signIn.oidc ? signIn.oidc.service.endSessionUrl(oidcIdToken) : null;
      if (endSessionUrl) return reply.status(200).send({ endSessionUrl });
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
      isDemo() && signIn.passwords
        ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ username, displayName, role }) => ({ username, displayName, role })) }
        : { password: null, accounts: [] },
  );

  await app.register(oidcRoutes, deps);
};
