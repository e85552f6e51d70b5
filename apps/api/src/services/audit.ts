import { insertAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';

/** Who is writing: the signed-in person (or a command-line tool) and the request. */
export interface Actor {
  userId: number | null;
  username: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', requestId: null };

/** Records a write in the audit log. Call inside the write's transaction. */
export function audit(
  db: Db,
  actor: Actor,
  action: string,
  entity: string,
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
