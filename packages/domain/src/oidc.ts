import { z } from 'zod/mini';
import { roleSchema } from './people.js';
import type { Role } from './roles.js';

/**
 * Sign-in through the organisation's identity provider (OpenID Connect): the pure rules. Which
 * provider values give which role (OIDC_ROLE_MAP), how claims are read, and what the sign-in
 * page is told. The protocol itself lives in the API (services/oidc.ts).
 */

/** The claims of an ID token or a userinfo answer: a JSON object. */
export type Claims = Readonly<Record<string, unknown>>;

/** Stronger roles first: a person with several mapped values gets the first of these they have. */
export const ROLE_STRENGTH: readonly Role[] = ['development_manager', 'unit_manager', 'politician'];

/** Provider values (app roles, group names or ids) and the Tillit role each gives. */
export type RoleMap = ReadonlyMap<string, Role>;

/**
 * OIDC_ROLE_MAP: `value=role` entries separated by commas, or by semicolons when a value itself
 * holds commas (an LDAP group's DN). The role after the last `=` is one of Tillit's three.
 */
export function parseRoleMap(text: string): { map: RoleMap } | { error: string } {
  const separator = text.includes(';') ? ';' : ',';
  const map = new Map<string, Role>();
  const wrong: string[] = [];
  for (const entry of text.split(separator).map((e) => e.trim()).filter((e) => e.length > 0)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, Math.max(at, 0)).trim();
    const role = roleSchema.safeParse(entry.slice(at + 1).trim());
    if (at <= 0 || value === '' || !role.success) wrong.push(entry);
    else map.set(value, role.data);
  }
  if (wrong.length > 0) {
    return { error: `Skriv värde=roll med roller ${roleSchema.options.join(', ')} (fel: ${wrong.join(', ')})` };
  }
  if (map.size === 0) return { error: 'Ange minst ett värde=roll, t.ex. tillit-utvecklingschef=development_manager' };
  return { map };
}

const asStrings = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'number' ? [String(v)] : []));
};

/**
 * The values of a claim as strings: a string is one value, an array its strings. `name` is the
 * claim's name, or a dotted path into nested claims (Keycloak's `realm_access.roles`) when no
 * claim has that name itself (names such as `https://kommun.se/roles` hold dots too).
 */
export function claimValues(claims: Claims, name: string): string[] {
  if (Object.hasOwn(claims, name)) return asStrings(claims[name]);
  let current: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, part)) return [];
    current = (current as Record<string, unknown>)[part];
  }
  return asStrings(current);
}

/** The strongest role the values give, or null when none of them is mapped. */
export function strongestRole(values: readonly string[], map: RoleMap): Role | null {
  const given = new Set(values.flatMap((v) => {
    const role = map.get(v);
    return role ? [role] : [];
  }));
  return ROLE_STRENGTH.find((r) => given.has(r)) ?? null;
}

/**
 * The claims of the ID token and of the userinfo answer as one: the ID token's own values win
 * for single values; a list claim (roles, groups, units) holds the values of both.
 */
export function mergeClaims(idToken: Claims, userinfo: Claims | null, listClaims: readonly string[]): Claims {
  if (!userinfo) return idToken;
  const merged: Record<string, unknown> = { ...userinfo, ...idToken };
  for (const name of listClaims) {
    const values = [...new Set([...claimValues(idToken, name), ...claimValues(userinfo, name)])];
    if (values.length > 0) merged[name] = values;
  }
  return merged;
}

const emailSchema = z.email().check(z.maxLength(254));
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** An e-mail address: `email`, else `preferred_username` when it is one (Entra's UPN often is). */
export function emailFromClaims(claims: Claims): string | null {
  for (const candidate of [text(claims.email), text(claims.preferred_username)]) {
    if (candidate && emailSchema.safeParse(candidate).success) return candidate.toLowerCase();
  }
  return null;
}

/** The person's name as the provider gives it, at most 200 characters. */
export function displayNameFromClaims(claims: Claims): string {
  const given = [text(claims.given_name), text(claims.family_name)].filter((p) => p !== null).join(' ');
  const name = text(claims.name) ?? (given || null) ?? text(claims.preferred_username) ?? text(claims.email) ?? text(claims.sub) ?? '?';
  return name.slice(0, 200);
}

/**
 * Whom an account belongs to: the issuer and its `sub`; for Microsoft Entra ID the tenant and the
 * person's object id (`tid`, `oid`), which stay the same across the v1 and v2 endpoints and
 * across apps, when the token has both.
 */
export function identityFromClaims(issuer: string, claims: Claims): { issuer: string; subject: string } | null {
  const oid = text(claims.oid);
  const tid = text(claims.tid);
  if (oid && tid) return { issuer: `entra:${tid}`, subject: oid };
  const sub = text(claims.sub);
  return sub ? { issuer, subject: sub } : null;
}

/** Why a provider sign-in ended without a session: the sign-in page words each (`/login?error=…`). */
export const signInErrorSchema = z.enum([
  // The provider vouched for the person, but their claims give no role in Tillit.
  'no_role',
  // The account is deactivated in Tillit.
  'inactive',
  // The callback matched no sign-in begun in this browser, or one begun too long ago or already used.
  'expired',
  // The person cancelled, or the provider refused (its `error`).
  'denied',
  // The answer did not hold: wrong state, a code the provider refused, an ID token that failed its checks.
  'failed',
  // The provider could not be reached.
  'unavailable',
]);
export type SignInErrorCode = z.infer<typeof signInErrorSchema>;

/** What the sign-in page shows: the password form, the provider's button, or both. */
export const providersResponseSchema = z.object({
  passwords: z.boolean().check(z.describe('Whether password sign-in is on (AUTH_PASSWORDS)')),
  oidc: z.nullable(z.object({
      name: z.nullable(z.string()).check(z.describe('OIDC_DISPLAY_NAME: "Logga in med <name>"; null for the default wording')),
      loginUrl: z.string(),
      isReachable: z.boolean().check(z.describe('False while the provider cannot be reached (discovery is retried)')),
    })),
});
export type ProvidersResponse = z.infer<typeof providersResponseSchema>;

/** Answer to a sign-out: where the browser goes to end the provider's session too. */
export const logoutResponseSchema = z.object({
  endSessionUrl: z.string().check(z.describe("The provider's end_session_endpoint (RP-initiated logout)")),
});
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;
