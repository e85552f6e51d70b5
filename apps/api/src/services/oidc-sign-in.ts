import type { OidcConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { AuthService } from './auth.js';
import { createOidcAccounts, type OidcAccounts } from './oidc-accounts.js';
import type { ServiceLog } from './log.js';
import { createOidcService, type OidcService } from './oidc.js';

/** Sign-in through the identity provider: the protocol, the accounts, and the site's own origin. */
export interface ProviderSignIn {
  service: OidcService;
  accounts: OidcAccounts;
  /** PUBLIC_URL's origin: the site `next` must stay on. */
  publicOrigin: string;
}

export function createProviderSignIn(
  db: Db,
  settings: OidcConfig & { retryMs?: number },
  { auth, log }: { auth: AuthService; log: Pick<ServiceLog, 'info' | 'warn'> },
): ProviderSignIn {
  return {
    service: createOidcService({ settings, log, retryMs: settings.retryMs }),
    accounts: createOidcAccounts(db, settings, auth),
    publicOrigin: new URL(settings.postLogoutRedirectUri).origin,
  };
}
