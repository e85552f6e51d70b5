import { z } from 'zod/mini';
import { containsUsername, PASSWORD_MESSAGES, passwordProblem } from './password-policy.js';
import { ROLES, type Role } from './roles.js';
import type { Unit } from './schemas.js';

export const roleSchema = z.enum(ROLES);

export const usernameSchema = z.string().check(
  z.trim(),
  z.minLength(2, 'Användarnamnet behöver minst två tecken'),
  z.maxLength(64),
  z.regex(/^[a-zA-Z0-9._@-]+$/, 'Användarnamnet får bara innehålla bokstäver a–z, siffror och . _ @ -'),
);

/** A new password, by the policy of `password-policy.ts`; the user name is checked where it is known. */
export const passwordSchema = z.string().check(z.superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}));

export const loginBodySchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'Ange ditt användarnamn'), z.maxLength(200)),
  password: z.string().check(z.minLength(1, 'Ange ditt lösenord'), z.maxLength(500)),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meResponseSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitIds: z.array(z.string()).check(z.describe('The units a unit manager writes in, each with its subtree')),
});
export type Me = z.infer<typeof meResponseSchema>;

export const demoAccountsResponseSchema = z.object({
  password: z.nullable(z.string()),
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: roleSchema })),
});
export type DemoAccounts = z.infer<typeof demoAccountsResponseSchema>;

/**
 * Whether a unit lies within a person's scope: one of their units or below one. The development
 * manager's scope is everything; a politician's is nothing to write in.
 */
export function isUnitInScope(
  user: { role: Role; unitIds: readonly string[] },
  unitId: string,
  units: ReadonlyMap<string, Pick<Unit, 'parentId'>>,
): boolean {
  if (user.role === 'development_manager') return true;
  if (user.role !== 'unit_manager') return false;
  const assigned = new Set(user.unitIds);
  let cur: string | null = unitId;
  for (let depth = 0; cur !== null && depth <= units.size; depth++) {
    if (assigned.has(cur)) return true;
    cur = units.get(cur)?.parentId ?? null;
  }
  return false;
}

export const userResponseSchema = z.object({
  id: z.int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitIds: z.array(z.string()),
  email: z.nullable(z.string()).check(z.describe('For mail from Tillit; from the identity provider for its accounts')),
  isActive: z.boolean(),
  isProviderAccount: z.boolean().check(
    z.describe("Signs in through the organisation's identity provider, which sets the role (and units with OIDC_UNIT_CLAIM) at every sign-in"),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserResponse = z.infer<typeof userResponseSchema>;
export const usersResponseSchema = z.array(userResponseSchema);

const displayNameSchema = z.string().check(z.trim(), z.minLength(1, 'Ange ett namn'), z.maxLength(200));

/** An e-mail address, or none: an empty field clears it. */
export const userEmailSchema = z.nullable(
  z.pipe(
    z.pipe(
      z.string().check(z.trim(), z.maxLength(254, 'E-postadressen får vara högst 254 tecken')),
      z.transform((v) => (v === '' ? null : v.toLowerCase())),
    ),
    z.nullable(z.email('Ange en giltig e-postadress, t.ex. anna.andersson@kommun.se')),
  ),
);
const unitIdsSchema = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))).check(z.maxLength(200));

export const userCreateSchema = z.object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    unitIds: z._default(unitIdsSchema, []),
    email: z._default(userEmailSchema, null),
    password: passwordSchema,
  }).check(z.refine((u) => u.role !== 'unit_manager' || u.unitIds.length > 0, {
    message: 'En enhetschef behöver minst en enhet',
    path: ['unitIds'],
  }), z.refine((u) => !containsUsername(u.password, u.username), { message: PASSWORD_MESSAGES.containsUsername, path: ['password'] }));
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
    displayName: z.optional(displayNameSchema),
    role: z.optional(roleSchema),
    unitIds: z.optional(unitIdsSchema),
    email: z.optional(userEmailSchema),
    isActive: z.optional(z.boolean()),
  }).check(z.refine((u) => Object.keys(u).length > 0, { message: 'Ange minst ett fält att ändra' }));
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const passwordResetSchema = z.object({ password: passwordSchema });

export const auditEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  username: z.nullable(z.string()),
  action: z.string(),
  entity: z.string(),
  entityId: z.nullable(z.string()),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditEntriesResponseSchema = z.array(auditEntrySchema);

export const auditQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  before: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  entity: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
});
