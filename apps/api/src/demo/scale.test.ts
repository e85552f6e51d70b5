import { buildTree } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { generateScaleData, SCALE_MANAGER_UNIT_IDS, SCALE_ROOT_ID } from './scale.js';

const data = generateScaleData();

describe('the scale dataset (benchmarks only)', () => {
  it('is one organisation of 8 departments, 80 areas and 2,000 units, every metric for 20 years', () => {
    expect(buildTree(data.units).map((r) => r.id)).toEqual([SCALE_ROOT_ID]);
    const count = (kind: string) => data.units.filter((u) => u.kind === kind).length;
    expect([count('department'), count('area'), count('unit')]).toEqual([8, 80, 2000]);
    expect(data.values).toHaveLength(2000 * 6 * 20);
    expect(data.published).toEqual([]);
    for (const id of SCALE_MANAGER_UNIT_IDS) expect(data.units.some((u) => u.id === id && u.kind === 'unit')).toBe(true);
  });

  it('has groups small enough to be suppressed and large enough to be shown', () => {
    const sizes = data.values.filter((v) => v.metricKey === 'staff_turnover').map((v) => v.groupSize!);
    expect(sizes.some((s) => s <= 10)).toBe(true);
    expect(sizes.some((s) => s > 10)).toBe(true);
    expect(data.values.every((v) => v.denominator > 0 && v.numerator >= 0)).toBe(true);
  });

  it('is the same every time', () => {
    expect(generateScaleData().values.slice(0, 500)).toEqual(data.values.slice(0, 500));
  });
});
