import {
  aggregateTree,
  buildTree,
  DEFAULT_METRICS,
  isActiveInYear,
  metricValue,
  roundTo,
  suppressTree,
} from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_MERGER, DEPARTMENT_ID, generateDemoData, REAL_FIGURES } from './generate.js';

const data = generateDemoData();
const roots = buildTree(data.units);
const metric = (key: string) => DEFAULT_METRICS.find((m) => m.key === key)!;

function departmentValue(key: string, year: number) {
  const m = metric(key);
  const cells = aggregateTree(
    roots,
    data.values.filter((v) => v.metricKey === key && v.year === year).map((v) => ({ ...v, source: 's' })),
    m,
  );
  const total = cells.get(DEPARTMENT_ID)!.total!;
  return { value: metricValue(m, total.numerator, total.denominator)!, cells };
}

describe('demo data', () => {
  it('is the same every time it is generated', () => {
    expect(generateDemoData()).toEqual(data);
  });

  it('has a department, five areas and forty units (today; two more merged in 2022)', () => {
    expect(data.units.filter((u) => u.kind === 'area')).toHaveLength(5);
    expect(data.units.filter((u) => u.kind === 'unit' && isActiveInYear(u, 2024))).toHaveLength(40);
    expect(data.units.filter((u) => u.kind === 'unit' && isActiveInYear(u, 2021))).toHaveLength(41);
  });

  it('has one merger: two groups with a manager each became Hemtjänst Landsbygd in 2022', () => {
    expect(data.reorganisations).toEqual([expect.objectContaining({ kind: 'merge', year: 2022, from: DEMO_MERGER.predecessors.map((p) => p.id), to: [DEMO_MERGER.successor] })]);
    const own = (unitId: string) => data.values.filter((v) => v.unitId === unitId && v.metricKey === 'staff_per_manager');
    expect(own(DEMO_MERGER.successor).map((v) => v.year)).toEqual([2022, 2023, 2024, 2025]);
    for (const p of DEMO_MERGER.predecessors) {
      expect(own(p.id).map((v) => [v.year, v.denominator])).toEqual([[2019, 1], [2020, 1], [2021, 1]]);
    }
  });

  it.each(REAL_FIGURES)('reproduces the real $metricKey for $year: $value', ({ metricKey, year, value }) => {
    const { value: computed } = departmentValue(metricKey, year);
    expect(roundTo(computed, metric(metricKey).decimals)).toBe(value);
  });

  it('gives every unit 25 staff per manager or fewer in 2024', () => {
    const spans = data.values.filter((v) => v.metricKey === 'staff_per_manager' && v.year === 2024);
    expect(spans).toHaveLength(40);
    for (const v of spans) expect(v.numerator / v.denominator).toBeLessThanOrEqual(25);
  });

  it('had units above 25 staff per manager in 2019, before the reform', () => {
    const spans = data.values.filter((v) => v.metricKey === 'staff_per_manager' && v.year === 2019);
    expect(spans.some((v) => v.numerator / v.denominator > 25)).toBe(true);
  });

  it('keeps every figure valid: whole persons, no numerator above what it counts', () => {
    for (const v of data.values) {
      expect(v.denominator).toBeGreaterThan(0);
      expect(v.numerator).toBeGreaterThanOrEqual(0);
      if (v.metricKey !== 'staff_per_manager') expect(v.numerator).toBeLessThanOrEqual(v.denominator);
      if (v.groupSize !== null) expect(Number.isInteger(v.groupSize)).toBe(true);
    }
  });

  it('hides unit-level manager sick leave but shows the department', () => {
    const m = metric('manager_sick_leave');
    const { cells } = departmentValue('manager_sick_leave', 2024);
    const verdicts = suppressTree(roots, cells, m.suppressionThreshold);
    expect(verdicts.get(DEPARTMENT_ID)?.suppressed).toBe(false);
    const units = data.units.filter((u) => u.kind === 'unit' && isActiveInYear(u, 2024));
    for (const u of units) expect(verdicts.get(u.id)?.suppressed).toBe(true);
  });
});
