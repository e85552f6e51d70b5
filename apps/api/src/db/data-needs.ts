import type { DataNeedStatus } from '@tillit/domain';
import type { Db } from './database.js';

export interface DataNeedRow {
  id: number;
  metricKey: string;
  unitId: string | null;
  text: string;
  authorId: number;
  authorUsername: string;
  authorDisplayName: string;
  status: DataNeedStatus;
  reply: string | null;
  addedMetricKey: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
  authorReadAt: string | null;
  createdAt: string;
}

const SELECT = `
  SELECT d.id, d.metric_key AS metricKey, d.unit_id AS unitId, d.text, d.author_id AS authorId,
         a.username AS authorUsername, a.display_name AS authorDisplayName, d.status, d.reply,
         d.added_metric_key AS addedMetricKey, r.display_name AS repliedBy, d.replied_at AS repliedAt,
         d.author_read_at AS authorReadAt, d.created_at AS createdAt
  FROM data_needs d
  JOIN users a ON a.id = d.author_id
  LEFT JOIN users r ON r.id = d.replied_by`;

export interface DataNeedFilter {
  authorId?: number;
  status?: DataNeedStatus;
  metricKey?: string;
  unitId?: string;
  createdBefore?: string;
}

export function listDataNeeds(db: Db, f: DataNeedFilter): DataNeedRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    args.push(value);
  };
  add('d.author_id = ?', f.authorId);
  add('d.status = ?', f.status);
  add('d.metric_key = ?', f.metricKey);
  add('d.unit_id = ?', f.unitId);
  add('d.created_at < ?', f.createdBefore);
  return db
    .prepare<(string | number)[], DataNeedRow>(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id DESC`)
    .all(...args);
}

export function findDataNeed(db: Db, id: number): DataNeedRow | undefined {
  return db.prepare<[number], DataNeedRow>(`${SELECT} WHERE d.id = ?`).get(id);
}

export function insertDataNeed(
  db: Db,
  n: { metricKey: string; unitId: string | null; text: string; authorId: number },
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO data_needs (metric_key, unit_id, text, author_id, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'received', ?, ?)`,
      )
      .run(n.metricKey, n.unitId, n.text, n.authorId, now, now).lastInsertRowid,
  );
}

export function updateDataNeedReply(
  db: Db,
  id: number,
  u: { status: DataNeedStatus; reply: string | null; addedMetricKey: string | null; repliedBy: number },
  now: string,
): void {
  db.prepare(
    `UPDATE data_needs SET status = ?, reply = ?, added_metric_key = ?, replied_by = ?, replied_at = ?, updated_at = ?
     WHERE id = ?`,
  ).run(u.status, u.reply, u.addedMetricKey, u.repliedBy, now, now, id);
}

export function markDataNeedRead(db: Db, id: number, now: string): void {
  db.prepare('UPDATE data_needs SET author_read_at = ? WHERE id = ?').run(now, id);
}

export function dataNeedTimes(db: Db): { status: DataNeedStatus; createdAt: string; repliedAt: string | null }[] {
  return db.prepare<[], {
    status: DataNeedStatus;
    createdAt: string;
    repliedAt: string | null;
  }>('SELECT status, created_at AS createdAt, replied_at AS repliedAt FROM data_needs').all();
}
