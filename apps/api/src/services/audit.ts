import type { AuditAction, AuditEntity } from '@tillit/domain';
import { insertAudit, listAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';

/** Who is writing: the signed-in person (or a command-line tool) and the request. */
export interface Actor {
  userId: number | null;
  username: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', requestId: null };

/**
 * Records a write in the audit log. Call inside the write's transaction. Only the kinds the
 * domain lists (`AUDIT_KINDS`) type-check, so the log page has words for every entry.
 */
export function audit<E extends AuditEntity>(
  db: Db,
  actor: Actor,
  action: AuditAction<E>,
  entity: E,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
): void {
  insertAudit(
    db,
    {
      userId: actor.userId,
      username: actor.username,
      requestId: actor.requestId,
      action,
      entity,
      entityId: entityId === null ? null : String(entityId),
      before,
      after,
    },
    new Date().toISOString(),
  );
}

/** The audit log as the development manager reads it (`GET /api/audit`), newest first. */
export function createAuditLogService(db: Db) {
  return {
    list: (options: { limit: number; beforeId?: number; entity?: string }) =>
      listAudit(db, options).map(({ userId: _userId, ...entry }) => entry),
  };
}
