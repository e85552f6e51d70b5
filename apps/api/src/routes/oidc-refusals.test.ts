import { createServer } from 'node:net';
import type { AuditEntry, UserResponse } from '@tillit/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn } from '../test-app.js';
import { browseProvider, CookieJar, startTestProvider, type TestProvider } from '../test-oidc.js';
import {
  beginSignIn,
  createOidcTestApp,
  isCallback,
  PUBLIC_URL,
  REDIRECT_URI,
  sendCallback,
  signInThroughProvider,
  type OidcTestApp,
} from '../test-oidc-app.js';

/**
 * Everything that must not give a session (issue 10, point 6), against the real provider: each
 * ends on the sign-in page saying why (`/login?error=…`, a 302, never a 5xx), with no session
 * cookie, a line in the log, and, for a sign-in that was begun, an entry in the audit log.
 */

let provider: TestProvider;
const opened: OidcTestApp[] = [];

beforeAll(async () => {
  provider = await startTestProvider({ redirectUri: REDIRECT_URI, postLogoutRedirectUri: PUBLIC_URL });
});
afterAll(() => provider.close());
afterEach(async () => {
  provider.tamper = null;
  vi.useRealTimers();
  for (const t of opened.splice(0)) await t.app.close();
});

async function tillit(issuer: Pick<TestProvider, 'issuer' | 'clientId' | 'clientSecret'> = provider, retryMs?: number): Promise<OidcTestApp> {
  const t = await createOidcTestApp(issuer, {}, { retryMs });
  opened.push(t);
  return t;
}

/** Refused: to the sign-in page with the reason, no session, and a log line saying why. */
function expectRefused(t: OidcTestApp, res: LightMyRequestResponse, error: string): void {
  expect(res.statusCode).toBe(302);
  expect(String(res.headers.location)).toMatch(new RegExp(`^/login\\?error=${error}(&|$)`));
  expect(res.cookies.find((c) => c.name === 'tillit_session' && c.value !== '')).toBeUndefined();
  const refusals = t.logs.filter((line) => line.includes('provider sign-in refused') && line.includes(`"error":"${error}"`));
  expect(refusals.length, `a log line for ${error}`).toBeGreaterThan(0);
}

async function auditLog(app: FastifyInstance): Promise<AuditEntry[]> {
  return (await app.inject({ url: '/api/audit?entity=user', headers: { cookie: await signIn(app, 'utvecklingschef') } })).json<AuditEntry[]>();
}

const refusalsIn = async (app: FastifyInstance) => (await auditLog(app)).filter((e) => e.action === 'oidc_refused').map((e) => e.after);

describe('a person the provider vouches for, but Tillit does not let in', () => {
  it('gets a clear page, not a session, when their claims map to no role', async () => {
    const t = await tillit();
    const { res } = await signInThroughProvider(t.app, 'nils');
    expectRefused(t, res, 'no_role');
    expect(await refusalsIn(t.app)).toEqual([expect.objectContaining({ reason: 'no_role', displayName: 'Nils Ingenroll', roles: ['annan-app-admin'] })]);
  });

  it('loses access when the role is taken away at the provider: refused at the next sign-in, and signed out everywhere', async () => {
    const t = await tillit();
    provider.accounts.set('tove', { name: 'Tove Tidigare', roles: ['tillit-enhetschef'] });
    const before = await signInThroughProvider(t.app, 'tove');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: before.cookie ?? '' } })).statusCode).toBe(200);
    provider.accounts.set('tove', { name: 'Tove Tidigare', roles: [] });
    const after = await signInThroughProvider(t.app, 'tove');
    expectRefused(t, after.res, 'no_role');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: before.cookie ?? '' } })).statusCode).toBe(401);
  });

  it('cannot sign in through the provider when the account is deactivated in Tillit', async () => {
    const t = await tillit();
    await signInThroughProvider(t.app, 'anna');
    const dm = await signIn(t.app, 'utvecklingschef');
    const anna = (await t.app.inject({ url: '/api/users', headers: { cookie: dm } })).json<UserResponse[]>().find((u) => u.displayName === 'Anna Andersson');
    const off = await t.app.inject({ method: 'PATCH', url: `/api/users/${anna?.id}`, headers: { cookie: dm }, payload: { isActive: false } });
    expect(off.statusCode).toBe(200);
    const { res } = await signInThroughProvider(t.app, 'anna');
    expectRefused(t, res, 'inactive');
    expect(await refusalsIn(t.app)).toEqual([expect.objectContaining({ reason: 'inactive' })]);
  });
});

describe('a callback that does not hold', () => {
  it('refuses a state that is not the one this browser was given, and the flow cannot be used afterwards', async () => {
    const t = await tillit();
    const { authorizeUrl, flowCookie } = await beginSignIn(t.app);
    const callback = await browseProvider(authorizeUrl, isCallback, { login: 'anna' });
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    expectRefused(t, await sendCallback(t.app, forged, flowCookie), 'failed');
    // The real answer, after the forged one, finds the sign-in used up.
    expectRefused(t, await sendCallback(t.app, callback, flowCookie), 'expired');
    expect(await refusalsIn(t.app)).toEqual([expect.objectContaining({ reason: 'failed', detail: expect.stringMatching(/state/) })]);
  });

  it('refuses a forged code: the provider does not know it', async () => {
    const t = await tillit();
    const { authorizeUrl, flowCookie } = await beginSignIn(t.app);
    const callback = await browseProvider(authorizeUrl, isCallback, { login: 'anna' });
    callback.searchParams.set('code', 'a-code-the-provider-never-gave');
    expectRefused(t, await sendCallback(t.app, callback, flowCookie), 'failed');
  });

  it('refuses a replayed callback: the same answer sent again starts no second session', async () => {
    const t = await tillit();
    const first = await signInThroughProvider(t.app, 'anna');
    expect(first.cookie).not.toBeNull();
    expectRefused(t, await sendCallback(t.app, first.callback, first.flowCookie), 'expired');
  });

  it('refuses a callback from a browser that did not begin the sign-in (no flow cookie)', async () => {
    const t = await tillit();
    const { authorizeUrl } = await beginSignIn(t.app);
    const callback = await browseProvider(authorizeUrl, isCallback, { login: 'anna' });
    expectRefused(t, await sendCallback(t.app, callback, null), 'expired');
    expect(await refusalsIn(t.app)).toEqual([]);
  });

  it('refuses a sign-in begun more than ten minutes before it came back', async () => {
    const t = await tillit();
    const { authorizeUrl, flowCookie } = await beginSignIn(t.app);
    const callback = await browseProvider(authorizeUrl, isCallback, { login: 'anna' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expectRefused(t, await sendCallback(t.app, callback, flowCookie), 'expired');
  });

  it('says so when the person cancels at the provider', async () => {
    const t = await tillit();
    const { authorizeUrl, flowCookie } = await beginSignIn(t.app, '/summary');
    const callback = await browseProvider(authorizeUrl, isCallback, { cancel: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const res = await sendCallback(t.app, callback, flowCookie);
    expectRefused(t, res, 'denied');
    expect(res.headers.location).toBe('/login?error=denied&next=%2Fsummary');
  });

  it.each([
    ['wrong-audience', /\(audience\) claim/],
    ['wrong-issuer', /\(issuer\) claim/],
    ['expired', /\(expiration time\) claim/],
  ] as const)('refuses an ID token that is correctly signed but %s', async (tamper, why) => {
    const t = await tillit();
    provider.tamper = tamper;
    const { res } = await signInThroughProvider(t.app, 'anna');
    expectRefused(t, res, 'failed');
    expect(t.logs.find((line) => line.includes('provider sign-in refused'))).toMatch(why);
    expect(await refusalsIn(t.app)).toEqual([expect.objectContaining({ reason: 'failed' })]);
  });

  it('answers a malformed callback with a 400, not a 500', async () => {
    const t = await tillit();
    const res = await t.app.inject({ url: '/api/auth/oidc/callback?code=a&code=b&state=x' });
    expect(res.statusCode).toBe(400);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a provider that cannot be reached', () => {
  it('does not stop Tillit: the button says so, discovery is tried again, and sign-in works once it is up', async () => {
    const port = await freePort();
    const issuer = { issuer: `http://127.0.0.1:${port}`, clientId: provider.clientId, clientSecret: provider.clientSecret };
    const t = await tillit(issuer, 0);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/providers' })).json()).toMatchObject({ oidc: { isReachable: false } });
    expect(t.logs.some((line) => line.includes('identity provider cannot be reached'))).toBe(true);
    const res = await t.app.inject({ url: '/api/auth/oidc/login?next=%2Fsummary' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?error=unavailable&next=%2Fsummary');
    // Password sign-in goes on meanwhile.
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: await signIn(t.app, 'politiker') } })).statusCode).toBe(200);

    const late = await startTestProvider({ redirectUri: REDIRECT_URI, postLogoutRedirectUri: PUBLIC_URL, port });
    try {
      expect((await t.app.inject({ url: '/api/auth/providers' })).json()).toMatchObject({ oidc: { isReachable: true } });
      const { authorizeUrl, flowCookie } = await beginSignIn(t.app);
      const callback = await browseProvider(authorizeUrl, isCallback, { login: 'anna', jar: new CookieJar() });
      // The provider goes down between the sign-in page and the code exchange.
      await late.close();
      expectRefused(t, await sendCallback(t.app, callback, flowCookie), 'unavailable');
    } finally {
      await late.close();
    }
  });

  it('treats a provider that names another issuer than OIDC_ISSUER as not reachable, and logs why', async () => {
    const other = await startTestProvider({ redirectUri: REDIRECT_URI, postLogoutRedirectUri: PUBLIC_URL, issuerHost: 'localhost' });
    try {
      const t = await tillit({ ...other, issuer: `http://127.0.0.1:${other.port}` });
      expect((await t.app.inject({ url: '/api/auth/providers' })).json()).toMatchObject({ oidc: { isReachable: false } });
      expect(t.logs.find((line) => line.includes('identity provider cannot be reached'))).toMatch(/issuer/);
      expect((await t.app.inject({ url: '/api/auth/oidc/login' })).headers.location).toBe('/login?error=unavailable');
    } finally {
      await other.close();
    }
  });
});
