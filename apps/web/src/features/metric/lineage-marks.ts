import { intlLocale, type Language, type LineageEvent, lineageLabel } from '@tillit/domain';
import type { TrendMarker } from '../../components/charts/trend-types';

/** The labels of a year's reorganisations in the reader's language: "2 blev 1", "Hette tidigare …". */
export function eventLabelsByYear(events: readonly LineageEvent[], language: Language): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of events) {
    const label = lineageLabel(e, language);
    out.set(e.year, out.has(e.year) ? `${out.get(e.year)!}; ${label}` : label);
  }
  return out;
}

/** One marker per year with reorganisations, within the chart's years (others would widen the axis). */
export function eventMarks(events: readonly LineageEvent[], years: readonly number[], language: Language): TrendMarker[] {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return [...eventLabelsByYear(events, language)]
    .filter(([year]) => year >= first && year <= last)
    .map(([year, label]) => ({ year, label }));
}

/** The units' names as a list: "A, B och C" / "A, B and C". */
export function listNames(units: readonly { name: string }[], language: Language): string {
  return new Intl.ListFormat(intlLocale(language), { type: 'conjunction' }).format(units.map((u) => u.name));
}
