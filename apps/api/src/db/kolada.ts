import type { KoladaGender, KoladaMapping } from '@tillit/domain';
import type { Db } from './database.js';

interface MappingRow {
  kpi: string;
  metric_key: string;
  label_sv: string;
  label_en: string;
  updated_at: string;
}

const toMapping = (r: MappingRow): KoladaMapping => ({
  kpi: r.kpi,
  metricKey: r.metric_key,
  label: { sv: r.label_sv, en: r.label_en },
  updatedAt: r.updated_at,
});

export function listMappings(db: Db): KoladaMapping[] {
  return (db.prepare<[], MappingRow>('SELECT * FROM kolada_mappings ORDER BY metric_key, kpi').all()).map(toMapping);
}

export function getMapping(db: Db, kpi: string): KoladaMapping | undefined {
  const row = db.prepare<[string], MappingRow>('SELECT * FROM kolada_mappings WHERE kpi = ?').get(kpi);
  return row && toMapping(row);
}

export function mappingsOfMetric(db: Db, metricKey: string): KoladaMapping[] {
  return (db.prepare<[string], MappingRow>('SELECT * FROM kolada_mappings WHERE metric_key = ? ORDER BY kpi').all(metricKey)).map(toMapping);
}

export function upsertMapping(db: Db, m: KoladaMapping): void {
  db.prepare(
    `INSERT INTO kolada_mappings (kpi, metric_key, label_sv, label_en, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kpi) DO UPDATE SET metric_key = excluded.metric_key, label_sv = excluded.label_sv,
       label_en = excluded.label_en, updated_at = excluded.updated_at`,
  ).run(m.kpi, m.metricKey, m.label.sv, m.label.en, m.updatedAt);
}

export function deleteMapping(db: Db, kpi: string): void {
  db.prepare('DELETE FROM kolada_mappings WHERE kpi = ?').run(kpi);
}

/** A year of a KPI for one municipality or unit: the cells an import of that year replaces. */
export interface KoladaPeriodKey {
  kpi: string;
  municipality: string | null;
  ou: string | null;
  period: number;
}

export interface StoredKoladaValue {
  gender: KoladaGender;
  value: number | null;
  status: string | null;
}

export function periodValues(db: Db, k: KoladaPeriodKey): StoredKoladaValue[] {
  return db
    .prepare<[string, string | null, string | null, number], StoredKoladaValue>(
      `SELECT gender, value, status FROM kolada_values
       WHERE kpi = ? AND municipality IS ? AND ou IS ? AND period = ?`,
    )
    .all(k.kpi, k.municipality, k.ou, k.period);
}

/** Removes a year's figures before it is written again; returns how many there were. Call inside a transaction. */
export function deletePeriod(db: Db, k: KoladaPeriodKey): number {
  return db
    .prepare('DELETE FROM kolada_values WHERE kpi = ? AND municipality IS ? AND ou IS ? AND period = ?')
    .run(k.kpi, k.municipality, k.ou, k.period).changes;
}

export function insertImport(
  db: Db,
  i: { fileName: string; origin: 'file' | 'fetch' | 'demo'; createdBy: string | null; createdAt: string; rowsRead: number; rowsWritten: number; replaced: number },
): number {
  const info = db
    .prepare(
      `INSERT INTO kolada_imports (file_name, origin, created_by, created_at, rows_read, rows_written, replaced)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(i.fileName, i.origin, i.createdBy, i.createdAt, i.rowsRead, i.rowsWritten, i.replaced);
  return Number(info.lastInsertRowid);
}

export interface KoladaValueInsert extends KoladaPeriodKey {
  gender: KoladaGender;
  value: number | null;
  status: string | null;
  source: string;
  sourceUrl: string | null;
  isSynthetic: boolean;
  importedAt: string;
  importId: number;
}

export function insertValues(db: Db, rows: Iterable<KoladaValueInsert>): void {
  const stmt = db.prepare(
    `INSERT INTO kolada_values (kpi, municipality, ou, period, gender, value, status, source, source_url, is_synthetic, imported_at, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) {
    stmt.run(r.kpi, r.municipality, r.ou, r.period, r.gender, r.value, r.status, r.source, r.sourceUrl, r.isSynthetic ? 1 : 0, r.importedAt, r.importId);
  }
}

export interface ReferenceRow {
  period: number;
  value: number | null;
  status: string | null;
  source: string;
  sourceUrl: string | null;
  isSynthetic: boolean;
}

/** A KPI's municipality-wide totals (gender T, no unit), oldest first. */
export function municipalityTotals(db: Db, kpi: string, municipality: string): ReferenceRow[] {
  const rows = db
    .prepare<[string, string], { period: number; value: number | null; status: string | null; source: string; source_url: string | null; is_synthetic: number }>(
      `SELECT period, value, status, source, source_url, is_synthetic FROM kolada_values
       WHERE kpi = ? AND municipality = ? AND ou IS NULL AND gender = 'T' ORDER BY period`,
    )
    .all(kpi, municipality);
  return rows.map((r) => ({
    period: r.period,
    value: r.value,
    status: r.status,
    source: r.source,
    sourceUrl: r.source_url,
    isSynthetic: r.is_synthetic === 1,
  }));
}

export function countKoladaValues(db: Db): number {
  return db.prepare<[], number>('SELECT count(*) FROM kolada_values').pluck().get()!;
}
