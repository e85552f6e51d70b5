import type { AuditEntry, UserResponse } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../test-app.js';
import { browseProvider, CookieJar, startTestProvider, type TestProvider } from '../test-oidc.js';
import { beginSignIn, createOidcTestApp, PUBLIC_URL, REDIRECT_URI, signInThroughProvider, type OidcTestApp } from '../test-oidc-app.js';

/**
 * Signing in through the organisation's identity provider, against a real OpenID provider
 * (oidc-provider on loopback, test-oidc.ts): the redirects, the accounts it makes and keeps up to
 * date, roles from its claims, and signing out there too. The refusals are in oidc-refusals.test.ts.
 */

let provider: TestProvider;
const opened: OidcTestApp[] = [];

beforeAll(async () => {
  provider = await startTestProvider({ redirectUri: REDIRECT_URI, postLogoutRedirectUri: PUBLIC_URL });
});
afterAll(() => provider.close());
afterEach(async () => {
  for (const t of opened.splice(0)) await t.app.close();
});

async function tillit(env: Record<string, string> = {}): Promise<OidcTestApp> {
  const t = await createOidcTestApp(provider, env);
  opened.push(t);
  return t;
}

const me = async (app: FastifyInstance, cookie: string | null) => app.inject({ url: '/api/auth/me', headers: cookie ? { cookie } : {} });

async function accounts(app: FastifyInstance): Promise<UserResponse[]> {
  return (await app.inject({ url: '/api/users', headers: { cookie: await signIn(app, 'utvecklingschef') } })).json<UserResponse[]>();
}

async function auditLog(app: FastifyInstance): Promise<AuditEntry[]> {
  return (await app.inject({ url: '/api/audit?entity=user', headers: { cookie: await signIn(app, 'utvecklingschef') } })).json<AuditEntry[]>();
}

describe('the sign-in page is told how one signs in', () => {
  it('names the provider, says it can be reached, and keeps passwords on by default', async () => {
    const { app } = await tillit();
    const res = await app.inject({ url: '/api/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ passwords: true, oidc: { name: 'Kommunens konto', loginUrl: '/api/auth/oidc/login', isReachable: true } });
  });

  it('without a provider configured, shows only passwords, and the provider routes are not there', async () => {
    const { app } = await createTestApp();
    try {
      expect((await app.inject({ url: '/api/auth/providers' })).json()).toEqual({ passwords: true, oidc: null });
      expect((await app.inject({ url: '/api/auth/oidc/login' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('with AUTH_PASSWORDS=0, hides the password form, lists no demo accounts, and the password route answers 404', async () => {
    const { app } = await tillit({ AUTH_PASSWORDS: '0' });
    expect((await app.inject({ url: '/api/auth/providers' })).json()).toMatchObject({ passwords: false, oidc: { isReachable: true } });
    expect((await app.inject({ url: '/api/auth/demo-accounts' })).json()).toEqual({ password: null, accounts: [] });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'utvecklingschef', password: 'tillit-demo' } });
    expect(login.statusCode).toBe(404);
    expect(login.cookies.find((c) => c.name === 'tillit_session')).toBeUndefined();
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: {} })).statusCode).toBe(404);
    // The provider still lets people in.
    const { cookie } = await signInThroughProvider(app, 'anna');
    expect((await me(app, cookie)).json()).toMatchObject({ role: 'development_manager' });
  });
});

describe('signing in through the provider', () => {
  it('sends the browser to the provider with the code flow, PKCE, state and nonce, bound to this browser by a cookie', async () => {
    const { app } = await tillit();
    const res = await app.inject({ url: '/api/auth/oidc/login' });
    expect(res.statusCode).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(to.origin + to.pathname).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: 'tillit',
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)?.length ?? 0, p).toBeGreaterThanOrEqual(32);
    const flow = res.cookies.find((c) => c.name === 'tillit_oidc');
    expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc/callback' });
  });

  it('makes the account at the first sign-in, with name, e-mail and role from the claims, and lands on the start page', async () => {
    const { app } = await tillit();
    const { res, location, cookie } = await signInThroughProvider(app, 'anna');
    expect(res.statusCode).toBe(302);
    expect(location).toBe('/');
    expect(cookie).not.toBeNull();
    expect((await me(app, cookie)).json()).toEqual({
      username: 'anna.andersson@kommun.example',
      displayName: 'Anna Andersson',
      role: 'development_manager',
      unitIds: [],
    });
    // Her role works with every access rule: she administers accounts.
    const list = await app.inject({ url: '/api/users', headers: { cookie: cookie ?? '' } });
    expect(list.statusCode).toBe(200);
    expect(list.json<UserResponse[]>().find((u) => u.displayName === 'Anna Andersson')).toMatchObject({
      email: 'anna.andersson@kommun.example',
      isProviderAccount: true,
      isActive: true,
    });
    const actions = (await auditLog(app)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['oidc_account_created', 'oidc_sign_in']));
    // The account has no Tillit password: no password signs in to it.
    for (const password of ['', ' ', 'tillit-demo']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna.andersson@kommun.example', password } });
      expect([400, 401], JSON.stringify(password)).toContain(res.statusCode);
    }
  });

  it('goes on to `next` on this site, and to the start page for an address elsewhere', async () => {
    const { app } = await tillit();
    expect((await signInThroughProvider(app, 'anna', { next: '/metrics/staff_turnover?unit=ifo' })).location).toBe('/metrics/staff_turnover?unit=ifo');
    expect((await signInThroughProvider(app, 'anna', { next: 'https://evil.example/' })).location).toBe('/');
    expect((await signInThroughProvider(app, 'anna', { next: '/\\evil.example' })).location).toBe('/');
  });

  it("gives a politician the summary, with the e-mail address taken from preferred_username when there is no email claim", async () => {
    const { app } = await tillit();
    const { location, cookie } = await signInThroughProvider(app, 'petra');
    expect(location).toBe('/summary');
    expect((await me(app, cookie)).json()).toMatchObject({ role: 'politician', displayName: 'Petra Politiker' });
    expect((await accounts(app)).find((u) => u.displayName === 'Petra Politiker')?.email).toBe('petra.politiker@kommun.example');
  });

  it('gives a person with several mapped values the strongest role', async () => {
    const { app } = await tillit();
    const { cookie } = await signInThroughProvider(app, 'bodil');
    expect((await me(app, cookie)).json()).toMatchObject({ role: 'development_manager' });
  });

  it('reads the roles from the ID token too (as Entra ID sends them), with OIDC_ROLE_CLAIM and OIDC_ROLE_MAP', async () => {
    const inToken = await startTestProvider({ redirectUri: REDIRECT_URI, postLogoutRedirectUri: PUBLIC_URL, claimsIn: 'id_token' });
    try {
      inToken.accounts.set('gustav', { name: 'Gustav Grupp', roles: ['a0b1c2d3-grupp-politiker'] });
      const t = await createOidcTestApp(inToken, { OIDC_ROLE_MAP: 'a0b1c2d3-grupp-politiker=politician' });
      opened.push(t);
      const { cookie } = await signInThroughProvider(t.app, 'gustav');
      expect((await me(t.app, cookie)).json()).toMatchObject({ role: 'politician', displayName: 'Gustav Grupp' });
    } finally {
      await inToken.close();
    }
  });

  it('brings name, e-mail and role up to date at every sign-in, and records a role change', async () => {
    const { app } = await tillit();
    provider.accounts.set('olle', { name: 'Olle Ändrad', email: 'olle@kommun.example', roles: ['tillit-utvecklingschef'] });
    const first = await signInThroughProvider(app, 'olle');
    expect((await me(app, first.cookie)).json()).toMatchObject({ role: 'development_manager' });

    provider.accounts.set('olle', { name: 'Olle Nyman', email: 'olle.nyman@kommun.example', roles: ['tillit-politiker'] });
    const second = await signInThroughProvider(app, 'olle');
    expect(second.location).toBe('/summary');
    expect((await me(app, second.cookie)).json()).toMatchObject({ role: 'politician', displayName: 'Olle Nyman' });
    // The session begun before, as development manager, has the new role at once.
    expect((await me(app, first.cookie)).json()).toMatchObject({ role: 'politician' });
    const olle = (await accounts(app)).filter((u) => u.displayName.startsWith('Olle'));
    expect(olle).toHaveLength(1);
    expect(olle[0]?.email).toBe('olle.nyman@kommun.example');
    const change = (await auditLog(app)).find((e) => e.action === 'oidc_role_changed');
    expect(change).toMatchObject({ before: { role: 'development_manager' }, after: { role: 'politician' } });
  });

  it("takes a unit manager's units from OIDC_UNIT_CLAIM, leaving out codes that are no unit", async () => {
    const { app } = await tillit({ OIDC_UNIT_CLAIM: 'units' });
    const { location, cookie } = await signInThroughProvider(app, 'erik');
    expect(location).toBe('/?unit=hemtjanst-hemtjanst-oster');
    expect((await me(app, cookie)).json()).toMatchObject({ role: 'unit_manager', unitIds: ['hemtjanst-hemtjanst-oster'] });
  });

  it('without OIDC_UNIT_CLAIM, a unit manager keeps the units the development manager gave under Användare', async () => {
    const { app } = await tillit();
    const first = await signInThroughProvider(app, 'erik');
    expect((await me(app, first.cookie)).json()).toMatchObject({ role: 'unit_manager', unitIds: [] });
    const erik = (await accounts(app)).find((u) => u.displayName === 'Erik Enhetschef');
    const dm = await signIn(app, 'utvecklingschef');
    const patch = await app.inject({ method: 'PATCH', url: `/api/users/${erik?.id}`, headers: { cookie: dm }, payload: { unitIds: ['ifo'] } });
    expect(patch.statusCode).toBe(200);
    const again = await signInThroughProvider(app, 'erik');
    expect((await me(app, again.cookie)).json()).toMatchObject({ role: 'unit_manager', unitIds: ['ifo'] });
  });

  it('keys an Entra ID account by tenant and object id, so the same person is one account whatever their sub', async () => {
    const { app } = await tillit();
    const person = { name: 'Eva Entra', email: 'eva@kommun.example', roles: ['tillit-politiker'], oid: '7d1c8a4e-oid', tid: '3f2e1d0c-tid' };
    provider.accounts.set('eva-v1', person);
    provider.accounts.set('eva-v2', person);
    await signInThroughProvider(app, 'eva-v1');
    await signInThroughProvider(app, 'eva-v2');
    expect((await accounts(app)).filter((u) => u.displayName === 'Eva Entra')).toHaveLength(1);
  });

  it('never takes over a local account of the same name: the provider account gets a name of its own', async () => {
    const { app } = await tillit();
    provider.accounts.set('impostor', { name: 'Någon Annan', preferred_username: 'utvecklingschef', roles: ['tillit-politiker'] });
    const { cookie } = await signInThroughProvider(app, 'impostor');
    expect((await me(app, cookie)).json()).toMatchObject({ username: 'utvecklingschef-2', role: 'politician' });
    // The local account is untouched: same role, and its password still works.
    expect((await me(app, await signIn(app, 'utvecklingschef'))).json()).toMatchObject({ role: 'development_manager', displayName: 'Utvecklingschef (demo)' });
  });
});

describe('signing out', () => {
  it('ends the Tillit session and sends the browser to end the provider session, back to PUBLIC_URL', async () => {
    const { app } = await tillit();
    const jar = new CookieJar();
    const { cookie } = await signInThroughProvider(app, 'anna', { jar });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: cookie ?? '' } });
    expect(out.statusCode).toBe(200);
    const endSession = new URL(out.json<{ endSessionUrl: string }>().endSessionUrl);
    expect(endSession.origin + endSession.pathname).toBe(`${provider.issuer}/session/end`);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(PUBLIC_URL);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await me(app, cookie)).statusCode).toBe(401);
    // The provider signs the person out and sends them back to Tillit.
    const back = await browseProvider(endSession.href, (u) => u.origin === PUBLIC_URL, { jar });
    expect(back.origin).toBe(PUBLIC_URL);
    // Signed out there too: the next sign-in asks for the login again (no login given: it must ask).
    const { authorizeUrl } = await beginSignIn(app);
    await expect(browseProvider(authorizeUrl, (u) => u.href.startsWith(REDIRECT_URI), { jar })).rejects.toThrow(/asks for a sign-in/);
  });

  it('a password session signs out as before, without the provider', async () => {
    const { app } = await tillit();
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: await signIn(app, 'politiker') } });
    expect(out.statusCode).toBe(204);
  });
});
