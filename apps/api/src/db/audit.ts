import type { Db } from './database.js';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditRow extends Omit<AuditEntry, 'before' | 'after'> {
  id: number;
  at: string;
  before: unknown;
  after: unknown;
}

/** Records a write. Call inside the write's own transaction, so both land or neither. */
export function insertAudit(db: Db, e: AuditEntry, at: string): void {
  db.prepare(
    `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before_json, after_json, request_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    e.userId,
    e.username,
    e.action,
    e.entity,
    e.entityId,
    e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
    e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    e.requestId,
  );
}

export function listAudit(db: Db, options: { limit: number; beforeId?: number; entity?: string }): AuditRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (options.beforeId !== undefined) {
    where.push('id < ?');
    args.push(options.beforeId);
  }
  if (options.entity !== undefined) {
    where.push('entity = ?');
    args.push(options.entity);
  }
  const rows = db
    .prepare<[...(string | number)[], number], Omit<AuditRow, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null }>(
      `SELECT id, at, user_id AS userId, username, action, entity, entity_id AS entityId,
              before_json AS beforeJson, after_json AS afterJson, request_id AS requestId
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...args, options.limit);
  return rows.map(({ beforeJson, afterJson, ...r }) => ({
    ...r,
    before: beforeJson === null ? null : (JSON.parse(beforeJson) as unknown),
    after: afterJson === null ? null : (JSON.parse(afterJson) as unknown),
  }));
}
