/**
 * The roles and who may do what, defined once: the API's access table
 * (apps/api/src/plugins/access.ts: each route names its group in `config.access`) and the web's
 * pages, menu and buttons (`can`) decide with the same lists. No zod here (people.ts builds
 * `roleSchema` from `ROLES`): a bundler keeps every top-level zod call of a module it loads, and
 * the summary's and sign-in page's headers ask `can` without loading zod.
 */
export const ROLES = ['development_manager', 'unit_manager', 'politician'] as const;
export type Role = (typeof ROLES)[number];

export const SIGNED_IN: readonly Role[] = ROLES;
/** Those who work with the figures: the overview, metric pages, exports, notes. */
export const STAFF: readonly Role[] = ['development_manager', 'unit_manager'];
export const DEVELOPMENT_MANAGER: readonly Role[] = ['development_manager'];

/** What each role group may do. */
export const PERMISSIONS = {
  /** The summary, the principles, the catalogue, one's own questions and settings. */
  readSummary: SIGNED_IN,
  /** The figures themselves: the overview, a metric page, exports, comparisons, notes. */
  readFigures: STAFF,
  /** Administration: catalogue, people, audit, imports, organisation, review, the questions' inbox. */
  administer: DEVELOPMENT_MANAGER,
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof PERMISSIONS;

/** Whether a role (or nobody signed in: `null`) may do something. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role != null && PERMISSIONS[action].includes(role);
}
