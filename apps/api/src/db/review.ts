import { OPEN_STATUSES, type AnnotationVisibility, type DataNeedStatus } from '@tillit/domain';
import type { Db } from './database.js';

// SQL for the yearly review: the notes of a year and the open questions, for a set of units.

export interface ReviewNoteRow {
  id: number;
  unitId: string;
  metricKey: string;
  yearFrom: number;
  yearTo: number;
  visibility: AnnotationVisibility;
  text: string;
  authorDisplayName: string;
  replyCount: number;
  createdAt: string;
}

/** First notes whose years include `year`, on any of the units, newest first. */
export function listNotesOfYear(db: Db, unitIds: readonly string[], year: number): ReviewNoteRow[] {
  if (unitIds.length === 0) return [];
  return db
    .prepare<[number, number, string], ReviewNoteRow>(
      `SELECT a.id, a.unit_id AS unitId, a.metric_key AS metricKey, a.year_from AS yearFrom, a.year_to AS yearTo,
              a.visibility, a.text, u.display_name AS authorDisplayName, a.created_at AS createdAt,
              (SELECT count(*) FROM annotations r WHERE r.parent_id = a.id) AS replyCount
       FROM annotations a JOIN users u ON u.id = a.author_id
       WHERE a.parent_id IS NULL AND a.year_from <= ? AND a.year_to >= ?
         AND a.unit_id IN (SELECT value FROM json_each(?))
       ORDER BY a.created_at DESC, a.id DESC`,
    )
    .all(year, year, JSON.stringify(unitIds));
}

export interface ReviewDataNeedRow {
  id: number;
  metricKey: string;
  unitId: string | null;
  text: string;
  status: DataNeedStatus;
  authorDisplayName: string;
  createdAt: string;
}

/**
 * Open questions (received, under consideration, planned) about any of the units, and with
 * `withoutUnit` also those about no unit in particular (the organisation's), newest first.
 */
export function listOpenDataNeeds(db: Db, unitIds: readonly string[], withoutUnit: boolean): ReviewDataNeedRow[] {
  return db
    .prepare<[string, string, number], ReviewDataNeedRow>(
      `SELECT d.id, d.metric_key AS metricKey, d.unit_id AS unitId, d.text, d.status,
              u.display_name AS authorDisplayName, d.created_at AS createdAt
       FROM data_needs d JOIN users u ON u.id = d.author_id
       WHERE d.status IN (SELECT value FROM json_each(?))
         AND (d.unit_id IN (SELECT value FROM json_each(?)) OR (? AND d.unit_id IS NULL))
       ORDER BY d.created_at DESC, d.id DESC`,
    )
    .all(JSON.stringify(OPEN_STATUSES), JSON.stringify(unitIds), withoutUnit ? 1 : 0);
}
