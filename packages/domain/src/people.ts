import { z } from 'zod';
import { containsUsername, PASSWORD_MESSAGES, passwordProblem } from './password-policy.js';
import { ROLES, type Role } from './roles.js';
import type { Unit } from './schemas.js';

export const roleSchema = z.enum(ROLES);

export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'Användarnamnet behöver minst två tecken')
  .max(64)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'Användarnamnet får bara innehålla bokstäver a–z, siffror och . _ @ -');

/** A new password, by the policy of `password-policy.ts`; the user name is checked where it is known. */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, 'Ange ditt användarnamn').max(200),
  password: z.string().min(1, 'Ange ditt lösenord').max(500),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meResponseSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitIds: z.array(z.string()).describe('The units a unit manager writes in, each with its subtree'),
});
export type Me = z.infer<typeof meResponseSchema>;

export const demoAccountsResponseSchema = z.object({
  password: z.string().nullable(),
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
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitIds: z.array(z.string()),
  email: z.string().nullable().describe('For mail from Tillit; from the identity provider for its accounts'),
  isActive: z.boolean(),
  isProviderAccount: z
    .boolean()
    .describe("Signs in through the organisation's identity provider, which sets the role (and units with OIDC_UNIT_CLAIM) at every sign-in"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserResponse = z.infer<typeof userResponseSchema>;
export const usersResponseSchema = z.array(userResponseSchema);

const displayNameSchema = z.string().trim().min(1, 'Ange ett namn').max(200);

/** An e-mail address, or none: an empty field clears it. */
export const userEmailSchema = z
  .string()
  .trim()
  .max(254, 'E-postadressen får vara högst 254 tecken')
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .pipe(z.email('Ange en giltig e-postadress, t.ex. anna.andersson@kommun.se').nullable())
  .nullable();
const unitIdsSchema = z.array(z.string().trim().min(1).max(64)).max(200);

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    unitIds: unitIdsSchema.default([]),
    email: userEmailSchema.default(null),
    password: passwordSchema,
  })
  .refine((u) => u.role !== 'unit_manager' || u.unitIds.length > 0, {
    message: 'En enhetschef behöver minst en enhet',
    path: ['unitIds'],
  })
  .refine((u) => !containsUsername(u.password, u.username), { message: PASSWORD_MESSAGES.containsUsername, path: ['password'] });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    unitIds: unitIdsSchema.optional(),
    email: userEmailSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Ange minst ett fält att ändra' });
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const passwordResetSchema = z.object({ password: passwordSchema });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditEntriesResponseSchema = z.array(auditEntrySchema);

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  entity: z.string().trim().min(1).max(64).optional(),
});
