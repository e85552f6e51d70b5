import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricValue, ratio, roundTo, sumQuantities } from './ratio.js';

describe('ratio', () => {
  it('gives a percentage on the percent scale and a plain ratio otherwise', () => {
    expect(ratio(3, 4, 'percent')).toBe(75);
    expect(ratio(3, 4, 'ratio')).toBe(0.75);
    expect(ratio(224, 10, 'ratio')).toBeCloseTo(22.4, 10);
    expect(ratio(0, 5, 'percent')).toBe(0);
  });

  it('is null when there is nothing to divide by', () => {
    expect(ratio(1, 0, 'percent')).toBeNull();
    expect(ratio(0, 0, 'ratio')).toBeNull();
    expect(ratio(1, -2, 'percent')).toBeNull();
    expect(ratio(1, Number.NaN, 'percent')).toBeNull();
    expect(ratio(Number.NaN, 2, 'percent')).toBeNull();
    expect(ratio(Number.POSITIVE_INFINITY, 2, 'ratio')).toBeNull();
  });

  it('the percent scale is always 100 times the ratio scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: 1, max: 10 ** 8 }), (n, d) => {
        const p = ratio(n / 100, d / 100, 'percent');
        const r = ratio(n / 100, d / 100, 'ratio');
        expect(p).not.toBeNull();
        expect(p!).toBeCloseTo(r! * 100, 6);
      }),
    );
  });

  it('metricValue follows the metric scale', () => {
    expect(metricValue({ scale: 'percent' }, 342, 10_000)).toBeCloseTo(3.42, 12);
    expect(metricValue({ scale: 'ratio' }, 175, 10)).toBe(17.5);
    expect(metricValue({ scale: 'ratio' }, 175, 0)).toBeNull();
  });
});

describe('roundTo', () => {
  it('rounds half away from zero on the decimal representation', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.115, 2)).toBe(2.12);
    expect(roundTo(0.285, 2)).toBe(0.29);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(3.4249, 2)).toBe(3.42);
    expect(roundTo(22.45, 1)).toBe(22.5);
    expect(roundTo(1234.5678, 0)).toBe(1235);
  });

  it('leaves a number that already has that many decimals unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 0, max: 3 }), (k, d) => {
        const x = k / 10 ** d;
        expect(roundTo(x, d)).toBeCloseTo(x, 12);
        expect(roundTo(roundTo(x, d), d)).toBe(roundTo(x, d));
      }),
    );
  });

  it('rounds an exact half of the last decimal upwards in magnitude', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 3 }), (k, d) => {
        // k + 0.5 in units of the last decimal, written as a decimal number: e.g. 2.115 for k=211, d=2.
        const half = Number(d === 0 ? `${k}.5` : `${(k / 10 ** d).toFixed(d)}5`);
        expect(roundTo(half, d)).toBeCloseTo((k + 1) / 10 ** d, 12);
        expect(roundTo(-half, d)).toBeCloseTo(-(k + 1) / 10 ** d, 12);
      }),
    );
  });

  it('is never further from the value than half of the last decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, d) => {
        expect(Math.abs(roundTo(x, d) - x)).toBeLessThanOrEqual(0.5 / 10 ** d + 1e-9);
      }),
    );
  });
});

describe('sumQuantities', () => {
  it('sums hundredths without drifting', () => {
    expect(sumQuantities([0.1, 0.2])).toBe(0.3);
    expect(sumQuantities([0.1, 0.2, 0.3])).toBe(0.6);
    expect(sumQuantities(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(sumQuantities([1.3, 6.9, 1.8])).toBe(10);
    expect(sumQuantities([])).toBe(0);
  });

  it('accepts any iterable', () => {
    expect(sumQuantities(new Set([1.25, 2.5]))).toBe(3.75);
  });

  it('equals the exact sum of quantities with at most two decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 40 }), (ks) => {
        const exact = ks.reduce((s, k) => s + k, 0) / 100;
        expect(sumQuantities(ks.map((k) => k / 100))).toBe(exact);
      }),
    );
  });

  it('does not depend on the order of the terms', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 7 }), { maxLength: 20 }), (ks) => {
        const xs = ks.map((k) => k / 100);
        expect(sumQuantities([...xs].reverse())).toBe(sumQuantities(xs));
      }),
    );
  });
});
