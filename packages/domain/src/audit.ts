/**
 * The kinds of entry in the audit log: what was written (the entity) and what was done to it.
 * The API's `audit()` takes only these, and the log page has a sentence for each, so a new kind
 * of write cannot reach the log without words for it (a test in the web app checks every one).
 */
export const AUDIT_KINDS = {
  user: ['create', 'update', 'reset_password', 'erase', 'oidc_account_created', 'oidc_role_changed', 'oidc_sign_in', 'oidc_refused'],
  annotation: ['create', 'update', 'delete', 'reply'],
  analysis: ['save_draft', 'publish'],
  data_need: ['create', 'reply'],
  public_link: ['create', 'update', 'revoke'],
  metric: ['create', 'update'],
  principle: ['create', 'update'],
  principle_links: ['update'],
  unit: ['create', 'update', 'close', 'import'],
  reorganisation: ['create'],
  import: ['create', 'undo'],
  import_preview: ['preview'],
  final_year: ['mark_final', 'unmark_final'],
  kolada_import: ['create'],
  kolada_mapping: ['create', 'update', 'delete'],
  audit_log: ['purge'],
  settings: ['update'],
  outbox_message: ['resend'],
} as const satisfies Record<string, readonly string[]>;

export type AuditEntity = keyof typeof AUDIT_KINDS;
export type AuditAction<E extends AuditEntity = AuditEntity> = (typeof AUDIT_KINDS)[E][number];

/** Every entity the log can hold, in the order the log's filter lists them. */
export const AUDIT_ENTITIES = Object.keys(AUDIT_KINDS) as AuditEntity[];

export function isAuditEntity(entity: string): entity is AuditEntity {
  return Object.hasOwn(AUDIT_KINDS, entity);
}

/** Whether an entry's entity and action are a kind the product writes (an older log may hold others). */
export function isAuditKind(entity: string, action: string): boolean {
  return isAuditEntity(entity) && (AUDIT_KINDS[entity] as readonly string[]).includes(action);
}

/**
 * Fields that would hold a figure (a value, its numerator or denominator, a group size). The log
 * never shows a number under these names: a suppressed cell's figure must not reach any page, and
 * the log cannot tell a hidden cell from a shown one.
 */
export const AUDIT_FIGURE_FIELDS: ReadonlySet<string> = new Set(['value', 'numerator', 'denominator', 'groupSize']);
