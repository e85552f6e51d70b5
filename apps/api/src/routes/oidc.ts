import { errorEnvelopeSchema, homePath, providersResponseSchema, safeNextPath, type SignInErrorCode } from '@tillit/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import type { AppDeps } from './deps.js';
import { NotFoundError } from '../errors.js';
import { CALLBACK_PATH, FLOW_COOKIE, FLOW_MS } from '../services/oidc.js';
import { setSessionCookie } from './auth.js';

const LOGIN_PATH = '/api/auth/oidc/login';
const redirected = z.null().check(z.describe('A redirect: see Location'));

const loginQuery = z.object({
  next: z.optional(z.string().check(z.maxLength(2000))).check(z.describe('Where to go after signing in: a path on this site')),
});

// The provider's answer (RFC 6749 4.1.2, RFC 9207 `iss`); the whole query string is checked by
// openid-client, so other parameters a provider adds (`session_state`) are let through.
const callbackQuery = z.looseObject({
  code: z.optional(z.string().check(z.maxLength(4000))),
  state: z.optional(z.string().check(z.maxLength(1000))),
  iss: z.optional(z.string().check(z.maxLength(1000))),
  error: z.optional(z.string().check(z.maxLength(200))),
  error_description: z.optional(z.string().check(z.maxLength(2000))),
});

/** The sign-in page, which words the refusal (`error`) and keeps where the person was going. */
function toSignInPage(reply: FastifyReply, error: SignInErrorCode, next: string | null): FastifyReply {
  const params = new URLSearchParams({ error });
  if (next) params.set('next', next);
  return reply.header('cache-control', 'no-store').redirect(`/login?${params.toString()}`, 302);
}

/**
 * Sign-in through the organisation's identity provider (docs/sso.md). The routes exist also when
 * no provider is configured, and then answer 404, so that the table of routes is the same.
 */
export const oidcRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { security, signIn }) => {
  const oidc = signIn.oidc;
  const requireOidc = () => {
    if (!oidc) throw new NotFoundError('Inloggning via organisationens identitetsleverantör är inte påslagen (OIDC_ISSUER).');
    return oidc;
  };
  const flowCookie = { httpOnly: true, sameSite: 'lax', secure: security.cookieSecure, path: CALLBACK_PATH } as const;

  app.get(
    '/api/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        summary: 'How one signs in here: password, the identity provider, or both (for the sign-in page)',
        tags: ['auth'],
        response: { 200: providersResponseSchema },
      },
    },
    async () => ({
      passwords: signIn.passwords,
      oidc: oidc
        ? { name: oidc.service.settings.displayName, loginUrl: LOGIN_PATH, isReachable: await oidc.service.isReachable() }
        : null,
    }),
  );

  app.get(
    LOGIN_PATH,
    {
      config: { access: 'public' },
      schema: {
        summary: "Sign in through the identity provider: redirects to the provider's sign-in",
        tags: ['auth'],
        querystring: loginQuery,
        response: { 302: redirected, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const { service, publicOrigin } = requireOidc();
      const next = safeNextPath(request.query.next, publicOrigin);
      const begun = await service.begin(next);
      if (!begun) {
        request.log.warn({ issuer: service.settings.issuer }, 'provider sign-in not begun: the provider cannot be reached');
        return toSignInPage(reply, 'unavailable', next);
      }
      reply.setCookie(FLOW_COOKIE, begun.flowToken, { ...flowCookie, maxAge: FLOW_MS / 1000 });
      return reply.header('cache-control', 'no-store').redirect(begun.url, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Where the provider sends the browser back: starts the session, or shows the sign-in page saying why not',
        tags: ['auth'],
        querystring: callbackQuery,
        response: { 302: redirected, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const { service, accounts } = requireOidc();
      const mark = request.url.indexOf('?');
      const search = mark === -1 ? '' : request.url.slice(mark);
      const flowToken = request.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, flowCookie);

      const result = await service.complete(search, flowToken);
      if (!result.ok) {
        request.log.warn({ error: result.error, reason: result.reason }, 'provider sign-in refused');
        if (result.isBegun) accounts.recordFailure(result.error, result.reason, request.id);
        return toSignInPage(reply, result.error, result.next);
      }
      const outcome = accounts.signIn(result.claims, result.idToken, request.id);
      if (!outcome.ok) {
        request.log.warn({ error: outcome.error, reason: outcome.reason }, 'provider sign-in refused');
        return toSignInPage(reply, outcome.error, result.next);
      }
      request.log.info({ userId: outcome.user.id, role: outcome.user.role }, 'signed in through the identity provider');
      setSessionCookie(reply, security, outcome.token, outcome.expiresAt);
      return reply.header('cache-control', 'no-store').redirect(result.next ?? homePath(outcome.user), 302);
    },
  );
};
