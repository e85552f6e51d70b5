import type { TrendDatum, TrendTarget } from './trend-types';

export type TargetLabelPosition = 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight';

/**
 * Where the target's label goes so the line does not run through it: at the end of the chart
 * where the values are farthest from the target, on the other side of the target line.
 */
export function targetLabelPosition(data: readonly TrendDatum[], target: TrendTarget): TargetLabelPosition {
  const y = target.max ?? target.min;
  const shown = data.filter((d): d is TrendDatum & { value: number } => d.value !== null);
  const first = shown[0];
  const last = shown.at(-1);
  if (y === null || !first || !last) return 'insideTopRight';
  const isLeft = Math.abs(first.value - y) > Math.abs(last.value - y);
  const end = isLeft ? first : last;
  const isDataAbove = end.value > y;
  return `inside${isDataAbove ? 'Bottom' : 'Top'}${isLeft ? 'Left' : 'Right'}`;
}
