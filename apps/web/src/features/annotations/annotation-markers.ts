import type { AnnotationThread } from '@tillit/domain';
import type { TrendNoteMark } from '../../components/charts/trend-types';
import { formatYears } from './annotation-text';

type Span = Pick<AnnotationThread, 'id' | 'yearFrom' | 'yearTo'>;

/**
 * Each thread's number, 1, 2, 3 … in the order the list shows them (the API's: by year), so
 * that a number on the chart and in the list mean the same note.
 */
export function numberThreads(threads: readonly Pick<AnnotationThread, 'id'>[]): Map<number, number> {
  return new Map(threads.map((t, i) => [t.id, i + 1]));
}

/** The part of a note's years the chart shows, or null when the chart has none of them. */
export function visibleSpan(note: Pick<Span, 'yearFrom' | 'yearTo'>, chartYears: readonly number[]): { from: number; to: number } | null {
  const inside = chartYears.filter((y) => y >= note.yearFrom && y <= note.yearTo);
  const from = inside[0];
  const to = inside.at(-1);
  return from === undefined || to === undefined ? null : { from, to };
}

/**
 * The marks to draw for the notes: one per year or span shown on the chart, labelled with the
 * numbers of the notes on it ("1" or "2, 3"). A span reaching past the chart's years is cut to
 * them; a note entirely outside them has no mark (the list still shows it and says so).
 */
export function annotationMarks(threads: readonly Span[], chartYears: readonly number[]): TrendNoteMark[] {
  const numbers = numberThreads(threads);
  const marks = new Map<string, { from: number; to: number; numbers: number[] }>();
  for (const thread of threads) {
    const span = visibleSpan(thread, chartYears);
    if (!span) continue;
    const key = `${span.from}-${span.to}`;
    const mark = marks.get(key) ?? { ...span, numbers: [] };
    mark.numbers.push(numbers.get(thread.id) ?? 0);
    marks.set(key, mark);
  }
  return [...marks.values()]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((m) => ({ from: m.from, to: m.to, label: m.numbers.join(', ') }));
}

/** For the chart's table: the numbers of the notes about each year. */
export function notesByYear(threads: readonly Span[]): Map<number, number[]> {
  const numbers = numberThreads(threads);
  const byYear = new Map<number, number[]>();
  for (const thread of threads) {
    for (let year = thread.yearFrom; year <= thread.yearTo; year++) {
      byYear.set(year, [...(byYear.get(year) ?? []), numbers.get(thread.id) ?? 0]);
    }
  }
  return byYear;
}

/** The notes in a few words for the chart's text description: "1 (2022), 2 (2020–2021)". */
export function listNotesBriefly(threads: readonly Span[]): string {
  const numbers = numberThreads(threads);
  return threads.map((t) => `${numbers.get(t.id) ?? 0} (${formatYears(t.yearFrom, t.yearTo)})`).join(', ');
}
