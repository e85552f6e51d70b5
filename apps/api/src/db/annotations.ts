import type { AnnotationVisibility } from '@tillit/domain';
import type { Db } from './database.js';

/**
 * One stored note, a thread's first note (`parentId` null) or a reply. A reply carries copies of
 * its thread's unit, metric, years and visibility, kept equal by `syncReplies`, so that every
 * row can be filtered alone.
 */
export interface AnnotationRecord {
  id: number;
  unitId: string;
  metricKey: string;
  yearFrom: number;
  yearTo: number;
  text: string;
  visibility: AnnotationVisibility;
  parentId: number | null;
  authorId: number;
  author: { username: string; displayName: string };
  createdAt: string;
  updatedAt: string;
}

interface AnnotationRow {
  id: number;
  unit_id: string;
  metric_key: string;
  year_from: number;
  year_to: number;
  text: string;
  visibility: AnnotationVisibility;
  parent_id: number | null;
  author_id: number;
  author_username: string;
  author_display_name: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: AnnotationRow): AnnotationRecord => ({
  id: r.id,
  unitId: r.unit_id,
  metricKey: r.metric_key,
  yearFrom: r.year_from,
  yearTo: r.year_to,
  text: r.text,
  visibility: r.visibility,
  parentId: r.parent_id,
  authorId: r.author_id,
  author: { username: r.author_username, displayName: r.author_display_name },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = `a.id, a.unit_id, a.metric_key, a.year_from, a.year_to, a.text, a.visibility, a.parent_id,
       a.author_id, u.username AS author_username, u.display_name AS author_display_name, a.created_at, a.updated_at`;
const FROM = 'FROM annotations a JOIN users u ON u.id = a.author_id';
const SELECT = `SELECT ${COLUMNS} ${FROM}`;

export function findAnnotation(db: Db, id: number): AnnotationRecord | undefined {
  const r = db.prepare<[number], AnnotationRow>(`${SELECT} WHERE a.id = ?`).get(id);
  return r && toRecord(r);
}

/** The replies to a thread's first note, oldest first. */
export function listReplies(db: Db, parentId: number): AnnotationRecord[] {
  return (db.prepare<[number], AnnotationRow>(`${SELECT} WHERE a.parent_id = ? ORDER BY a.created_at, a.id`).all(parentId)).map(toRecord);
}

/**
 * Every note about one metric of one unit, first notes by year and then age, each reply after
 * the notes before it (callers group them by `parentId`).
 */
export function listForMetricAndUnit(db: Db, metricKey: string, unitId: string): AnnotationRecord[] {
  const rows = db
    .prepare<[string, string], AnnotationRow>(
      `${SELECT}
       WHERE a.metric_key = ? AND a.unit_id = ?
       ORDER BY a.parent_id IS NOT NULL, a.year_from, a.year_to, a.created_at, a.id`,
    )
    .all(metricKey, unitId);
  return rows.map(toRecord);
}

/** The latest first notes about a unit and every unit below it, across metrics, newest first. */
export function listRecentInSubtree(db: Db, unitId: string, limit: number): (AnnotationRecord & { replyCount: number })[] {
  const rows = db
    .prepare<[string, number], AnnotationRow & { reply_count: number }>(
      `WITH RECURSIVE subtree (id) AS (
         SELECT ? UNION SELECT units.id FROM units JOIN subtree ON units.parent_id = subtree.id
       )
       SELECT ${COLUMNS}, (SELECT count(*) FROM annotations r WHERE r.parent_id = a.id) AS reply_count ${FROM}
       WHERE a.parent_id IS NULL AND a.unit_id IN (SELECT id FROM subtree)
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT ?`,
    )
    .all(unitId, limit);
  return rows.map((r) => ({ ...toRecord(r), replyCount: r.reply_count }));
}

/** First notes marked public, optionally of some units only, by metric, unit and year. */
export function listPublicFirstNotes(db: Db, unitIds?: readonly string[]): AnnotationRecord[] {
  if (unitIds !== undefined && unitIds.length === 0) return [];
  const rows = db
    .prepare<string[], AnnotationRow>(
      `${SELECT}
       WHERE a.parent_id IS NULL AND a.visibility = 'public'
       ${unitIds === undefined ? '' : `AND a.unit_id IN (SELECT value FROM json_each(?))`}
       ORDER BY a.metric_key, a.unit_id, a.year_from, a.year_to, a.created_at, a.id`,
    )
    .all(...(unitIds === undefined ? [] : [JSON.stringify(unitIds)]));
  return rows.map(toRecord);
}

export interface NewAnnotation {
  unitId: string;
  metricKey: string;
  yearFrom: number;
  yearTo: number;
  text: string;
  visibility: AnnotationVisibility;
  parentId: number | null;
  authorId: number;
}

/** Call inside a transaction. */
export function insertAnnotation(db: Db, a: NewAnnotation, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO annotations (unit_id, metric_key, year_from, year_to, text, visibility, parent_id, author_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.unitId, a.metricKey, a.yearFrom, a.yearTo, a.text, a.visibility, a.parentId, a.authorId, now, now).lastInsertRowid,
  );
}

/** Call inside a transaction. */
export function updateAnnotation(
  db: Db,
  id: number,
  fields: { text: string; visibility: AnnotationVisibility; yearFrom: number; yearTo: number },
  now: string,
): void {
  db.prepare('UPDATE annotations SET text = ?, visibility = ?, year_from = ?, year_to = ?, updated_at = ? WHERE id = ?').run(
    fields.text,
    fields.visibility,
    fields.yearFrom,
    fields.yearTo,
    now,
    id,
  );
}

/** Gives a thread's replies its first note's years and visibility. Call inside a transaction. */
export function syncReplies(db: Db, parentId: number): void {
  db.prepare(
    `UPDATE annotations SET (year_from, year_to, visibility) =
       (SELECT p.year_from, p.year_to, p.visibility FROM annotations p WHERE p.id = annotations.parent_id)
     WHERE parent_id = ?`,
  ).run(parentId);
}

/** Deletes a note; a first note's replies go with it (ON DELETE CASCADE). Call inside a transaction. */
export function deleteAnnotation(db: Db, id: number): void {
  db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
}
