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
  coverage: { reported: 1, expected: 1, isFinal: false },
});
const series = (id: string, points: Point[], isFocus = false, isClosed = false): ComparisonSeries => ({
  id,
  name: id.toUpperCase(),
  kind: 'unit',
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
  spread: { year: 2024, members: 5, shown: 2, hidden: 1, noData: 1, incomplete: 0, meetingTarget: 2 },
};
const metric = { goodDirection: 'lower' as const, target: { min: null, max: 20 }, decimals: 1 };

describe('comparisonModel', () => {
  it('puts the best first by the good direction and keeps hidden and missing units apart', () => {
    const m = comparisonModel(data, metric);
    expect(m.bars.map((b) => `${b.id}:${b.value}`)).toEqual(['a:17', 'b:21']);
    expect(m.bars[0]!.isFocus).toBe(true);
    expect(m.hidden.map((h) => h.id)).toEqual(['c']);
    // A closed unit without figures is not "missing".
    expect(m.missing.map((h) => h.id)).toEqual(['d']);
    expect(m.referenceValue).toBe(18);
  });

  it('puts the highest first when higher is better', () => {
    expect(comparisonModel(data, { ...metric, goodDirection: 'higher' }).bars.map((b) => b.id)).toEqual(['b', 'a']);
  });

  it('judges each bar by the year’s own target, and does not judge a bar only some units are behind', () => {
    const history = { ...metric, targetHistory: [{ validFrom: 1990, target: { min: null, max: 25 } }, { validFrom: 2024, target: { min: null, max: 20 } }] };
    expect(comparisonModel(data, history).bars.map((b) => `${b.id}:${b.verdict}`)).toEqual(['a:met', 'b:missed']);
    const in2023 = comparisonModel({ ...data, spread: { ...data.spread, year: 2023 } }, history);
    expect(in2023.bars.map((b) => `${b.id}:${b.verdict}`)).toEqual(['d:met', 'e:met', 'b:met', 'a:met']);
    expect(in2023.target).toEqual({ min: null, max: 25 });
    const partial = { ...data, members: [series('x', [{ ...point(2024, 30), coverage: { reported: 2, expected: 8, isFinal: false } }])] };
    expect(comparisonModel(partial, metric).bars[0]!.verdict).toBe('incomplete');
    expect(comparisonModel(partial, { ...metric, target: null }).bars[0]!.verdict).toBe('incomplete');
  });

  it('draws a zero as a bar of its own and runs the axis in round steps past the target', () => {
    const zero = { ...data, members: [series('z', [point(2024, 0)]), series('y', [point(2024, 11)])] };
    const m = comparisonModel(zero, metric);
    expect(m.bars.map((b) => b.value)).toEqual([0, 11]);
    // Not 0/3/6/9/11: round ticks that reach past the target (20).
    expect(m.axis).toEqual({ domain: [0, 25], ticks: [0, 5, 10, 15, 20, 25] });
  });

  it('offers the years with figures, newest first', () => {
    expect(selectableYears(data)).toEqual([2024, 2023]);
  });
});
