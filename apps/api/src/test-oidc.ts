import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account, type KoaContext, type OidcContext } from 'oidc-provider';

/**
 * A real OpenID provider for the tests: panva's oidc-provider (the certified library), on
 * loopback, with its development sign-in pages (any password) and a few accounts whose `roles`
 * claim differs. Not a mock: Tillit talks to it over HTTP with discovery, PKCE, signed ID tokens
 * and userinfo, as it would to Entra ID or Keycloak. Tests only (excluded from the build).
 */

export interface TestAccount {
  name?: string;
  email?: string;
  preferred_username?: string;
  roles?: string[];
  units?: string[];
  /** Entra ID's object id and tenant, when the account should look like one of Entra's. */
  oid?: string;
  tid?: string;
}

/** People at the provider, by the login typed on its sign-in page (also their `sub`). */
const testAccounts = (): Map<string, TestAccount> =>
  new Map<string, TestAccount>([
    ['anna', { name: 'Anna Andersson', email: 'anna.andersson@kommun.example', roles: ['tillit-utvecklingschef'] }],
    ['erik', { name: 'Erik Enhetschef', email: 'erik@kommun.example', roles: ['tillit-enhetschef'], units: ['hemtjanst-hemtjanst-oster', 'okand-enhet'] }],
    ['petra', { name: 'Petra Politiker', preferred_username: 'petra.politiker@kommun.example', roles: ['tillit-politiker'] }],
    ['bodil', { name: 'Bodil Båda', email: 'bodil@kommun.example', roles: ['tillit-politiker', 'annan-app-admin', 'tillit-utvecklingschef'] }],
    ['nils', { name: 'Nils Ingenroll', email: 'nils@kommun.example', roles: ['annan-app-admin'] }],
  ]);

/**
 * What the provider does wrong to its token answers, for the refusals a relying party must make:
 * an ID token for another client, from another issuer, or long expired, each correctly signed
 * with the provider's own key, so only Tillit's checks of the claims can catch it.
 */
export type TokenTamper = 'wrong-audience' | 'wrong-issuer' | 'expired' | null;

export interface TestProvider {
  issuer: string;
  port: number;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  tamper: TokenTamper;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  /** Tillit's redirect URI (PUBLIC_URL + /api/auth/oidc/callback), or those of several Tillit servers. */
  redirectUri: string | string[];
  /** Tillit's PUBLIC_URL, where the provider sends the browser after signing out (or several). */
  postLogoutRedirectUri: string | string[];
  /** A fixed port (for a provider that was down at Tillit's start); any free one by default. */
  port?: number;
  /** The host the provider names itself by (`issuer`), when not the address it listens on: a misconfiguration. */
  issuerHost?: string;
  /** Where the profile claims (roles among them) travel: the ID token, or userinfo only (the default of oidc-provider). */
  claimsIn?: 'id_token' | 'userinfo';
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function resign(jwt: string, key: KeyObject, kid: string, change: (payload: Record<string, unknown>) => void): string {
  const [, payloadPart = ''] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  const input = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${base64url(sign('sha256', Buffer.from(input), key))}`;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.issuerHost ?? '127.0.0.1'}:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-${port}`;
  const accounts = testAccounts();
  const clientId = 'tillit';
  const clientSecret = 'tillit-test-secret-that-is-long-enough-for-hs256';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri].flat(),
        post_logout_redirect_uris: [options.postLogoutRedirectUri].flat(),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['tillit-test-provider-cookies'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'roles', 'units', 'oid', 'tid'],
    },
    // oidc-provider's default (true) puts the scopes' claims in userinfo only; Entra ID puts them in the ID token.
    conformIdTokenClaims: (options.claimsIn ?? 'userinfo') === 'userinfo',
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    // Set, so that the provider does not ask for them at every test.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx: unknown, id: string): Promise<Account | undefined> {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    // A first-party client, as Tillit is in a municipality's own provider: no consent screen.
    async loadExistingGrant(ctx: OidcContext) {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId ?? '';
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session?.accountId ?? '' });
      grant.addOIDCScope(typeof oidc.params?.scope === 'string' ? oidc.params.scope : 'openid');
      await grant.save();
      return grant;
    },
  });

  const testProvider: TestProvider = {
    issuer,
    port,
    clientId,
    clientSecret,
    accounts,
    tamper: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  provider.use(async (ctx: KoaContext, next) => {
    await next();
    const tamper = testProvider.tamper;
    const body = ctx.body;
    if (!tamper || ctx.path !== '/token' || ctx.status !== 200 || typeof body !== 'object' || body === null || !('id_token' in body)) return;
    const token = body.id_token;
    if (typeof token !== 'string') return;
    body.id_token = resign(token, privateKey, kid, (payload) => {
      if (tamper === 'wrong-audience') payload.aud = 'another-application';
      if (tamper === 'wrong-issuer') payload.iss = 'http://127.0.0.1:1/another-issuer';
      if (tamper === 'expired') {
        const hourAgo = Math.floor(Date.now() / 1000) - 3600;
        payload.iat = hourAgo - 600;
        payload.exp = hourAgo;
      }
    });
  });
  server.on('request', provider.callback());
  return testProvider;
}

/** The cookies a browser would keep for the provider (its paths are ignored: names do not clash). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const formAction = (html: string): string | null => /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
const hiddenInputs = (html: string): [string, string][] =>
  [...html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']);

/**
 * Goes through the provider as a browser would, from `url` until the provider sends the browser
 * to an address `isDone` accepts (Tillit's callback, or PUBLIC_URL after signing out), and
 * returns that address. A sign-in page is filled in with `login` (any password), or cancelled;
 * a sign-out page is confirmed.
 */
export async function browseProvider(
  url: string,
  isDone: (url: URL) => boolean,
  { login, jar = new CookieJar(), cancel = false }: { login?: string; jar?: CookieJar; cancel?: boolean } = {},
): Promise<URL> {
  let current = new URL(url);
  for (let step = 0; step < 12; step++) {
    if (isDone(current)) return current;
    const response = await fetch(current, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current);
      continue;
    }
    const html = await response.text();
    const action = formAction(html);
    if (response.status !== 200 || !action) throw new Error(`the provider answered ${response.status} at ${current.pathname}: ${html.slice(0, 300)}`);
    const isSignIn = html.includes('name="login"');
    const abort = /<a href="([^"]*\/abort)"/.exec(html)?.[1];
    if (isSignIn && cancel && abort) {
      // The person presses Cancel on the provider's sign-in page.
      current = new URL(abort, current);
      continue;
    }
    if (isSignIn && !login) throw new Error('the provider asks for a sign-in and no login was given');
    const hidden = hiddenInputs(html);
    if (!isSignIn && !hidden.some(([name]) => name === 'logout')) hidden.push(['logout', 'yes']);
    const form = new URLSearchParams(isSignIn ? { prompt: 'login', login: login ?? '', password: 'vilket-som-helst' } : hidden);
    const posted = await fetch(new URL(action, current), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    jar.store(posted);
    const next = posted.headers.get('location');
    if (!next) throw new Error(`the provider's form answered ${posted.status} without a redirect: ${(await posted.text()).slice(0, 300)}`);
    current = new URL(next, current);
  }
  throw new Error(`the provider kept redirecting: ${current.href}`);
}
