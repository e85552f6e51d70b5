import { directionOf, formatChange, roundTo, type Language, type Metric } from '@tillit/domain';
import type { TFunction } from 'i18next';
import { yearSpan, type TrendRow } from './chart-data';
import { describeTarget, formatWithUnit } from './metric-text';

/**
 * What the chart shows, in a few sentences, for those who do not see it: the span, where the
 * line starts and ends, the latest change and its direction, the target and the hidden years.
 */
export function describeTrend(
  metric: Pick<Metric, 'name' | 'scale' | 'decimals' | 'unitLabel' | 'goodDirection' | 'target'>,
  rows: readonly TrendRow[],
  unitName: string,
  language: Language,
  t: TFunction,
): string {
  const value = (v: number) => formatWithUnit(metric, v, language);
  const shown = rows.filter((r): r is TrendRow & { value: number } => r.value !== null);
  const parts: string[] = [];
  const span = yearSpan(rows);
  if (span) {
    const years = span.from === span.to ? String(span.from) : `${span.from}–${span.to}`;
    parts.push(t('metric.chartLabel', { name: metric.name[language], unit: unitName, years }));
  }
  const [start, previous, latest] = [shown[0], shown.at(-2), shown.at(-1)];
  if (!start || !latest) {
    parts.push(t('metric.chartNoValues'));
  } else if (start === latest) {
    parts.push(t('metric.chartOnlyOne', { value: value(latest.value), year: latest.year }));
  } else {
    parts.push(
      t('metric.chartChange', { fromValue: value(start.value), fromYear: start.year, toValue: value(latest.value), toYear: latest.year }),
    );
    if (previous) {
      const direction = directionOf(metric.goodDirection, previous.value, latest.value, metric.decimals);
      parts.push(
        t('metric.chartLatestChange', {
          change: formatChange(metric, roundTo(latest.value - previous.value, metric.decimals), language),
          direction: t(`card.direction.${direction}`),
        }),
      );
    }
  }
  const target = describeTarget(metric, language, t);
  if (target) parts.push(t('metric.chartTarget', { target }));
  const hidden = rows.filter((r) => r.status === 'hidden').map((r) => r.year);
  if (hidden.length > 0) parts.push(t('metric.chartHidden', { years: hidden.join(', ') }));
  return parts.join(' ');
}
