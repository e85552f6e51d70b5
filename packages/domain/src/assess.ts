import { roundTo } from './ratio.js';
import type { GoodDirection, Metric, Target } from './schemas.js';
import { targetInYear } from './targets.js';

/** Whether a value meets a target, compared at the precision the metric is shown with. */
export function isTargetMet(target: Target | null, value: number | null, decimals: number): boolean | null {
  if (target === null || value === null) return null;
  const v = roundTo(value, decimals);
  if (target.min !== null && v < target.min) return false;
  if (target.max !== null && v > target.max) return false;
  return true;
}

export type Direction = 'improving' | 'worsening' | 'steady' | 'changing' | 'no_data';

/**
 * The direction of a change as the metric's good direction sees it. A change that rounds to
 * zero at the shown precision is steady; a neutral metric only says that it changed.
 */
export function directionOf(
  goodDirection: GoodDirection,
  from: number | null,
  to: number | null,
  decimals: number,
): Direction {
  if (from === null || to === null) return 'no_data';
  const delta = roundTo(to, decimals) - roundTo(from, decimals);
  if (Math.abs(delta) < 10 ** -(decimals + 3)) return 'steady';
  if (goodDirection === 'neutral') return 'changing';
  const isBetter = goodDirection === 'lower' ? delta < 0 : delta > 0;
  return isBetter ? 'improving' : 'worsening';
}

export interface YearPoint {
  year: number;
  value: number | null;
}

/** The latest point with a value, the one before it, and the first one; judged by the latest year's target. */
export function trendSummary(
  metric: Pick<Metric, 'goodDirection' | 'decimals' | 'target' | 'targetHistory'>,
  points: readonly YearPoint[],
) {
  const withValue = [...points].filter((p) => p.value !== null).sort((a, b) => a.year - b.year);
  const latest = withValue.at(-1) ?? null;
  const previous = withValue.at(-2) ?? null;
  const first = withValue[0] ?? null;
  const change = latest && previous ? latest.value! - previous.value! : null;
  return {
    latest,
    previous,
    first: first && latest && first.year !== latest.year ? first : null,
    change,
    direction: directionOf(metric.goodDirection, previous?.value ?? null, latest?.value ?? null, metric.decimals),
    isTargetMet: latest ? isTargetMet(targetInYear(metric, latest.year), latest.value, metric.decimals) : null,
  };
}
