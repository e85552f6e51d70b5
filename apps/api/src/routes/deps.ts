import type { Db } from '../db/database.js';
import type { AuthOptions } from '../services/auth.js';
import type { Services } from '../services/index.js';
import type { ProviderSignIn } from '../services/oidc-sign-in.js';

export interface SecurityOptions extends AuthOptions {
  /** Send the session cookie only over HTTPS (set when served over TLS). */
  cookieSecure: boolean;
  /** PUBLIC_URL's origin: when set, the only origin cookie-authenticated writes may come from. */
  publicOrigin: string | null;
}

/** How people sign in: with a password, through the identity provider, or both. */
export interface SignInDeps {
  passwords: boolean;
  oidc: ProviderSignIn | null;
}

/** What every route plugin receives from app.ts: the services, the settings it reads, and the sign-in ways. */
export interface AppDeps {
  db: Db;
  services: Services;
  security: SecurityOptions;
  version: string;
  isDemo: () => boolean;
  signIn: SignInDeps;
}
