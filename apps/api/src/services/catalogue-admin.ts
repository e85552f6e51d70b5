import {
  changedDefinitionFields,
  definitionChangeProblem,
  healthKeptProblem,
  metricSchema,
  nextTargetHistory,
  sameTarget,
  outdatedEnglish,
  thresholdProblem,
  type DefinitionChange,
  type Metric,
  type MetricDefinitionVersion,
  type MetricEditProblem,
  type MetricPatch,
  type MetricResponse,
  type PrincipleCreate,
  type PrincipleResponse,
  type PrincipleUpdate,
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
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';

interface Deps {
  data: { bump: () => void };
  catalogue: CatalogueService;
}

/** An edit a rule of the domain (metric-edit.ts) refuses: a 400 naming the field. */
const refusal = (problem: MetricEditProblem) => invalid(`body.${problem.field}`, problem.message);
function refuse(problem: MetricEditProblem | null): void {
  if (problem) throw refusal(problem);
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
      refuse(healthKeptProblem(before, after));
      refuse(thresholdProblem(after));
      const targets = nextTargetHistory(before, after, targetFrom);
      if ('problem' in targets) throw refusal(targets.problem);
      after.targetHistory = targets.history;
      const changed = changedDefinitionFields(before, after);
      refuse(definitionChangeProblem(changed, Boolean(definitionChange)));
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
      refuse(thresholdProblem(metric));
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
