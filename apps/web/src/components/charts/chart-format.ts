import { formatMetricValue, type Language, type Metric } from '@tillit/domain';

export type ValueFormat = Pick<Metric, 'scale' | 'decimals' | 'unitLabel'>;

/** A value with its unit in words for ratios: `22,4 medarbetare per chef`, `3,42 %`. */
export function formatWithUnit(format: ValueFormat, value: number, language: Language): string {
  const formatted = formatMetricValue(format, value, language);
  return format.scale === 'ratio' && format.unitLabel ? `${formatted} ${format.unitLabel[language]}` : formatted;
}

function decimalsOf(n: number): number {
  const [, fraction = ''] = String(n).split('.');
  return fraction.length;
}

/** Axis ticks with as many decimals as the ticks need (`0 %`, `0,5 %`, `1,0 %`), never fewer. */
export function tickFormatter(
  format: Pick<Metric, 'scale'>,
  ticks: readonly number[],
  language: Language,
): (value: number) => string {
  const decimals = Math.min(3, Math.max(0, ...ticks.map(decimalsOf)));
  return (value) => formatMetricValue({ scale: format.scale, decimals }, value, language);
}
