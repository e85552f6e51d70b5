import type { Metric, Target, TargetPeriod } from './schemas.js';

/** The earliest year the product knows: a target "from the start" is stored as valid from it. */
export const EARLIEST_TARGET_YEAR = 1990;

type WithTargets = Pick<Metric, 'target' | 'targetHistory'>;

/**
 * The target in force in a year: the latest period that starts in or before it. A metric without
 * a recorded history has one target for every year. A year before the first period has none.
 */
export function targetInYear(metric: WithTargets, year: number): Target | null {
  const history = metric.targetHistory;
  if (!history || history.length === 0) return metric.target;
  let best: TargetPeriod | undefined;
  for (const p of history) {
    if (p.validFrom <= year && (!best || p.validFrom > best.validFrom)) best = p;
  }
  return best ? best.target : null;
}

/** A stretch of consecutive years with one target, for a stepped target line. */
export interface TargetSpan {
  from: number;
  to: number;
  target: Target | null;
}

/** The targets over a run of years (given in any order), one span per change. */
export function targetSpans(metric: WithTargets, years: readonly number[]): TargetSpan[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out: TargetSpan[] = [];
  for (const year of sorted) {
    const target = targetInYear(metric, year);
    const last = out.at(-1);
    if (last && sameTarget(last.target, target)) last.to = year;
    else out.push({ from: year, to: year, target });
  }
  return out;
}

export function sameTarget(a: Target | null, b: Target | null): boolean {
  if (a === null || b === null) return a === b;
  return a.min === b.min && a.max === b.max;
}

/**
 * The history after a new target that applies from `fromYear` on: the periods before it are kept,
 * a period that starts the same year is replaced. A metric without a recorded history first gets
 * its current target as the period from the start, so that the years before keep their verdict.
 * Returns null when `fromYear` is before the newest period (only the newest may be followed).
 */
export function withNewTarget(metric: WithTargets, target: Target | null, fromYear: number): TargetPeriod[] | null {
  const history: TargetPeriod[] =
    metric.targetHistory && metric.targetHistory.length > 0
      ? [...metric.targetHistory].sort((a, b) => a.validFrom - b.validFrom)
      : metric.target === null
        ? []
        : [{ validFrom: EARLIEST_TARGET_YEAR, target: metric.target }];
  const newest = history.at(-1);
  if (newest && fromYear < newest.validFrom) return null;
  const kept = history.filter((p) => p.validFrom < fromYear);
  // A year with no target before it and no target after it says nothing: leave it out. Nor does
  // a target the same as the one before it (setting a target back to what it was).
  if (target === null && kept.length === 0) return [];
  if (kept.length > 0 && sameTarget(kept.at(-1)!.target, target)) return kept;
  return [...kept, { validFrom: fromYear, target }];
}
