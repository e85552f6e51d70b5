import type { ValueRow, YearContribution } from '@tillit/domain';
import { fromHundredths, toHundredths, type Db } from './database.js';

export interface SourceRow {
  id: number;
  name: string;
  url: string | null;
  isSynthetic: boolean;
}

export function listSources(db: Db): SourceRow[] {
  const rows = db.prepare<[], {
    id: number;
    name: string;
    url: string | null;
    is_synthetic: number;
  }>('SELECT id, name, url, is_synthetic FROM sources').all();
  return rows.map((r) => ({ id: r.id, name: r.name, url: r.url, isSynthetic: r.is_synthetic === 1 }));
}

/** The id of a source, created when new. Call inside a transaction. */
export function ensureSource(db: Db, name: string, isSynthetic: boolean, url: string | null = null): number {
  db.prepare('INSERT INTO sources (name, url, is_synthetic) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING').run(
    name,
    url,
    isSynthetic ? 1 : 0,
  );
  return db.prepare<[string], number>('SELECT id FROM sources WHERE name = ?').pluck().get(name)!;
}

/** Every figure reported for a metric, with its source's name. */
export function listContributions(db: Db, metricKey: string): YearContribution[] {
  const rows = db
    .prepare<[string], [string, number, number, number, number | null, string]>(
      `SELECT v.unit_id, v.year, v.numerator_c, v.denominator_c, v.group_size, s.name AS source
       FROM metric_values v JOIN sources s ON s.id = v.source_id WHERE v.metric_key = ?`,
    )
    .raw()
    .all(metricKey);
  // SQLite gives a new string per row; the figures built from these are kept for long, so each
  // unit's id and each source's name is kept once (240,000 rows name about 2,000 units).
  const names = new Map<string, string>();
  const once = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  return rows.map(([unitId, year, n, d, groupSize, source]) => ({
    unitId: once(unitId),
    year,
    numerator: fromHundredths(n),
    denominator: fromHundredths(d),
    groupSize,
    source: once(source),
  }));
}

export interface ValueInsert extends ValueRow {
  sourceId: number;
  /** The import batch the figure came from; null (the default) for any other write. */
  batchId?: number | null;
}

/** Writes figures, replacing any for the same unit, metric and year. Call inside a transaction. */
export function upsertValues(db: Db, values: Iterable<ValueInsert>): number {
  const stmt = db.prepare(
    `INSERT INTO metric_values (unit_id, metric_key, year, numerator_c, denominator_c, group_size, source_id, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, metric_key, year) DO UPDATE SET numerator_c = excluded.numerator_c,
       denominator_c = excluded.denominator_c, group_size = excluded.group_size, source_id = excluded.source_id,
       batch_id = excluded.batch_id`,
  );
  let n = 0;
  for (const v of values) {
    stmt.run(
      v.unitId,
      v.metricKey,
      v.year,
      toHundredths(v.numerator),
      toHundredths(v.denominator),
      v.groupSize,
      v.sourceId,
      v.batchId ?? null,
    );
    n++;
  }
  return n;
}

export interface PublishedFigure {
  unitId: string;
  metricKey: string;
  year: number;
  value: number;
  source: string;
}

export function listPublishedFigures(db: Db, metricKey: string): PublishedFigure[] {
  return db
    .prepare<[string], PublishedFigure>(
      `SELECT p.unit_id AS unitId, p.metric_key AS metricKey, p.year, p.value, s.name AS source
       FROM published_figures p JOIN sources s ON s.id = p.source_id WHERE p.metric_key = ?`,
    )
    .all(metricKey);
}

export function insertPublishedFigure(db: Db, f: Omit<PublishedFigure, 'source'> & { sourceId: number }): void {
  db.prepare(
    'INSERT INTO published_figures (unit_id, metric_key, year, value, source_id) VALUES (?, ?, ?, ?, ?)',
  ).run(f.unitId, f.metricKey, f.year, f.value, f.sourceId);
}
