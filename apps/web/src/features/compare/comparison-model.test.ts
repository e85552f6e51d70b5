import type { ComparisonSeries, Point } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { comparisonModel, selectableYears } from './comparison-model';

const point = (year: number, value: number | null, suppressed = false): Point => ({
  year,
  value,
  numerator: value,
  denominator: value === null ? null : 1,
  suppressed,
  reason: suppressed ? 'small_group' : null,
  source: null,
  isSynthetic: true,
});
const series = (id: string, points: Point[], isFocus = false, isClosed = false): ComparisonSeries => ({
  id,
  name: id.toUpperCase(),
  isFocus,
  isClosed,
  points,
});

const data = {
  reference: series('area', [point(2023, 20), point(2024, 18)]),
  members: [
    series('a', [point(2023, 22), point(2024, 17)], true),
    series('b', [point(2023, 19), point(2024, 21)]),
    series('c', [point(2023, null, true), point(2024, null, true)]),
    series('d', [point(2023, 10), point(2024, null)]),
    series('e', [point(2023, 10), point(2024, null)], false, true),
  ],
  spread: { year: 2024, members: 5, shown: 2, hidden: 1, noData: 1, meetingTarget: 2 },
};

describe('comparisonModel', () => {
  it('puts the best first by the good direction and keeps hidden and missing units apart', () => {
    const m = comparisonModel(data, { goodDirection: 'lower' });
    expect(m.bars.map((b) => `${b.id}:${b.value}`)).toEqual(['a:17', 'b:21']);
    expect(m.bars[0]!.isFocus).toBe(true);
    expect(m.hidden.map((h) => h.id)).toEqual(['c']);
    // A closed unit without figures is not "missing".
    expect(m.missing.map((h) => h.id)).toEqual(['d']);
    expect(m.referenceValue).toBe(18);
  });

  it('puts the highest first when higher is better', () => {
    expect(comparisonModel(data, { goodDirection: 'higher' }).bars.map((b) => b.id)).toEqual(['b', 'a']);
  });

  it('offers the years with figures, newest first', () => {
    expect(selectableYears(data)).toEqual([2024, 2023]);
  });
});
