import {
  findNode,
  flatten,
  summarizePoints,
  summarySentences,
  type Metric,
  type MetricResponse,
  type Point,
  type SummaryFigureResponse,
  type SummaryMetricResponse,
  type SummaryNote,
  type SummaryResponse,
  type Unit,
  type UnitRef,
} from '@tillit/domain';
import { listDefinitionVersions } from '../db/catalogue-versions.js';
import type { Db } from '../db/database.js';
import { latestAuditedWrite } from '../db/freshness.js';
import { getMeta } from '../db/meta.js';
import { NotFoundError } from '../errors.js';
import type { AnalysisService } from './analyses.js';
import { listPublicAnnotations } from './annotations.js';
import type { CatalogueService } from './catalogue.js';
import { hasDemoData } from './seed.js';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';

/**
 * The audit entities whose writes change what the summary's figures are: figures, units and
 * the metric catalogue. `dataUpdatedAt` is the latest such write, or the demo seed. A write
 * that is not audited under one of these names does not move it, so it may under-state how
 * fresh the data is, never over-state it.
 */
const FIGURE_ENTITIES = ['metric_value', 'import', 'published_figure', 'unit', 'reorganisation', 'metric'] as const;

const toRef = (u: Pick<Unit, 'id' | 'name' | 'kind' | 'parentId'>): UnitRef => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
});

const figure = (f: SummaryFigureResponse | null): SummaryFigureResponse | null =>
  f && { year: f.year, value: f.suppressed ? null : f.value, suppressed: f.suppressed, reason: f.reason };

/**
 * The politicians' summary of one unit (the organisation or an area): for every metric the
 * latest figure, the changes, the target and the plain-language sentences, all computed from
 * the suppressed-safe series, so that a hidden figure can appear nowhere in it.
 */
export function createSummaryService(
  db: Db,
  { units, catalogue, values, analyses }: { units: UnitService; catalogue: CatalogueService; values: ValueService; analyses: AnalysisService },
) {
  const metricSummary = (
    metric: MetricResponse,
    unit: Unit,
    principleNames: ReadonlyMap<string, Metric['name']>,
    annotations: readonly SummaryNote[],
  ): SummaryMetricResponse => {
    const points: Point[] = values.series(metric, unit);
    const facts = summarizePoints(metric, points);
    // Where a new definition took effect (version 1 is the first text, not a change).
    const context = {
      definitionChanges: listDefinitionVersions(db, metric.key).filter((v) => v.version > 1).map((v) => v.validFromYear),
    };
    return {
      key: metric.key,
      name: metric.name,
      definition: metric.definition,
      englishOutdated: metric.englishOutdated ?? [],
      scale: metric.scale,
      decimals: metric.decimals,
      unitLabel: metric.unitLabel,
      goodDirection: metric.goodDirection,
      suppressionThreshold: metric.suppressionThreshold,
      latest: figure(facts.latest),
      previous: figure(facts.previous),
      first: figure(facts.first),
      changeSinceLastYear: facts.changeSinceLastYear,
      changeSinceFirst: facts.changeSinceFirst,
      target: facts.target,
      isTargetMet: facts.isTargetMet,
      direction: facts.direction,
      incomplete: facts.incomplete,
      sentences: {
        sv: summarySentences(metric, points, 'sv', context).map((s) => s.text),
        en: summarySentences(metric, points, 'en', context).map((s) => s.text),
      },
      principles: metric.principles.flatMap((key) => {
        const name = principleNames.get(key);
        return name ? [{ key, name }] : [];
      }),
      annotations: annotations.filter((a) => a.metricKey === metric.key),
      analysis: null,
      points: points.map((p) => ({
        year: p.year,
        value: p.suppressed ? null : p.value,
        suppressed: p.suppressed,
        reason: p.reason,
        source: p.suppressed ? null : p.source,
        isSynthetic: p.isSynthetic,
        coverage: p.coverage,
      })),
    };
  };

  /**
   * The public notes on the unit and every unit below it (closed ones too: their history is
   * part of the whole), each with its unit's name, newest first.
   */
  const publicNotes = (unit: Unit, showAuthors: boolean): SummaryNote[] => {
    const node = findNode(units.fullTreeResponse(), unit.id);
    const ids = node ? flatten([node]).map((n) => n.id) : [unit.id];
    const byId = units.byId();
    return listPublicAnnotations(db, { unitIds: ids })
      .map((a) => ({ ...a, unitName: byId.get(a.unitId)?.name ?? a.unitId, author: showAuthors ? a.author : null }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  };

  return {
    /**
     * The summary of `unitId`, or of the root of the organisation when none is given.
     * `showAuthors: false` leaves the notes' authors out (a public link).
     */
    summary(unitId: string | undefined, { showAuthors = true }: { showAuthors?: boolean } = {}): SummaryResponse {
      const root = units.tree()[0];
      if (!root) throw new NotFoundError('Det finns ingen organisation att sammanfatta ännu.');
      const unit = unitId === undefined ? root : units.requireUnit(unitId);
      const principleNames = new Map(catalogue.principles().map((p) => [p.key, p.name]));
      const annotations = publicNotes(unit, showAuthors);
      const seededAt = getMeta(db, 'demo_data') ?? null;
      const writtenAt = latestAuditedWrite(db, FIGURE_ENTITIES);
      const summaries = catalogue.metrics().map((m) => metricSummary(m, unit, principleNames, annotations));
      // The published analysis of the latest year that has one, not past the figure shown; drafts never.
      const latestOf = new Map(summaries.map((m) => [m.key, m.latest?.year ?? null]));
      const published = analyses.published(unit.id, (key) => latestOf.get(key) ?? null);
      const metrics = summaries.map((m) => ({ ...m, analysis: published.get(m.key) ?? null }));
      // The latest year a metric has a complete figure for: a year only some units have
      // reported is not yet "the latest year" of the summary.
      const latestYear = Math.max(...metrics.map((m) => m.latest?.year ?? -Infinity));
      return {
        unit: toRef(unit),
        root: toRef(root),
        areas: root.children.map(toRef),
        generatedAt: new Date().toISOString(),
        latestYear: Number.isFinite(latestYear) ? latestYear : null,
        dataUpdatedAt: [seededAt, writtenAt].filter((t): t is string => t !== null).sort().at(-1) ?? null,
        isDemo: hasDemoData(db),
        metrics,
      };
    },
  };
}
export type SummaryService = ReturnType<typeof createSummaryService>;
