import type { LocalizedText, MetricDefinitionVersion } from '@tillit/domain';
import type { Db } from './database.js';

interface VersionRow {
  metric_key: string;
  version: number;
  valid_from_year: number;
  definition_sv: string;
  definition_en: string;
  numerator_sv: string;
  numerator_en: string;
  denominator_sv: string;
  denominator_en: string;
  changed_by: string | null;
  changed_at: string;
  note: string | null;
}

export interface NewVersion {
  metricKey: string;
  version: number;
  validFromYear: number;
  definition: LocalizedText;
  numerator: LocalizedText;
  denominator: LocalizedText;
  changedBy: string | null;
  changedAt: string;
  note: string | null;
}

const toVersion = (r: VersionRow): MetricDefinitionVersion => ({
  metricKey: r.metric_key,
  version: r.version,
  validFromYear: r.valid_from_year,
  definition: { sv: r.definition_sv, en: r.definition_en },
  numerator: { sv: r.numerator_sv, en: r.numerator_en },
  denominator: { sv: r.denominator_sv, en: r.denominator_en },
  changedBy: r.changed_by,
  changedAt: r.changed_at,
  note: r.note,
});

/** A metric's definition versions, newest first. */
export function listDefinitionVersions(db: Db, metricKey: string): MetricDefinitionVersion[] {
  const rows = db
    .prepare<[string], VersionRow>('SELECT * FROM metric_definition_versions WHERE metric_key = ? ORDER BY version DESC')
    .all(metricKey);
  return rows.map(toVersion);
}

export function insertDefinitionVersion(db: Db, v: NewVersion): void {
  db.prepare(
    `INSERT INTO metric_definition_versions (metric_key, version, valid_from_year, definition_sv, definition_en,
       numerator_sv, numerator_en, denominator_sv, denominator_en, changed_by, changed_at, note)
     VALUES (@metric_key, @version, @valid_from_year, @definition_sv, @definition_en,
       @numerator_sv, @numerator_en, @denominator_sv, @denominator_en, @changed_by, @changed_at, @note)`,
  ).run({
    metric_key: v.metricKey,
    version: v.version,
    valid_from_year: v.validFromYear,
    definition_sv: v.definition.sv,
    definition_en: v.definition.en,
    numerator_sv: v.numerator.sv,
    numerator_en: v.numerator.en,
    denominator_sv: v.denominator.sv,
    denominator_en: v.denominator.en,
    changed_by: v.changedBy,
    changed_at: v.changedAt,
    note: v.note,
  });
}

/** The first year a metric has any reported figure, or null. */
export function firstYearOf(db: Db, metricKey: string): number | null {
  const row = db.prepare<[string], {
    y: number | null;
  }>('SELECT MIN(year) AS y FROM metric_values WHERE metric_key = ?').get(metricKey)!;
  return row.y;
}

export function principleExists(db: Db, key: string): boolean {
  return db.prepare('SELECT 1 FROM principles WHERE key = ?').get(key) !== undefined;
}

export function maxPrincipleSortOrder(db: Db): number {
  return (db.prepare<[], { m: number }>('SELECT COALESCE(MAX(sort_order), 0) AS m FROM principles').get()!).m;
}

/** Replaces the metrics linked to a principle. Call inside a transaction. */
export function setPrincipleLinks(db: Db, principleKey: string, metricKeys: readonly string[]): void {
  db.prepare('DELETE FROM metric_principles WHERE principle_key = ?').run(principleKey);
  const link = db.prepare('INSERT INTO metric_principles (metric_key, principle_key) VALUES (?, ?)');
  for (const m of new Set(metricKeys)) link.run(m, principleKey);
}
