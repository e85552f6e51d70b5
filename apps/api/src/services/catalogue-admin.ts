import {
  DEFINITION_FIELDS,
  HEALTH_MIN_SUPPRESSION,
  metricSchema,
  sameTarget,
  outdatedEnglish,
  summarizePoints,
  withNewTarget,
  type DefinitionChange,
  type Metric,
  type MetricDefinitionVersion,
  type MetricPatch,
  type MetricResponse,
  type OverviewMetric,
  type PrincipleCreate,
  type PrincipleResponse,
  type PrincipleUpdate,
  type PrinciplesOverview,
  type TargetPeriod,
} from '@tillit/domain';
import { getMetric, listPrinciples, upsertMetric, upsertPrinciple } from '../db/catalogue.js';
import {
  firstYearOf,
  insertDefinitionVersion,
  listDefinitionVersions,
  maxPrincipleSortOrder,
  principleExists,
  setPrincipleLinks,
} from '../db/catalogue-versions.js';
import type { Db } from '../db/database.js';
import { replaceTargetHistory } from '../db/targets.js';
import { listEnglishOutdated, setEnglishOutdated } from '../db/translations.js';
import { ConflictError, invalid, NotFoundError } from '../errors.js';
import { listPublicAnnotations } from './annotations.js';
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';
import type { UnitService } from './units.js';
import type { ValueService } from './values.js';

interface Deps {
  data: { bump: () => void };
  catalogue: CatalogueService;
  units: UnitService;
  values: ValueService;
}


/** Health data may not be shown for groups smaller than the law's ten persons. */
function checkThreshold(m: Pick<Metric, 'sensitivity' | 'suppressionThreshold'>): void {
  if (m.sensitivity !== 'health') return;
  if (m.suppressionThreshold === null || m.suppressionThreshold < HEALTH_MIN_SUPPRESSION) {
    throw invalid(
      'body.suppressionThreshold',
      `Hälsodata (t.ex. sjukfrånvaro) får inte visas för grupper om färre än ${HEALTH_MIN_SUPPRESSION} personer: ` +
        `tröskeln måste vara minst ${HEALTH_MIN_SUPPRESSION} (suppressionThreshold must be at least ${HEALTH_MIN_SUPPRESSION} for health data).`,
    );
  }
}

/**
 * A metric marked health data stays health data: its sensitivity is read from what is stored, so
 * the floor cannot be switched off by changing the sensitivity and the threshold in one request.
 */
function checkHealthKept(before: Pick<Metric, 'sensitivity'>, after: Pick<Metric, 'sensitivity'>): void {
  if (before.sensitivity !== 'health' || after.sensitivity === 'health') return;
  throw invalid(
    'body.sensitivity',
    'Hälsodata (t.ex. sjukfrånvaro) förblir hälsodata: känsligheten (sensitivity) kan inte ändras för det här nyckeltalet, ' +
      `och gränsen på minst ${HEALTH_MIN_SUPPRESSION} personer gäller alltid (the sensitivity of health data cannot be changed).`,
  );
}

/**
 * The target history after an edit: a changed target applies from `targetFrom` on, and the years
 * before keep the target they had, so that last year's verdict stays what it was.
 */
function nextTargetHistory(before: Metric, after: Metric, targetFrom: number | undefined): TargetPeriod[] {
  const current = before.targetHistory ?? [];
  if (sameTarget(before.target, after.target)) return current;
  if (targetFrom === undefined) {
    throw invalid(
      'body.targetFrom',
      'Målet ändras: ange från vilket år det nya målet gäller (targetFrom), så att tidigare år bedöms mot målet som gällde då.',
    );
  }
  const next = withNewTarget(before, after.target, targetFrom);
  if (next === null) {
    const newest = current.at(-1)?.validFrom;
    throw invalid('body.targetFrom', `Det nya målet kan inte gälla före det nuvarande (från ${newest}).`);
  }
  return next;
}

function changedDefinitionFields(before: Metric, after: Metric): string[] {
  return DEFINITION_FIELDS.filter((f) => before[f].sv !== after[f].sv || before[f].en !== after[f].en);
}

/**
 * The development manager keeps the catalogue: metrics, their definitions (versioned by the year
 * a new text applies from), targets and thresholds, and the principles and their links. Every
 * write is audited in its transaction and bumps the data version, so that cached metrics and
 * computed (suppressed) figures are recomputed with the new settings.
 */
export function createCatalogueAdminService(db: Db, deps: Deps) {
  const requireMetric = (key: string): MetricResponse => {
    const m = getMetric(db, key);
    if (!m) throw new NotFoundError(`Nyckeltalet "${key}" finns inte.`);
    return { ...m, englishOutdated: listEnglishOutdated(db).get(key) ?? [] };
  };
  const requirePrinciple = (key: string): PrincipleResponse => {
    const p = listPrinciples(db).find((x) => x.key === key);
    if (!p) throw new NotFoundError(`Principen "${key}" finns inte.`);
    return p;
  };
  const checkPrinciples = (keys: readonly string[]) => {
    keys.forEach((k, i) => {
      if (!principleExists(db, k)) throw invalid(`body.principles.${i}`, `Principen "${k}" finns inte.`);
    });
  };

  return {
    updateMetric(key: string, patch: MetricPatch, actor: Actor): MetricResponse {
      const { englishOutdated: wasOutdated = [], ...before } = requireMetric(key);
      const { definitionChange, targetFrom, englishConfirmed, ...fields } = patch;
      const parsed = metricSchema.safeParse({ ...before, ...fields, key });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(`body.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'Ogiltigt värde');
      }
      const after = parsed.data;
      checkPrinciples(after.principles);
      checkHealthKept(before, after);
      checkThreshold(after);
      after.targetHistory = nextTargetHistory(before, after, targetFrom);
      const changed = changedDefinitionFields(before, after);
      if (changed.length > 0 && !definitionChange) {
        throw invalid(
          'body.definitionChange',
          `Definitionen ändras (${changed.join(', ')}): ange från vilket år den nya definitionen gäller och varför ` +
            '(definitionChange: { fromYear, note }), så att trenden visar var definitionen byttes.',
        );
      }
      // A Swedish text changed without its English one leaves the English marked until it is saved.
      const englishOutdated = outdatedEnglish(before, after, wasOutdated, englishConfirmed);
      db.transaction(() => {
        upsertMetric(db, after);
        replaceTargetHistory(db, key, after.targetHistory ?? [], actor.username, new Date().toISOString());
        setEnglishOutdated(db, key, englishOutdated, new Date().toISOString());
        if (changed.length > 0 && definitionChange) recordVersion(before, after, definitionChange, actor);
        audit(db, actor, 'update', 'metric', key, { ...before, englishOutdated: wasOutdated }, {
          ...after,
          englishOutdated,
          ...(definitionChange ? { definitionChange } : {}),
          ...(targetFrom !== undefined && !sameTarget(before.target, after.target) ? { targetFrom } : {}),
        });
      })();
      deps.data.bump();
      return requireMetric(key);
    },

    createMetric(metric: Metric, actor: Actor): MetricResponse {
      if (getMetric(db, metric.key)) throw new ConflictError(`Nyckeltalet "${metric.key}" finns redan.`);
      checkPrinciples(metric.principles);
      checkThreshold(metric);
      db.transaction(() => {
        upsertMetric(db, metric);
        audit(db, actor, 'create', 'metric', metric.key, null, metric);
      })();
      deps.data.bump();
      return requireMetric(metric.key);
    },

    versions(key: string): MetricDefinitionVersion[] {
      requireMetric(key);
      return listDefinitionVersions(db, key);
    },

    updatePrinciple(key: string, input: PrincipleUpdate, actor: Actor): PrincipleResponse {
      const before = requirePrinciple(key);
      const after = { key, name: input.name, description: input.description, sortOrder: input.sortOrder ?? before.sortOrder };
      db.transaction(() => {
        upsertPrinciple(db, after);
        audit(db, actor, 'update', 'principle', key, before, after);
      })();
      deps.data.bump();
      return requirePrinciple(key);
    },

    createPrinciple(input: PrincipleCreate, actor: Actor): PrincipleResponse {
      if (principleExists(db, input.key)) throw new ConflictError(`Principen "${input.key}" finns redan.`);
      const principle = { ...input, sortOrder: input.sortOrder ?? maxPrincipleSortOrder(db) + 1 };
      db.transaction(() => {
        upsertPrinciple(db, principle);
        audit(db, actor, 'create', 'principle', input.key, null, principle);
      })();
      deps.data.bump();
      return requirePrinciple(input.key);
    },

    setPrincipleLinks(key: string, metricKeys: readonly string[], actor: Actor): PrincipleResponse {
      const before = requirePrinciple(key);
      metricKeys.forEach((m, i) => {
        if (!getMetric(db, m)) throw invalid(`body.metricKeys.${i}`, `Nyckeltalet "${m}" finns inte.`);
      });
      db.transaction(() => {
        setPrincipleLinks(db, key, metricKeys);
        audit(db, actor, 'update', 'principle_links', key, { metricKeys: before.metrics }, { metricKeys: [...new Set(metricKeys)] });
      })();
      deps.data.bump();
      return requirePrinciple(key);
    },

    /** Every principle with its linked metrics' latest safe figure, direction and target. */
    overview(unitId: string | undefined): PrinciplesOverview {
      const root = deps.units.tree()[0];
      if (!root) throw new NotFoundError('Det finns ingen organisation ännu.');
      const unit = unitId === undefined ? root : deps.units.requireUnit(unitId);
      const annotations = listPublicAnnotations(db, { unitIds: [unit.id] });
      const byKey = new Map(deps.catalogue.metrics().map((m) => [m.key, m]));
      const summarise = (metric: Metric): OverviewMetric => {
        const facts = summarizePoints(metric, deps.values.series(metric, unit));
        const latest = facts.latest;
        return {
          key: metric.key,
          name: metric.name,
          scale: metric.scale,
          decimals: metric.decimals,
          unitLabel: metric.unitLabel,
          goodDirection: metric.goodDirection,
          target: facts.target,
          latest: latest && {
            year: latest.year,
            value: latest.suppressed ? null : latest.value,
            suppressed: latest.suppressed,
            reason: latest.reason,
          },
          direction: facts.direction,
          isTargetMet: facts.isTargetMet,
          publicAnnotationCount: annotations.filter((a) => a.metricKey === metric.key).length,
        };
      };
      return {
        unit: { id: unit.id, name: unit.name },
        principles: listPrinciples(db).map((p) => ({
          key: p.key,
          name: p.name,
          description: p.description,
          sortOrder: p.sortOrder,
          metrics: p.metrics.flatMap((k) => {
            const m = byKey.get(k);
            return m ? [summarise(m)] : [];
          }),
        })),
      };
    },
  };

  function recordVersion(before: Metric, after: Metric, change: DefinitionChange, actor: Actor): void {
    const existing = listDefinitionVersions(db, before.key);
    const now = new Date().toISOString();
    let latest = existing[0];
    if (!latest) {
      // The text in use until now becomes version 1, valid from the metric's first year.
      const first = Math.min(firstYearOf(db, before.key) ?? change.fromYear, change.fromYear);
      const v1 = {
        metricKey: before.key,
        version: 1,
        validFromYear: first,
        definition: before.definition,
        numerator: before.numerator,
        denominator: before.denominator,
        changedBy: null,
        changedAt: now,
        note: null,
      };
      insertDefinitionVersion(db, v1);
      latest = v1;
    }
    if (change.fromYear < latest.validFromYear) {
      throw invalid(
        'body.definitionChange.fromYear',
        `Den nya definitionen kan inte gälla före den nuvarande (från ${latest.validFromYear}).`,
      );
    }
    insertDefinitionVersion(db, {
      metricKey: before.key,
      version: latest.version + 1,
      validFromYear: change.fromYear,
      definition: after.definition,
      numerator: after.numerator,
      denominator: after.denominator,
      changedBy: actor.username,
      changedAt: now,
      note: change.note,
    });
  }
}
export type CatalogueAdminService = ReturnType<typeof createCatalogueAdminService>;
