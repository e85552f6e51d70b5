import { EARLIEST_TARGET_YEAR, type Metric, type Principle, type TargetPeriod } from '@tillit/domain';
import type { Db } from './database.js';
import { listTargetHistories } from './targets.js';

interface MetricRow {
  key: string;
  name_sv: string;
  name_en: string;
  definition_sv: string;
  definition_en: string;
  numerator_sv: string;
  numerator_en: string;
  denominator_sv: string;
  denominator_en: string;
  numerator_kind: Metric['numeratorKind'];
  denominator_kind: Metric['denominatorKind'];
  scale: Metric['scale'];
  bounded: number;
  unit_label_sv: string | null;
  unit_label_en: string | null;
  decimals: number;
  good_direction: Metric['goodDirection'];
  target_min: number | null;
  target_max: number | null;
  sensitivity: Metric['sensitivity'];
  suppression_threshold: number | null;
  prompt_sv: string;
  prompt_en: string;
  definition_source: string | null;
  sort_order: number;
}

function toMetric(row: MetricRow, principles: string[], history: TargetPeriod[] | undefined): Metric {
  const target = row.target_min === null && row.target_max === null ? null : { min: row.target_min, max: row.target_max };
  return {
    key: row.key,
    name: { sv: row.name_sv, en: row.name_en },
    definition: { sv: row.definition_sv, en: row.definition_en },
    numerator: { sv: row.numerator_sv, en: row.numerator_en },
    denominator: { sv: row.denominator_sv, en: row.denominator_en },
    numeratorKind: row.numerator_kind,
    denominatorKind: row.denominator_kind,
    scale: row.scale,
    bounded: row.bounded === 1,
    unitLabel: row.unit_label_sv && row.unit_label_en ? { sv: row.unit_label_sv, en: row.unit_label_en } : null,
    decimals: row.decimals,
    goodDirection: row.good_direction,
    target,
    // Without a recorded history, the target applies to every year.
    targetHistory: history ?? (target === null ? [] : [{ validFrom: EARLIEST_TARGET_YEAR, target }]),
    sensitivity: row.sensitivity,
    suppressionThreshold: row.suppression_threshold,
    principles,
    prompt: { sv: row.prompt_sv, en: row.prompt_en },
    definitionSource: row.definition_source,
    sortOrder: row.sort_order,
  };
}

function toRow(m: Metric): MetricRow {
  return {
    key: m.key,
    name_sv: m.name.sv,
    name_en: m.name.en,
    definition_sv: m.definition.sv,
    definition_en: m.definition.en,
    numerator_sv: m.numerator.sv,
    numerator_en: m.numerator.en,
    denominator_sv: m.denominator.sv,
    denominator_en: m.denominator.en,
    numerator_kind: m.numeratorKind,
    denominator_kind: m.denominatorKind,
    scale: m.scale,
    bounded: m.bounded ? 1 : 0,
    unit_label_sv: m.unitLabel?.sv ?? null,
    unit_label_en: m.unitLabel?.en ?? null,
    decimals: m.decimals,
    good_direction: m.goodDirection,
    target_min: m.target?.min ?? null,
    target_max: m.target?.max ?? null,
    sensitivity: m.sensitivity,
    suppression_threshold: m.suppressionThreshold,
    prompt_sv: m.prompt.sv,
    prompt_en: m.prompt.en,
    definition_source: m.definitionSource,
    sort_order: m.sortOrder,
  };
}

function linksByMetric(db: Db): Map<string, string[]> {
  const rows = db
    .prepare<[], { metric_key: string; principle_key: string }>(
      `SELECT mp.metric_key, mp.principle_key FROM metric_principles mp
       JOIN principles p ON p.key = mp.principle_key ORDER BY p.sort_order`,
    )
    .all();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.metric_key, [...(map.get(r.metric_key) ?? []), r.principle_key]);
  return map;
}

export function listMetrics(db: Db): Metric[] {
  const links = linksByMetric(db);
  const histories = listTargetHistories(db);
  const rows = db.prepare<[], MetricRow>('SELECT * FROM metrics ORDER BY sort_order, key').all();
  return rows.map((r) => toMetric(r, links.get(r.key) ?? [], histories.get(r.key)));
}

export function getMetric(db: Db, key: string): Metric | undefined {
  const row = db.prepare<[string], MetricRow>('SELECT * FROM metrics WHERE key = ?').get(key);
  if (!row) return undefined;
  return toMetric(row, linksByMetric(db).get(key) ?? [], listTargetHistories(db).get(key));
}

/** Inserts or replaces a metric and its principle links. Call inside a transaction. */
export function upsertMetric(db: Db, metric: Metric): void {
  const row = toRow(metric);
  const columns = Object.keys(row);
  db.prepare(
    `INSERT INTO metrics (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (key) DO UPDATE SET ${columns.filter((c) => c !== 'key').map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ).run(row);
  db.prepare('DELETE FROM metric_principles WHERE metric_key = ?').run(metric.key);
  const link = db.prepare('INSERT INTO metric_principles (metric_key, principle_key) VALUES (?, ?)');
  for (const p of metric.principles) link.run(metric.key, p);
}

interface PrincipleRow {
  key: string;
  name_sv: string;
  name_en: string;
  description_sv: string;
  description_en: string;
  sort_order: number;
}

export function listPrinciples(db: Db): (Principle & { metrics: string[] })[] {
  const rows = db.prepare<[], PrincipleRow>('SELECT * FROM principles ORDER BY sort_order, key').all();
  const links = db
    .prepare<[], { principle_key: string; metric_key: string }>(
      `SELECT mp.principle_key, mp.metric_key FROM metric_principles mp
       JOIN metrics m ON m.key = mp.metric_key ORDER BY m.sort_order`,
    )
    .all();
  return rows.map((r) => ({
    key: r.key,
    name: { sv: r.name_sv, en: r.name_en },
    description: { sv: r.description_sv, en: r.description_en },
    sortOrder: r.sort_order,
    metrics: links.filter((l) => l.principle_key === r.key).map((l) => l.metric_key),
  }));
}

export function upsertPrinciple(db: Db, p: Principle): void {
  db.prepare(
    `INSERT INTO principles (key, name_sv, name_en, description_sv, description_en, sort_order)
     VALUES (@key, @name_sv, @name_en, @description_sv, @description_en, @sort_order)
     ON CONFLICT (key) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en,
       description_sv = excluded.description_sv, description_en = excluded.description_en,
       sort_order = excluded.sort_order`,
  ).run({
    key: p.key,
    name_sv: p.name.sv,
    name_en: p.name.en,
    description_sv: p.description.sv,
    description_en: p.description.en,
    sort_order: p.sortOrder,
  });
}
