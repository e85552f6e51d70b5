import type { Metric, MetricScale } from './schemas.js';

/**
 * The value of a metric from its numerator and denominator: a percentage or a plain ratio.
 * Null when there is nothing to divide by.
 */
export function ratio(numerator: number, denominator: number, scale: MetricScale): number | null {
  if (!(denominator > 0) || !Number.isFinite(numerator)) return null;
  const r = numerator / denominator;
  return scale === 'percent' ? r * 100 : r;
}

/** The value rounded to the metric's precision, as it is shown and compared with targets. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // Round half away from zero on the decimal representation, not the binary one (1.005 → 1.01).
  return Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(15))) / f;
}

export function metricValue(metric: Pick<Metric, 'scale'>, numerator: number, denominator: number): number | null {
  return ratio(numerator, denominator, metric.scale);
}

/** Sums quantities that carry at most two decimals without drifting (0.1 + 0.2 is 0.3 here). */
export function sumQuantities(values: Iterable<number>): number {
  let hundredths = 0;
  for (const v of values) hundredths += Math.round(v * 100);
  return hundredths / 100;
}
