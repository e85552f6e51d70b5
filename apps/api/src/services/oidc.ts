import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { mergeClaims, type Claims, type SignInErrorCode } from '@tillit/domain';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.js';
import { hashToken } from './auth.js';
import type { ServiceLog } from './log.js';

/**
 * Tillit as an OpenID Connect relying party (openid-client): the authorization code flow with
 * PKCE, `state` and `nonce`, the provider found by discovery, and its ID token checked (signature,
 * issuer, audience, expiry, nonce) with a small clock skew. Who the person is, and what they may
 * do in Tillit, is decided from the claims by services/oidc-accounts.ts.
 *
 * A provider that cannot be reached does not stop Tillit: discovery starts with the app, and is
 * tried again (at most every `retryMs`) when someone asks for the sign-in page or signs in.
 */

/** Seconds of clock difference tolerated between Tillit and the provider for `exp`, `iat`, `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** How long someone may take at the provider between leaving Tillit and coming back. */
export const FLOW_MS = 10 * 60_000;
/** The cookie that binds a sign-in begun to the browser that began it. */
export const FLOW_COOKIE = 'tillit_oidc';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

const DISCOVERY_TIMEOUT_SECONDS = 10;
const DEFAULT_RETRY_MS = 30_000;
/** The sign-in page waits this long for a provider being tried again before it answers. */
const PROVIDERS_WAIT_MS = 3_000;
const MAX_FLOWS = 10_000;

export interface OidcServiceOptions {
  settings: OidcConfig;
  log: Pick<ServiceLog, 'info' | 'warn'>;
  /** How soon discovery is tried again after the provider could not be reached. */
  retryMs?: number;
}

interface Flow {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string | null;
  createdAt: number;
}

type Status =
  | { state: 'pending' }
  | { state: 'ready'; config: client.Configuration }
  | { state: 'unreachable'; at: number };

/** A callback that ended well: the provider's claims (ID token and userinfo) and the ID token. */
export interface CallbackSuccess {
  ok: true;
  claims: Claims;
  idToken: string;
  next: string | null;
}

/** A callback refused: the code the sign-in page words, and the reason for the log. */
export interface CallbackFailure {
  ok: false;
  error: SignInErrorCode;
  reason: string;
  /** Whether it matched a sign-in begun in this browser (a real attempt, not a stray request). */
  isBegun: boolean;
  next: string | null;
}

const messageOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : '';
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${code}${error.message}${cause}`;
};

/** No answer from the provider at all (refused, reset, timed out), as opposed to an answer refusing us. */
const isUnreachable = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || (error instanceof TypeError && error.message === 'fetch failed'));

export function createOidcService({ settings, log, retryMs = DEFAULT_RETRY_MS }: OidcServiceOptions) {
  let status: Status = { state: 'pending' };
  let discovering: Promise<client.Configuration | null> | null = null;
  const flows = new Map<string, Flow>();
  const issuer = new URL(settings.issuer);

  const discover = (): Promise<client.Configuration | null> => {
    discovering ??= client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret, [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
        // HTTP Basic: the client authentication every provider must take (RFC 6749, 2.3.1).
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          // The configuration allows plain http only on this machine (config.ts).
          execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        },
      )
      .then(
        (config) => {
          if (status.state !== 'ready') log.info({ issuer: settings.issuer }, 'identity provider found (OIDC discovery)');
          status = { state: 'ready', config };
          return config;
        },
        (error: unknown) => {
          status = { state: 'unreachable', at: Date.now() };
          log.warn({ issuer: settings.issuer, reason: messageOf(error) }, 'identity provider cannot be reached (OIDC discovery); trying again later');
          return null;
        },
      )
      .finally(() => {
        discovering = null;
      });
    return discovering;
  };

  /** The provider's configuration, discovering it (again) when due; null while it cannot be reached. */
  const ready = async (): Promise<client.Configuration | null> => {
    if (status.state === 'ready') return status.config;
    if (status.state === 'unreachable' && !discovering && Date.now() - status.at < retryMs) return null;
    return discover();
  };

  const takeFlow = (flowToken: string | undefined): Flow | null => {
    if (!flowToken) return null;
    const key = hashToken(flowToken);
    const flow = flows.get(key);
    // Taken once: the same callback sent again (a replay) finds nothing.
    flows.delete(key);
    return flow ?? null;
  };

  const keepFlow = (flow: Flow): string => {
    const now = Date.now();
    if (flows.size >= MAX_FLOWS) {
      for (const [key, f] of flows) if (now - f.createdAt > FLOW_MS) flows.delete(key);
      // Still full: the oldest sign-ins begun make room (insertion order).
      for (const key of flows.keys()) {
        if (flows.size < MAX_FLOWS) break;
        flows.delete(key);
      }
    }
    const flowToken = randomBytes(32).toString('base64url');
    flows.set(hashToken(flowToken), flow);
    return flowToken;
  };

  return {
    settings,

    /** Starts discovery with the app, without waiting for it. */
    start(): void {
      void ready();
    },

    /** Whether the provider can be reached, after waiting briefly for one being tried again. */
    async isReachable(): Promise<boolean> {
      const attempt = ready();
      await Promise.race([attempt, sleep(PROVIDERS_WAIT_MS, undefined, { ref: false })]);
      return status.state !== 'unreachable';
    },

    /**
     * Begins a sign-in: the provider's authorization URL (code flow, PKCE S256, state, nonce) and
     * the token for the flow cookie. Null when the provider cannot be reached.
     */
    async begin(next: string | null): Promise<{ url: string; flowToken: string } | null> {
      const config = await ready();
      if (!config) return null;
      const codeVerifier = client.randomPKCECodeVerifier();
      const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, next, createdAt: Date.now() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url: url.href, flowToken: keepFlow(flow) };
    },

    /**
     * Completes a sign-in from the provider's redirect: `search` is the callback's query string,
     * `flowToken` the flow cookie. Every check the protocol asks for is made here or by
     * openid-client; any that fails is a refusal with its reason, never a thrown error.
     */
    async complete(search: string, flowToken: string | undefined): Promise<CallbackSuccess | CallbackFailure> {
      const flow = takeFlow(flowToken);
      const fail = (error: SignInErrorCode, reason: string): CallbackFailure => ({ ok: false, error, reason, isBegun: flow !== null, next: flow?.next ?? null });
      if (!flow) return fail('expired', 'no sign-in begun in this browser: the flow cookie is missing, unknown or already used');
      if (Date.now() - flow.createdAt > FLOW_MS) return fail('expired', 'the sign-in was begun more than ten minutes ago');
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = search;
      const params = currentUrl.searchParams;
      if (params.get('state') !== flow.state) return fail('failed', 'state does not match the sign-in begun in this browser');
      const providerError = params.get('error');
      if (providerError !== null) return fail('denied', `the provider answered ${providerError}: ${params.get('error_description') ?? ''}`.trim());

      const config = await ready();
      if (!config) return fail('unavailable', 'the provider cannot be reached');
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        return fail(isUnreachable(error) ? 'unavailable' : 'failed', `the code or the ID token was refused: ${messageOf(error)}`);
      }
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) return fail('failed', 'the provider gave no ID token');

      // Claims may come from the userinfo endpoint too (Keycloak, oidc-provider); a failure there
      // (or a `sub` that does not match the ID token's) leaves the ID token's claims alone.
      let userinfo: Claims | null = null;
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        try {
          userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        } catch (error) {
          log.warn({ issuer: settings.issuer, reason: messageOf(error) }, 'userinfo could not be read; using the ID token alone');
        }
      }
      const listClaims = [settings.roleClaim, ...(settings.unitClaim ? [settings.unitClaim] : [])];
      return { ok: true, claims: mergeClaims(idClaims, userinfo, listClaims), idToken: tokens.id_token, next: flow.next };
    },

    /**
     * Where to send the browser to sign out at the provider too (RP-initiated logout), for a
     * session begun there; null when the provider has no end_session_endpoint or is not known yet.
     */
    endSessionUrl(idToken: string): string | null {
      if (status.state !== 'ready' || !status.config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(status.config, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        id_token_hint: idToken,
      }).href;
    },
  };
}
export type OidcService = ReturnType<typeof createOidcService>;
