import type { PairC, RowCheck } from '@tillit/domain';
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
/** How a row is staged: a plain row, a subtotal that is checked and not stored, or one stored as its unit's own figure. */
export type StageKind = 'row' | 'total' | 'own';

/** A staged value that would change, with the raw stored figure it replaces. */
export interface StagedChange {
  row: number;
  unitId: string;
  metricKey: string;
  year: number;
  old: { numerator: number; denominator: number } | null;
  new: { numerator: number; denominator: number };
}

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
    is_total INTEGER NOT NULL, numerator_c INTEGER, denominator_c INTEGER, group_size INTEGER, source TEXT);
    CREATE TABLE ${unitsTable} (i INTEGER PRIMARY KEY, id TEXT NOT NULL);
    CREATE TABLE ${metricsTable} (i INTEGER PRIMARY KEY, key TEXT NOT NULL);`);
  db.transaction(() => {
    const u = db.prepare(`INSERT INTO ${unitsTable} (i, id) VALUES (?, ?)`);
    units.forEach((id, i) => u.run(i, id));
    const m = db.prepare(`INSERT INTO ${metricsTable} (i, key) VALUES (?, ?)`);
    metrics.forEach((key, i) => m.run(i, key));
  })();

  const insert = db.prepare(
    `INSERT INTO ${table} (k, row, is_valid, is_total, numerator_c, denominator_c, group_size, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const firstRow = db.prepare<[number], number>(`SELECT row FROM ${table} WHERE k = ?`).pluck();
  // The staged rows as metric_values sees them: unit id, metric key and year unpacked.
  const staged = `(SELECT u.id AS unit_id, m.key AS metric_key, (s.k & ${(1 << YEAR_BITS) - 1}) + ${FIRST_YEAR} AS year,
      s.row, s.numerator_c, s.denominator_c, s.group_size, s.source
    FROM ${table} s JOIN ${unitsTable} u ON u.i = s.k >> ${YEAR_BITS + METRIC_BITS}
      JOIN ${metricsTable} m ON m.i = (s.k >> ${YEAR_BITS}) & ${(1 << METRIC_BITS) - 1}
    WHERE s.is_valid = 1)`;
  const changed = `FROM ${staged} s LEFT JOIN metric_values v ON v.unit_id = s.unit_id AND v.metric_key = s.metric_key AND v.year = s.year
    WHERE v.unit_id IS NULL OR v.numerator_c <> s.numerator_c OR v.denominator_c <> s.denominator_c`;

  const keyOf = (c: Pick<RowCheck, 'key'>): number | null => {
    if (!c.key) return null;
    const u = unitIndex.get(c.key.unitId);
    const m = metricIndex.get(c.key.metricKey);
    if (u === undefined || m === undefined) return null;
    return u * 2 ** (YEAR_BITS + METRIC_BITS) + (m << YEAR_BITS) + (c.key.year - FIRST_YEAR);
  };

  /**
   * Stages a batch of checked rows in one transaction; returns, per row, the earlier row it
   * repeats. A subtotal row (`kind: 'total'`) is staged to find its duplicates and not stored;
   * `'own'` stores it as its unit's own figure.
   */
  const add: (checks: readonly RowCheck[], kinds: readonly StageKind[]) => (number | null)[] = db.transaction(
    (checks: readonly RowCheck[], kinds: readonly StageKind[]) =>
      checks.map((c, i) => {
        const k = keyOf(c);
        if (k === null) return null;
        const v = c.value;
        const kind = kinds[i] ?? 'row';
        const isValid = v !== null && c.errors.length === 0 && kind !== 'total';
        const info = insert.run(
          k,
          c.row,
          isValid ? 1 : 0,
          kind === 'row' ? 0 : 1,
          v ? toHundredths(v.numerator) : null,
          v ? toHundredths(v.denominator) : null,
          v?.groupSize ?? null,
          v?.source ?? null,
        );
        return info.changes === 0 ? firstRow.get(k)! : null;
      }),
  );

  const sumOfKeys = db.prepare<[string], [number, number, number]>(
    `SELECT coalesce(sum(numerator_c), 0), coalesce(sum(denominator_c), 0), count(*) FROM ${table}
     WHERE k IN (SELECT value FROM json_each(?)) AND is_total = 0 AND numerator_c IS NOT NULL AND is_valid = 1`,
  );
  const packKey = (unitId: string, metricKey: string, year: number): number | null =>
    keyOf({ key: { unitId, metricKey, year } });

  const unchangedPage = db.prepare<[number], [number, string, string, number, number, number, number]>(
    `SELECT s.k, u.id, m.key, (s.k & ${(1 << YEAR_BITS) - 1}) + ${FIRST_YEAR}, s.row, s.numerator_c, s.denominator_c
     FROM ${table} s JOIN ${unitsTable} u ON u.i = s.k >> ${YEAR_BITS + METRIC_BITS}
       JOIN ${metricsTable} m ON m.i = (s.k >> ${YEAR_BITS}) & ${(1 << METRIC_BITS) - 1}
       JOIN metric_values v ON v.unit_id = u.id AND v.metric_key = m.key AND v.year = (s.k & ${(1 << YEAR_BITS) - 1}) + ${FIRST_YEAR}
     WHERE s.k > ? AND s.is_valid = 1 AND v.numerator_c = s.numerator_c AND v.denominator_c = s.denominator_c
     ORDER BY s.k LIMIT 10000`,
  );

  return {
    add,

    /**
     * The first `limit` values that would change, in row order, and how many in all, with the
     * stored figures they replace (raw: the caller decides what of them may be shown). A value
     * equal to a stored figure that `isShown` says is hidden counts as a change too: leaving it
     * out would tell that the hidden figure equals the file's.
     */
    changes(limit: number, isShown: (old: StagedChange) => boolean): { changes: StagedChange[]; total: number } {
      const changedTotal = db.prepare<[], number>(`SELECT count(*) ${changed}`).pluck().get()!;
      const rows = db
        .prepare<[number], [number, string, string, number, number, number, number | null, number | null]>(
          `SELECT s.row, s.unit_id, s.metric_key, s.year, s.numerator_c, s.denominator_c, v.numerator_c, v.denominator_c ${changed}
           ORDER BY s.row LIMIT ?`,
        )
        .raw()
        .all(limit);
      const out: StagedChange[] = rows.map(([row, unitId, metricKey, year, num, den, oldNum, oldDen]) => ({
        row,
        unitId,
        metricKey,
        year,
        old: oldNum === null || oldDen === null ? null : { numerator: fromHundredths(oldNum), denominator: fromHundredths(oldDen) },
        new: { numerator: fromHundredths(num), denominator: fromHundredths(den) },
      }));
      let hiddenTotal = 0;
      let hidden: StagedChange[] = [];
      for (let after = -1; ; ) {
        const page = unchangedPage.raw().all(after);
        if (page.length === 0) break;
        for (const [k, unitId, metricKey, year, row, num, den] of page) {
          after = k;
          const pair = { numerator: fromHundredths(num), denominator: fromHundredths(den) };
          const c: StagedChange = { row, unitId, metricKey, year, old: pair, new: pair };
          if (isShown(c)) continue;
          hiddenTotal++;
          hidden.push(c);
          if (hidden.length > 2 * limit) hidden = hidden.sort((a, b) => a.row - b.row).slice(0, limit);
        }
      }
      const changes = [...out, ...hidden].sort((a, b) => a.row - b.row).slice(0, limit);
      return { changes, total: changedTotal + hiddenTotal };
    },

    /** The sum of the file's (valid, not subtotal) rows for these units, metric and year, and how many there are. */
    sumOf(unitIds: readonly string[], metricKey: string, year: number): PairC & { rows: number } {
      const keys = unitIds.map((u) => packKey(u, metricKey, year)).filter((k): k is number => k !== null);
      const [numeratorC, denominatorC, rows] = sumOfKeys.raw().get(JSON.stringify(keys))!;
      return { numeratorC, denominatorC, rows };
    },

    /** The sum of all the file's (valid, not subtotal) rows per metric and year: what a "Totalt" row is checked against. */
    sumsByMetricYear(): Map<string, PairC & { rows: number }> {
      const rows = db
        .prepare<[], [string, number, number, number, number]>(
          `SELECT m.key, (s.k & ${(1 << YEAR_BITS) - 1}) + ${FIRST_YEAR}, sum(s.numerator_c), sum(s.denominator_c), count(*)
           FROM ${table} s JOIN ${metricsTable} m ON m.i = (s.k >> ${YEAR_BITS}) & ${(1 << METRIC_BITS) - 1}
           WHERE s.is_total = 0 AND s.is_valid = 1 GROUP BY 1, 2`,
        )
        .raw()
        .all();
      return new Map(rows.map(([m, y, numeratorC, denominatorC, n]) => [`${m}|${y}`, { numeratorC, denominatorC, rows: n }]));
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
