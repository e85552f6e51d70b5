import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from './catalogue.js';
import { ratio } from './ratio.js';
import type { Metric } from './schemas.js';
import { computeSafePoints, emptyPoint, type YearContribution } from './series.js';
import { scenarioArb, unit } from './test-arbitraries.js';
import { buildTree } from './tree.js';

const metric = (key: string): Metric => {
  const m = DEFAULT_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(key);
  return m;
};
const sickLeave = metric('manager_sick_leave');
const staffPerManager = metric('staff_per_manager');

const roots = buildTree([
  unit('sof', null, 'Socialförvaltningen'),
  unit('norr', 'sof', 'Område Norr'),
  unit('syd', 'sof', 'Område Syd'),
  unit('n1', 'norr', 'Enhet 1'),
]);

const at = (year: number, unitId: string, numerator: number, denominator: number, groupSize: number | null, source = 'HR-systemet'): YearContribution => ({
  year,
  unitId,
  numerator,
  denominator,
  groupSize,
  source,
});

describe('computeSafePoints', () => {
  it('gives years in ascending order whatever the input order', () => {
    const out = computeSafePoints(roots, staffPerManager, [
      at(2024, 'syd', 220, 10, null),
      at(2019, 'syd', 250, 10, null),
      at(2021, 'syd', 230, 10, null),
    ]);
    expect([...out.keys()]).toEqual([2019, 2021, 2024]);
  });

  it('computes percentages from summed numerators and denominators', () => {
    const out = computeSafePoints(roots, sickLeave, [
      at(2019, 'norr', 58.14, 1700, 12),
      at(2019, 'syd', 116.28, 3400, 15),
    ]);
    const sof = out.get(2019)!.get('sof')!;
    expect(sof.suppressed).toBe(false);
    expect(sof.numerator).toBe(174.42);
    expect(sof.denominator).toBe(5100);
    expect(sof.value).toBeCloseTo(3.42, 10);
    expect(sof.sources).toEqual(['HR-systemet']);
  });

  it('computes plain ratios for a ratio metric', () => {
    const out = computeSafePoints(roots, staffPerManager, [at(2024, 'n1', 224, 10, null), at(2024, 'syd', 175, 10, null)]);
    expect(out.get(2024)!.get('n1')!.value).toBeCloseTo(22.4, 10);
    expect(out.get(2024)!.get('sof')!.value).toBeCloseTo(19.95, 10);
  });

  it('gives a suppressed point no value, numerator, denominator or sources, only the reason', () => {
    const out = computeSafePoints(roots, sickLeave, [
      at(2024, 'n1', 40, 1700, 1, 'Lönesystemet'),
      at(2024, 'syd', 90, 20000, 14),
    ]);
    const year = out.get(2024)!;
    for (const id of ['n1', 'norr']) {
      expect(year.get(id)).toEqual({
        year: 2024,
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
        reason: 'small_group',
        sources: [],
      });
    }
    // The department minus Område Syd would give the one manager's sick leave.
    expect(year.get('syd')).toMatchObject({ suppressed: true, reason: 'secondary', value: null, numerator: null });
    expect(year.get('sof')).toMatchObject({ suppressed: false, denominator: 21700 });
    expect(year.get('sof')!.sources).toEqual(['HR-systemet', 'Lönesystemet']);
  });

  it('shows everything for a metric without a threshold', () => {
    const out = computeSafePoints(roots, staffPerManager, [at(2024, 'n1', 3, 1, null)]);
    expect(out.get(2024)!.get('n1')).toMatchObject({ value: 3, suppressed: false, reason: null });
  });

  it('suppresses each year on its own and leaves out units without data that year', () => {
    const out = computeSafePoints(roots, sickLeave, [at(2023, 'syd', 90, 20000, 14), at(2024, 'syd', 90, 20000, 4)]);
    expect(out.get(2023)!.get('syd')!.suppressed).toBe(false);
    expect(out.get(2024)!.get('syd')!.reason).toBe('small_group');
    expect(out.get(2023)!.has('norr')).toBe(false);
    expect(out.get(2023)!.has('n1')).toBe(false);
  });

  it('is empty without contributions', () => {
    expect(computeSafePoints(roots, sickLeave, []).size).toBe(0);
  });

  it('property: no suppressed point carries a figure, and shown points carry the right value', () => {
    const yearArb = fc.constantFrom(2019, 2020, 2024);
    fc.assert(
      fc.property(scenarioArb({ maxNodes: 12 }), fc.array(yearArb, { minLength: 30, maxLength: 30 }), fc.constantFrom(sickLeave, staffPerManager), (s, years, m) => {
        const contributions = s.contributions.map((c, i) => ({ ...c, year: years[i % years.length]! }));
        const out = computeSafePoints(s.roots, m, contributions);
        expect([...out.keys()]).toEqual([...new Set(contributions.map((c) => c.year))].sort());
        for (const [year, points] of out) {
          for (const p of points.values()) {
            expect(p.year).toBe(year);
            if (p.suppressed) {
              expect(p).toMatchObject({ value: null, numerator: null, denominator: null, sources: [] });
              expect(p.reason).not.toBeNull();
            } else {
              expect(p.reason).toBeNull();
              expect(p.value).toBe(ratio(p.numerator!, p.denominator!, m.scale));
              expect(p.sources.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('emptyPoint', () => {
  it('is a point without data that is not suppressed', () => {
    expect(emptyPoint(2020)).toEqual({
      year: 2020,
      value: null,
      numerator: null,
      denominator: null,
      suppressed: false,
      reason: null,
      sources: [],
    });
  });
});
