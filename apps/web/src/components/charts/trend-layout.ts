import type { TrendDatum, TrendTarget } from './trend-types';

export type TargetLabelPosition = 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight';

/**
 * Where the target's label goes so the line does not run through it: at the end of the chart
 * where the values are farthest from the target, on the other side of the target line.
 *
 * The names are recharts' for a box, and a reference line is a box of no height: `insideTop…`
 * hangs the text below the line, `insideBottom…` stands it on the line. So values above the
 * target put the label at `insideTop…`, under the line.
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
  return `inside${isDataAbove ? 'Top' : 'Bottom'}${isLeft ? 'Left' : 'Right'}`;
}
