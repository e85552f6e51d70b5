import { createHash } from 'node:crypto';
import {
  claimValues,
  displayNameFromClaims,
  emailFromClaims,
  identityFromClaims,
  strongestRole,
  type Claims,
  type Role,
  type SignInErrorCode,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import { listUnits } from '../db/units.js';
import {
  deleteSessionsOfUser,
  findUserById,
  findUserByOidcIdentity,
  insertUser,
  isUsernameTaken,
  setUserUnits,
  updateUser,
  type UserRow,
} from '../db/users.js';
import type { OidcConfig } from '../config.js';
import { audit, type Actor } from './audit.js';
import type { AuthService } from './auth.js';

/**
 * The accounts of people who sign in through the identity provider: made at their first sign-in
 * (just in time), brought up to date at every later one (name, e-mail, role and, with
 * OIDC_UNIT_CLAIM, units), and never matched to a local account by name or address. Every
 * sign-in, refusal and role change is written to the audit log in the sign-in's transaction.
 */

export type ProviderSignIn =
  | { ok: true; user: UserRow; token: string; expiresAt: string }
  | { ok: false; error: Extract<SignInErrorCode, 'no_role' | 'inactive' | 'failed'>; reason: string };

/** What the audit log keeps of a provider account: who, and what they may do. */
const accessOf = (u: Pick<UserRow, 'role' | 'unitIds'>) => ({ role: u.role, unitIds: u.unitIds });
const profileOf = (u: UserRow) => ({ username: u.username, displayName: u.displayName, email: u.email, ...accessOf(u) });

const USERNAME_UNSAFE = /[^a-z0-9._@-]/g;

export function createOidcAccounts(db: Db, settings: OidcConfig, auth: AuthService) {
  /** A free user name from the claims: their user name or address, else `sso-` and a short hash. */
  const newUsername = (claims: Claims, subject: string): string => {
    const wanted = [claims.preferred_username, claims.email].find((v): v is string => typeof v === 'string' && v.trim() !== '');
    const cleaned = (wanted ?? '').trim().toLowerCase().replace(USERNAME_UNSAFE, '').slice(0, 56);
    const base = cleaned.length >= 2 ? cleaned : `sso-${createHash('sha256').update(subject).digest('hex').slice(0, 10)}`;
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!isUsernameTaken(db, candidate)) return candidate;
    }
    return `sso-${createHash('sha256').update(`${subject}:${Date.now()}`).digest('hex').slice(0, 16)}`;
  };

  /** A unit manager's units from OIDC_UNIT_CLAIM: the values that are unit ids; null without the setting. */
  const unitsFromClaims = (claims: Claims): string[] | null => {
    if (!settings.unitClaim) return null;
    const known = new Set(listUnits(db).map((u) => u.id));
    return [...new Set(claimValues(claims, settings.unitClaim))].filter((id) => known.has(id)).sort();
  };

  return {
    /**
     * Signs in the person the provider vouched for: finds or makes their account, sets what the
     * claims give, and starts a session with the ID token, all in one transaction. Refuses a
     * person whose claims give no role, and an account deactivated in Tillit.
     */
    signIn(claims: Claims, idToken: string, requestId: string): ProviderSignIn {
      const identity = identityFromClaims(settings.issuer, claims);
      if (!identity) return { ok: false, error: 'failed', reason: 'the ID token has no sub' };
      const roleValues = claimValues(claims, settings.roleClaim);
      const role: Role | null = strongestRole(roleValues, settings.roleMap);
      const displayName = displayNameFromClaims(claims);
      const email = emailFromClaims(claims);
      const claimedUnits = unitsFromClaims(claims);

      return db.transaction((): ProviderSignIn => {
        const existing = findUserByOidcIdentity(db, identity.issuer, identity.subject);
        const actor: Actor = { userId: existing?.id ?? null, username: existing?.username ?? email ?? displayName, requestId };
        const refuse = (error: 'no_role' | 'inactive', reason: string): ProviderSignIn => {
          audit(db, actor, 'oidc_refused', 'user', existing?.id ?? null, existing ? profileOf(existing) : null, {
            reason: error,
            issuer: identity.issuer,
            subject: identity.subject,
            displayName,
            email,
            [settings.roleClaim]: roleValues,
          });
          return { ok: false, error, reason };
        };

        if (existing && !existing.isActive) return refuse('inactive', `account ${existing.username} is deactivated in Tillit`);
        if (!role) {
          // The role was taken away at the provider: whatever sessions remain end now too.
          if (existing) deleteSessionsOfUser(db, existing.id);
          return refuse('no_role', `no value of the claim ${settings.roleClaim} is in OIDC_ROLE_MAP (${roleValues.length} values)`);
        }

        const now = new Date().toISOString();
        let userId: number;
        if (!existing) {
          const unitIds = role === 'unit_manager' ? (claimedUnits ?? []) : [];
          const username = newUsername(claims, identity.subject);
          userId = insertUser(db, { username, displayName, role, passwordHash: '', unitIds, email, oidc: identity }, now);
          audit(db, { ...actor, userId, username }, 'oidc_account_created', 'user', userId, null, profileOf(findUserById(db, userId)!));
        } else {
          userId = existing.id;
          // Without OIDC_UNIT_CLAIM, a unit manager keeps the units the development manager gave.
          const unitIds = role === 'unit_manager' ? (claimedUnits ?? existing.unitIds) : [];
          updateUser(db, userId, { displayName, role, email: email ?? existing.email }, now);
          setUserUnits(db, userId, unitIds);
          const isChanged = existing.role !== role || existing.unitIds.join('\u0000') !== [...new Set(unitIds)].sort().join('\u0000');
          if (isChanged) audit(db, actor, 'oidc_role_changed', 'user', userId, accessOf(existing), { role, unitIds: [...new Set(unitIds)].sort() });
        }
        const user = findUserById(db, userId)!;
        audit(db, { ...actor, userId, username: user.username }, 'oidc_sign_in', 'user', userId, existing ? profileOf(existing) : null, profileOf(user));
        const { token, expiresAt } = auth.startSession(userId, idToken);
        return { ok: true, user, token, expiresAt };
      })();
    },

    /**
     * A sign-in begun here that failed at the provider or in the protocol's checks: written to
     * the audit log (stray callbacks with no sign-in begun are only logged).
     */
    recordFailure(error: SignInErrorCode, reason: string, requestId: string): void {
      db.transaction(() => {
        audit(db, { userId: null, username: null, requestId }, 'oidc_refused', 'user', null, null, { reason: error, detail: reason.slice(0, 500) });
      })();
    },
  };
}
export type OidcAccounts = ReturnType<typeof createOidcAccounts>;
