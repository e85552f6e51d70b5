import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directionOf, isTargetMet, trendSummary } from './assess.js';
import { DEFAULT_METRICS } from './catalogue.js';

const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;
const tenure = DEFAULT_METRICS.find((m) => m.key === 'manager_tenure_3y')!;

describe('isTargetMet', () => {
  it('checks an upper bound', () => {
    const max = { min: null, max: 25 };
    expect(isTargetMet(max, 24.9, 1)).toBe(true);
    expect(isTargetMet(max, 25, 1)).toBe(true);
    expect(isTargetMet(max, 25.1, 1)).toBe(false);
  });

  it('checks a lower bound', () => {
    const min = { min: 50, max: null };
    expect(isTargetMet(min, 50, 0)).toBe(true);
    expect(isTargetMet(min, 28, 0)).toBe(false);
    expect(isTargetMet(min, 49.5, 0)).toBe(true); // shown as 50 %
    expect(isTargetMet(min, 49.4, 0)).toBe(false);
  });

  it('checks both bounds of a range', () => {
    const range = { min: 10, max: 35 };
    expect(isTargetMet(range, 9.9, 1)).toBe(false);
    expect(isTargetMet(range, 10, 1)).toBe(true);
    expect(isTargetMet(range, 17.5, 1)).toBe(true);
    expect(isTargetMet(range, 35, 1)).toBe(true);
    expect(isTargetMet(range, 35.1, 1)).toBe(false);
  });

  it('compares at the precision the value is shown with', () => {
    const max = { min: null, max: 2.5 };
    expect(isTargetMet(max, 2.504, 2)).toBe(true); // shown as 2,50 %
    expect(isTargetMet(max, 2.505, 2)).toBe(false); // shown as 2,51 %
    expect(isTargetMet(max, 2.504, 3)).toBe(false);
    expect(isTargetMet({ min: null, max: 5 }, 5.04, 1)).toBe(true);
  });

  it('has no verdict without a target or without a value', () => {
    expect(isTargetMet(null, 3, 1)).toBeNull();
    expect(isTargetMet({ min: null, max: 5 }, null, 1)).toBeNull();
  });

  it('property: agrees with the shown value compared with the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (v, a, b) => {
        const [lo, hi] = [Math.min(a, b) / 100, Math.max(a, b) / 100];
        const value = v / 100;
        expect(isTargetMet({ min: lo, max: hi }, value, 2)).toBe(value >= lo && value <= hi);
        expect(isTargetMet({ min: null, max: hi }, value, 2)).toBe(value <= hi);
        expect(isTargetMet({ min: lo, max: null }, value, 2)).toBe(value >= lo);
      }),
    );
  });
});

describe('directionOf', () => {
  it('calls a fall improving when lower is better, and a rise worsening', () => {
    expect(directionOf('lower', 3.42, 2.11, 2)).toBe('improving');
    expect(directionOf('lower', 4, 7.3, 1)).toBe('worsening');
  });

  it('calls a rise improving when higher is better', () => {
    expect(directionOf('higher', 28, 50, 0)).toBe('improving');
    expect(directionOf('higher', 50, 28, 0)).toBe('worsening');
  });

  it('only says that a neutral metric changed', () => {
    expect(directionOf('neutral', 5, 7, 1)).toBe('changing');
    expect(directionOf('neutral', 7, 5, 1)).toBe('changing');
    expect(directionOf('neutral', 7, 7, 1)).toBe('steady');
  });

  it('calls a change that rounds away at the shown precision steady', () => {
    expect(directionOf('lower', 2.111, 2.114, 2)).toBe('steady');
    expect(directionOf('higher', 49.6, 50.4, 0)).toBe('steady');
    expect(directionOf('lower', 0.1 + 0.2, 0.3, 2)).toBe('steady');
    expect(directionOf('lower', 2.114, 2.116, 2)).toBe('worsening'); // 2,11 → 2,12
  });

  it('has no direction without both values', () => {
    expect(directionOf('lower', null, 3, 1)).toBe('no_data');
    expect(directionOf('higher', 3, null, 1)).toBe('no_data');
    expect(directionOf('neutral', null, null, 1)).toBe('no_data');
  });

  it('property: lower and higher always disagree about a change, and agree about none', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 3 }), (a, b, d) => {
        const lower = directionOf('lower', a, b, d);
        const higher = directionOf('higher', a, b, d);
        const swap = { improving: 'worsening', worsening: 'improving', steady: 'steady' } as const;
        expect(lower).not.toBe('changing');
        expect(higher).toBe(swap[lower as keyof typeof swap]);
        expect(directionOf('lower', b, a, d)).toBe(higher);
        expect(directionOf('neutral', a, b, d)).toBe(lower === 'steady' ? 'steady' : 'changing');
      }),
    );
  });
});

describe('trendSummary', () => {
  it('finds the latest, previous and first years with a value, in any order, skipping gaps', () => {
    const s = trendSummary(sickLeave, [
      { year: 2024, value: 2.11 },
      { year: 2019, value: 3.42 },
      { year: 2023, value: null },
      { year: 2022, value: 2.6 },
      { year: 2025, value: null },
    ]);
    expect(s.latest).toEqual({ year: 2024, value: 2.11 });
    expect(s.previous).toEqual({ year: 2022, value: 2.6 });
    expect(s.first).toEqual({ year: 2019, value: 3.42 });
    expect(s.change).toBeCloseTo(-0.49, 10);
    expect(s.direction).toBe('improving');
    expect(s.isTargetMet).toBe(true);
  });

  it('tells the target and direction of a higher-is-better metric', () => {
    const s = trendSummary(tenure, [
      { year: 2019, value: 28 },
      { year: 2024, value: 49.6 },
    ]);
    expect(s.direction).toBe('improving');
    expect(s.isTargetMet).toBe(true); // 49.6 is shown as 50 %
    expect(s.first).toEqual({ year: 2019, value: 28 });
  });

  it('has no previous, first or change with a single value', () => {
    const s = trendSummary(sickLeave, [{ year: 2024, value: 2.7 }]);
    expect(s.latest).toEqual({ year: 2024, value: 2.7 });
    expect(s).toMatchObject({ previous: null, first: null, change: null, direction: 'no_data', isTargetMet: false });
  });

  it('has nothing at all without values', () => {
    const s = trendSummary(sickLeave, [{ year: 2024, value: null }]);
    expect(s).toEqual({ latest: null, previous: null, first: null, change: null, direction: 'no_data', isTargetMet: null });
    expect(trendSummary(sickLeave, []).latest).toBeNull();
  });

  it('does not reorder the points it is given', () => {
    const points = [
      { year: 2024, value: 1 },
      { year: 2019, value: 2 },
    ];
    trendSummary(sickLeave, points);
    expect(points.map((p) => p.year)).toEqual([2024, 2019]);
  });
});
