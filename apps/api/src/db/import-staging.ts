import type { ImportChange, RowCheck } from '@tillit/domain';
import { fromHundredths, toHundredths, type Db } from './database.js';

let nextStage = 0;

// A staged row's key packs unit, metric and year into one integer: (unit << 16) | (metric << 7) |
// (year − 1990). An INTEGER PRIMARY KEY is SQLite's cheapest index, and with units and metrics
// numbered in sorted order the staged rows come out in metric_values' own key order.
const YEAR_BITS = 7;
const METRIC_BITS = 9;
const FIRST_YEAR = 1990;

/**
 * A file's rows on their way in, in TEMP tables of this connection (in SQLite's temp file, not
 * in the JavaScript heap): the primary key finds duplicate rows, and the commit is a few set
 * operations instead of a million round trips. Each import has its own tables, so that two
 * imports at once do not meet; `drop()` removes them (and a crash loses them with the connection).
 */
export function createStaging(db: Db, unitIds: readonly string[], metricKeys: readonly string[]) {
  const n = ++nextStage;
  const table = `temp.import_stage_${n}`;
  const unitsTable = `temp.import_stage_${n}_units`;
  const metricsTable = `temp.import_stage_${n}_metrics`;
  const units = [...unitIds].sort();
  const metrics = [...metricKeys].sort();
  if (metrics.length >= 1 << METRIC_BITS) throw new Error('too many metrics to stage');
  const unitIndex = new Map(units.map((id, i) => [id, i]));
  const metricIndex = new Map(metrics.map((key, i) => [key, i]));

  db.exec(`CREATE TABLE ${table} (k INTEGER PRIMARY KEY, row INTEGER NOT NULL, is_valid INTEGER NOT NULL,
    numerator_c INTEGER, denominator_c INTEGER, group_size INTEGER, source TEXT);
    CREATE TABLE ${unitsTable} (i INTEGER PRIMARY KEY, id TEXT NOT NULL);
    CREATE TABLE ${metricsTable} (i INTEGER PRIMARY KEY, key TEXT NOT NULL);`);
  db.transaction(() => {
    const u = db.prepare(`INSERT INTO ${unitsTable} (i, id) VALUES (?, ?)`);
    units.forEach((id, i) => u.run(i, id));
    const m = db.prepare(`INSERT INTO ${metricsTable} (i, key) VALUES (?, ?)`);
    metrics.forEach((key, i) => m.run(i, key));
  })();

  const insert = db.prepare(
    `INSERT INTO ${table} (k, row, is_valid, numerator_c, denominator_c, group_size, source)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const firstRow = db.prepare(`SELECT row FROM ${table} WHERE k = ?`).pluck();
  // The staged rows as metric_values sees them: unit id, metric key and year unpacked.
  const staged = `(SELECT u.id AS unit_id, m.key AS metric_key, (s.k & ${(1 << YEAR_BITS) - 1}) + ${FIRST_YEAR} AS year,
      s.row, s.numerator_c, s.denominator_c, s.group_size, s.source
    FROM ${table} s JOIN ${unitsTable} u ON u.i = s.k >> ${YEAR_BITS + METRIC_BITS}
      JOIN ${metricsTable} m ON m.i = (s.k >> ${YEAR_BITS}) & ${(1 << METRIC_BITS) - 1}
    WHERE s.is_valid = 1)`;
  const changed = `FROM ${staged} s LEFT JOIN metric_values v ON v.unit_id = s.unit_id AND v.metric_key = s.metric_key AND v.year = s.year
    WHERE v.unit_id IS NULL OR v.numerator_c <> s.numerator_c OR v.denominator_c <> s.denominator_c`;

  const keyOf = (c: RowCheck): number | null => {
    if (!c.key) return null;
    const u = unitIndex.get(c.key.unitId);
    const m = metricIndex.get(c.key.metricKey);
    if (u === undefined || m === undefined) return null;
    return u * 2 ** (YEAR_BITS + METRIC_BITS) + (m << YEAR_BITS) + (c.key.year - FIRST_YEAR);
  };

  /** Stages a batch of checked rows in one transaction; returns, per row, the earlier row it repeats. */
  const add: (checks: readonly RowCheck[]) => (number | null)[] = db.transaction((checks: readonly RowCheck[]) =>
    checks.map((c) => {
      const k = keyOf(c);
      if (k === null) return null;
      const v = c.value;
      const isValid = v !== null && c.errors.length === 0;
      const info = insert.run(
        k,
        c.row,
        isValid ? 1 : 0,
        v ? toHundredths(v.numerator) : null,
        v ? toHundredths(v.denominator) : null,
        v?.groupSize ?? null,
        v?.source ?? null,
      );
      return info.changes === 0 ? (firstRow.get(k) as number) : null;
    }),
  );

  return {
    add,

    /** The first `limit` values that would change (new or different), in row order, and how many in all. */
    changes(limit: number): { changes: ImportChange[]; total: number } {
      const total = db.prepare(`SELECT count(*) ${changed}`).pluck().get() as number;
      const rows = db
        .prepare(
          `SELECT s.unit_id, s.metric_key, s.year, s.numerator_c, s.denominator_c, v.numerator_c, v.denominator_c ${changed}
           ORDER BY s.row LIMIT ?`,
        )
        .raw()
        .all(limit) as [string, string, number, number, number, number | null, number | null][];
      const changes = rows.map(([unitId, metricKey, year, num, den, oldNum, oldDen]) => ({
        unitId,
        metricKey,
        year,
        old: oldNum === null || oldDen === null ? null : { numerator: fromHundredths(oldNum), denominator: fromHundredths(oldDen) },
        new: { numerator: fromHundredths(num), denominator: fromHundredths(den) },
      }));
      return { changes, total };
    },

    /**
     * Writes the staged values as batch `batchId`: first what each replaces (for undo), then the
     * values, their sources created as needed. Call inside the import's transaction.
     */
    commit(batchId: number, defaultSource: string): number {
      db.prepare(
        `INSERT INTO sources (name, url, is_synthetic)
         SELECT DISTINCT coalesce(source, ?), NULL, 0 FROM ${table} WHERE is_valid = 1 ON CONFLICT (name) DO NOTHING`,
      ).run(defaultSource);
      db.prepare(
        `INSERT INTO import_batch_values (batch_id, unit_id, metric_key, year, had_old, old_numerator_c, old_denominator_c,
           old_group_size, old_source_id, old_batch_id, new_numerator_c, new_denominator_c)
         SELECT ?, s.unit_id, s.metric_key, s.year, v.unit_id IS NOT NULL, v.numerator_c, v.denominator_c,
           v.group_size, v.source_id, v.batch_id, s.numerator_c, s.denominator_c
         FROM ${staged} s LEFT JOIN metric_values v ON v.unit_id = s.unit_id AND v.metric_key = s.metric_key AND v.year = s.year`,
      ).run(batchId);
      return db
        .prepare(
          `INSERT INTO metric_values (unit_id, metric_key, year, numerator_c, denominator_c, group_size, source_id, batch_id)
           SELECT s.unit_id, s.metric_key, s.year, s.numerator_c, s.denominator_c, s.group_size, src.id, ?
           FROM ${staged} s JOIN sources src ON src.name = coalesce(s.source, ?) WHERE true
           ON CONFLICT (unit_id, metric_key, year) DO UPDATE SET numerator_c = excluded.numerator_c,
             denominator_c = excluded.denominator_c, group_size = excluded.group_size, source_id = excluded.source_id,
             batch_id = excluded.batch_id`,
        )
        .run(batchId, defaultSource).changes;
    },

    drop(): void {
      db.exec(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${unitsTable}; DROP TABLE IF EXISTS ${metricsTable};`);
    },
  };
}
export type Staging = ReturnType<typeof createStaging>;
