import { intlLocale } from './locales.js';
import { roundTo } from './ratio.js';
import type { Language, LocalizedText, Metric } from './schemas.js';

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(language: Language, decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${language}:${decimals}:${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(language), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, f);
  }
  return f;
}

/** A number in the language's own format: `3,42` and `1 234` in Swedish, `3.42` in English. */
export function formatNumber(value: number, decimals: number, language: Language, signed = false): string {
  // `|| 0` turns a rounded −0 into 0, so a tiny negative never shows as "−0,00".
  return formatter(language, decimals, signed).format(roundTo(value, decimals) || 0);
}

export function localized(text: LocalizedText, language: Language): string {
  return text[language];
}

/** A metric's value with its unit: `3,42 %` in Swedish, `3.42%` in English, `22,4` for ratios. */
export function formatMetricValue(
  metric: Pick<Metric, 'scale' | 'decimals'>,
  value: number,
  language: Language,
): string {
  const n = formatNumber(value, metric.decimals, language);
  if (metric.scale !== 'percent') return n;
  return language === 'sv' ? `${n}\u00a0%` : `${n}%`;
}

/**
 * A change between two values: percentage points for percentages (`−1,31 procentenheter`),
 * the plain difference otherwise.
 */
export function formatChange(
  metric: Pick<Metric, 'scale' | 'decimals'>,
  change: number,
  language: Language,
): string {
  const n = formatNumber(change, metric.decimals, language, true).replace('-', '\u2212');
  if (metric.scale !== 'percent') return n;
  return language === 'sv' ? `${n} procentenheter` : `${n} percentage points`;
}

export function metricUnitLabel(metric: Pick<Metric, 'scale' | 'unitLabel'>, language: Language): string {
  if (metric.scale === 'percent') return '%';
  return metric.unitLabel ? metric.unitLabel[language] : '';
}
