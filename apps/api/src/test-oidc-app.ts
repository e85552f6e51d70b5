import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from './config.js';
import type { Db } from './db/database.js';
import { createTestApp } from './test-app.js';
import { browseProvider, CookieJar, type TestProvider } from './test-oidc.js';

/**
 * Tillit configured for the tests' OpenID provider (test-oidc.ts), through the same
 * configuration the server reads (OIDC_* variables), and the browser's part of a sign-in.
 */

/** The address Tillit is configured to be reached at; the app itself is called with inject(). */
export const PUBLIC_URL = 'http://127.0.0.1:3162';
export const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

export interface OidcTestApp {
  app: FastifyInstance;
  db: Db;
  /** Every log line the app wrote (JSON), to check that refusals are logged. */
  logs: string[];
}

export async function createOidcTestApp(
  issuer: Pick<TestProvider, 'issuer' | 'clientId' | 'clientSecret'>,
  env: Record<string, string> = {},
  { retryMs }: { retryMs?: number } = {},
): Promise<OidcTestApp> {
  const config = loadConfig({
    OIDC_ISSUER: issuer.issuer,
    OIDC_CLIENT_ID: issuer.clientId,
    OIDC_CLIENT_SECRET: issuer.clientSecret,
    PUBLIC_URL,
    OIDC_DISPLAY_NAME: 'Kommunens konto',
    ...env,
  });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const { app, db } = await createTestApp({
    oidc: config.oidc && { ...config.oidc, retryMs },
    passwords: config.passwords,
    security: config.security,
    logger: { level: 'info', stream },
  });
  return { app, db, logs };
}

const sessionCookieOf = (res: LightMyRequestResponse): string | null => {
  const cookie = res.cookies.find((c) => c.name === 'tillit_session' && c.value !== '');
  return cookie ? `tillit_session=${cookie.value}` : null;
};

export interface ProviderRoundTrip {
  /** Tillit's answer to the callback. */
  res: LightMyRequestResponse;
  /** Where Tillit sent the browser. */
  location: string;
  /** The session cookie, when Tillit started a session. */
  cookie: string | null;
  /** The callback's address as the provider sent the browser there, and the flow cookie sent with it. */
  callback: URL;
  flowCookie: string;
}

/** Begins a sign-in at Tillit, returning the provider's address and the flow cookie. */
export async function beginSignIn(app: FastifyInstance, next?: string): Promise<{ authorizeUrl: string; flowCookie: string }> {
  const res = await app.inject({ url: `/api/auth/oidc/login${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}` });
  const flow = res.cookies.find((c) => c.name === 'tillit_oidc');
  if (res.statusCode !== 302 || !flow) throw new Error(`sign-in not begun: ${res.statusCode} ${res.headers.location ?? res.body}`);
  return { authorizeUrl: String(res.headers.location), flowCookie: `tillit_oidc=${flow.value}` };
}

/** Sends the callback to Tillit as the browser would (with its flow cookie, when it has one). */
export async function sendCallback(app: FastifyInstance, callback: URL, flowCookie: string | null): Promise<LightMyRequestResponse> {
  return app.inject({ url: `${callback.pathname}${callback.search}`, headers: flowCookie ? { cookie: flowCookie } : {} });
}

export const isCallback = (url: URL): boolean => url.href.startsWith(REDIRECT_URI);

/**
 * A whole sign-in as a browser makes it: Tillit's login route, the provider's sign-in page
 * filled in as `login`, and back to Tillit's callback.
 */
export async function signInThroughProvider(app: FastifyInstance, login: string, { next, jar }: { next?: string; jar?: CookieJar } = {}): Promise<ProviderRoundTrip> {
  const { authorizeUrl, flowCookie } = await beginSignIn(app, next);
  const callback = await browseProvider(authorizeUrl, isCallback, { login, jar: jar ?? new CookieJar() });
  const res = await sendCallback(app, callback, flowCookie);
  return { res, location: String(res.headers.location ?? ''), cookie: sessionCookieOf(res), callback, flowCookie };
}
