import { DEFINITION_FIELDS, HEALTH_MIN_SUPPRESSION } from './catalogue-admin.js';
import type { Metric, TargetPeriod } from './schemas.js';
import { sameTarget, withNewTarget } from './targets.js';

/** Why an edit of a metric is refused: the field of the request (`suppressionThreshold`, …) and the words. */
export interface MetricEditProblem {
  field: 'suppressionThreshold' | 'sensitivity' | 'targetFrom' | 'definitionChange';
  message: string;
}

/** Health data may not be shown for groups smaller than the law's ten persons. */
export function thresholdProblem(m: Pick<Metric, 'sensitivity' | 'suppressionThreshold'>): MetricEditProblem | null {
  if (m.sensitivity !== 'health') return null;
  if (m.suppressionThreshold !== null && m.suppressionThreshold >= HEALTH_MIN_SUPPRESSION) return null;
  return {
    field: 'suppressionThreshold',
    message:
      `Hälsodata (t.ex. sjukfrånvaro) får inte visas för grupper om färre än ${HEALTH_MIN_SUPPRESSION} personer: ` +
      `tröskeln måste vara minst ${HEALTH_MIN_SUPPRESSION} (suppressionThreshold must be at least ${HEALTH_MIN_SUPPRESSION} for health data).`,
  };
}

/**
 * A metric marked health data stays health data: its sensitivity is read from what is stored, so
 * the floor cannot be switched off by changing the sensitivity and the threshold in one request.
 */
export function healthKeptProblem(before: Pick<Metric, 'sensitivity'>, after: Pick<Metric, 'sensitivity'>): MetricEditProblem | null {
  if (before.sensitivity !== 'health' || after.sensitivity === 'health') return null;
  return {
    field: 'sensitivity',
    message:
      'Hälsodata (t.ex. sjukfrånvaro) förblir hälsodata: känsligheten (sensitivity) kan inte ändras för det här nyckeltalet, ' +
      `och gränsen på minst ${HEALTH_MIN_SUPPRESSION} personer gäller alltid (the sensitivity of health data cannot be changed).`,
  };
}

/**
 * The target history after an edit: a changed target applies from `targetFrom` on, and the years
 * before keep the target they had, so that last year's verdict stays what it was.
 */
export function nextTargetHistory(
  before: Pick<Metric, 'target' | 'targetHistory'>,
  after: Pick<Metric, 'target'>,
  targetFrom: number | undefined,
): { history: TargetPeriod[] } | { problem: MetricEditProblem } {
  const current = before.targetHistory ?? [];
  if (sameTarget(before.target, after.target)) return { history: current };
  if (targetFrom === undefined) {
    return {
      problem: {
        field: 'targetFrom',
        message: 'Målet ändras: ange från vilket år det nya målet gäller (targetFrom), så att tidigare år bedöms mot målet som gällde då.',
      },
    };
  }
  const next = withNewTarget(before, after.target, targetFrom);
  if (next !== null) return { history: next };
  const newest = current.at(-1)?.validFrom;
  return { problem: { field: 'targetFrom', message: `Det nya målet kan inte gälla före det nuvarande (från ${newest}).` } };
}

/** The definition texts (definition, numerator, denominator) an edit changes, in either language. */
export function changedDefinitionFields(before: Pick<Metric, (typeof DEFINITION_FIELDS)[number]>, after: Pick<Metric, (typeof DEFINITION_FIELDS)[number]>): string[] {
  return DEFINITION_FIELDS.filter((f) => before[f].sv !== after[f].sv || before[f].en !== after[f].en);
}

/** A changed definition needs the year it applies from and why, so that the trend shows where it changed. */
export function definitionChangeProblem(changed: readonly string[], hasDefinitionChange: boolean): MetricEditProblem | null {
  if (changed.length === 0 || hasDefinitionChange) return null;
  return {
    field: 'definitionChange',
    message:
      `Definitionen ändras (${changed.join(', ')}): ange från vilket år den nya definitionen gäller och varför ` +
      '(definitionChange: { fromYear, note }), så att trenden visar var definitionen byttes.',
  };
}
