import type { AnalysisStatus, AnalysisVersion } from '@tillit/domain';
import type { Db } from './database.js';

// SQL for the development manager's analyses (migration 017): one row per unit, metric and year,
// and every saved text as a version of it.

export interface AnalysisHead {
  id: number;
  unitId: string;
  metricKey: string;
  year: number;
}

const HEAD = 'SELECT id, unit_id AS unitId, metric_key AS metricKey, year FROM analyses';

export function findAnalysisHead(db: Db, unitId: string, metricKey: string, year: number): AnalysisHead | undefined {
  return db.prepare<[string, string, number], AnalysisHead>(`${HEAD} WHERE unit_id = ? AND metric_key = ? AND year = ?`).get(unitId, metricKey, year);
}

/** The analyses of one unit and year, by metric. */
export function listAnalysisHeads(db: Db, unitId: string, year: number): AnalysisHead[] {
  return db.prepare<[string, number], AnalysisHead>(`${HEAD} WHERE unit_id = ? AND year = ? ORDER BY metric_key`).all(unitId, year);
}

/** Call inside a transaction. */
export function insertAnalysisHead(db: Db, head: Omit<AnalysisHead, 'id'>, now: string): number {
  return Number(
    db
      .prepare('INSERT INTO analyses (unit_id, metric_key, year, created_at) VALUES (?, ?, ?, ?)')
      .run(head.unitId, head.metricKey, head.year, now).lastInsertRowid,
  );
}

/** Every version of the given analyses, oldest first, with the writer's display name. */
export function listAnalysisVersions(db: Db, analysisIds: readonly number[]): (AnalysisVersion & { analysisId: number })[] {
  if (analysisIds.length === 0) return [];
  return db
    .prepare<[string], AnalysisVersion & { analysisId: number }>(
      `SELECT v.analysis_id AS analysisId, v.version, v.text, v.status, v.written_at AS writtenAt, u.display_name AS writtenBy
       FROM analysis_versions v JOIN users u ON u.id = v.written_by
       WHERE v.analysis_id IN (SELECT value FROM json_each(?))
       ORDER BY v.analysis_id, v.version`,
    )
    .all(JSON.stringify(analysisIds));
}

/** Call inside a transaction. */
export function insertAnalysisVersion(
  db: Db,
  v: { analysisId: number; version: number; text: string; status: AnalysisStatus; writtenBy: number },
  now: string,
): void {
  db.prepare('INSERT INTO analysis_versions (analysis_id, version, text, status, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    v.analysisId,
    v.version,
    v.text,
    v.status,
    v.writtenBy,
    now,
  );
}

/**
 * The newest published version of every analysis of a unit, newest year first: what the summary
 * may show. A draft is never selected, whatever is newer.
 */
export function listPublishedAnalyses(db: Db, unitId: string): { metricKey: string; year: number; text: string; publishedAt: string }[] {
  return db
    .prepare<[string], { metricKey: string; year: number; text: string; publishedAt: string }>(
      `SELECT a.metric_key AS metricKey, a.year, v.text, v.written_at AS publishedAt
       FROM analyses a
       JOIN analysis_versions v ON v.analysis_id = a.id AND v.status = 'published'
       WHERE a.unit_id = ?
         AND v.version = (SELECT max(p.version) FROM analysis_versions p WHERE p.analysis_id = a.id AND p.status = 'published')
       ORDER BY a.year DESC, a.metric_key`,
    )
    .all(unitId);
}
