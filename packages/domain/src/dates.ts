/**
 * Dates for people, the one formatter the product uses. Numeric dates are ISO (2026-12-04) in
 * both languages, never the day-month or month-day order of 04/12/2026 that readers take either
 * way; dates in words are unambiguous already (4 december 2026, 4 December 2026). Instants are
 * shown in Swedish time, where the organisation is, whatever the browser's zone.
 */
import { intlLocale } from './locales.js';
import type { Language } from './schemas.js';

export type DateStyle = 'numeric' | 'long';

const TIME_ZONE = 'Europe/Stockholm';
/** A calendar date without a time (`2025-12-31`, a unit's last day): no zone moves it. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}

function parse(value: string | Date): { date: Date; timeZone: string } | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value, timeZone: TIME_ZONE };
  const isDateOnly = DATE_ONLY.test(value);
  const date = new Date(isDateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  return { date, timeZone: isDateOnly ? 'UTC' : TIME_ZONE };
}

/** `2026-12-04` from the parts, whatever order the locale would put them in. */
function isoDate(date: Date, timeZone: string): string {
  const parts = format(`iso:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A date: `numeric` is `2026-12-04` in both languages; `long` is `4 december 2026` in Swedish
 * and `4 December 2026` in English. Something that is not a date is given back as it was.
 */
export function formatDate(value: string | Date, language: Language, style: DateStyle = 'long'): string {
  const parsed = parse(value);
  if (!parsed) return String(value);
  if (style === 'numeric') return isoDate(parsed.date, parsed.timeZone);
  const locale = intlLocale(language);
  return format(`long:${locale}:${parsed.timeZone}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: parsed.timeZone }),
  ).format(parsed.date);
}

/** A moment: `2026-12-04 14:03` in both languages (24-hour clock, Swedish time). */
export function formatDateTime(value: string | Date, language: Language): string {
  const parsed = parse(value);
  if (!parsed) return String(value);
  if (parsed.timeZone === 'UTC') return formatDate(value, language, 'numeric');
  const time = format(`time:${parsed.timeZone}`, () =>
    new Intl.DateTimeFormat(intlLocale('sv'), { timeZone: parsed.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(parsed.date);
  return `${isoDate(parsed.date, parsed.timeZone)} ${time}`;
}
