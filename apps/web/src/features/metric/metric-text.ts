import {
  formatMetricValue,
  formatNumber,
  type Language,
  type Metric,
  type Point,
  type SuppressionReason,
} from '@tillit/domain';
import type { TFunction } from 'i18next';
import { formatWithUnit, type ValueFormat } from '../../components/charts/chart-format';
import { numberWord } from '../../i18n/number-words';

export { formatWithUnit };

/**
 * Heads are whole numbers; hours and averages may carry hundredths. A column shows all its
 * numbers with the same decimals, so they line up: `15,00` under `15,60`.
 */
export function quantityDecimals(values: readonly (number | null)[]): 0 | 2 {
  return values.some((v) => v !== null && !Number.isInteger(v)) ? 2 : 0;
}

export function formatQuantity(value: number, language: Language, decimals: 0 | 2 = quantityDecimals([value])): string {
  return formatNumber(value, decimals, language);
}

/** The target in words: `högst 2,50 %`, `minst 50 %`, `mellan 10,0 och 35,0 …`; null without one. */
export function describeTarget(metric: ValueFormat & Pick<Metric, 'target'>, language: Language, t: TFunction): string | null {
  const { target } = metric;
  if (target === null) return null;
  const f = (value: number) => formatWithUnit(metric, value, language);
  if (target.min !== null && target.max !== null) {
    return t('target.range', { min: formatMetricValue(metric, target.min, language), max: f(target.max) });
  }
  if (target.max !== null) return t('target.max', { value: f(target.max) });
  if (target.min !== null) return t('target.min', { value: f(target.min) });
  return null;
}

/**
 * Why a figure is hidden, in plain words. The threshold comes from the metric, so the text
 * stays true when the development manager changes it.
 */
export function suppressionText(
  reason: SuppressionReason | null,
  threshold: number | null,
  language: Language,
  t: TFunction,
): string {
  switch (reason) {
    case 'small_group':
      return threshold === null
        ? t('suppression.small_group_unknown')
        : t('suppression.small_group', { threshold: numberWord(threshold, language) });
    case 'secondary':
      return t('suppression.secondary');
    case 'unknown_group_size':
      return t('suppression.unknown_group_size');
    case null:
      return t('suppression.hidden');
  }
}

export type PointStatus = 'shown' | 'hidden' | 'missing';

export function pointStatus(point: Pick<Point, 'value' | 'suppressed'>): PointStatus {
  if (point.suppressed) return 'hidden';
  return point.value === null ? 'missing' : 'shown';
}
