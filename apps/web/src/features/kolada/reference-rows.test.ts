import type { ReferenceSeries } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { isReferenceComparable, referenceValues, withReferences } from './reference-rows';

const series: ReferenceSeries = {
  kpi: 'N00090',
  label: { sv: 'Sjukfrånvaro, alla anställda i kommunen (Kolada N00090)', en: 'Sick leave (Kolada N00090)' },
  municipality: '0680',
  gender: 'T',
  points: [
    { year: 2018, value: 6.94, status: null, source: 's', isSynthetic: true },
    { year: 2019, value: 6.8149, status: null, source: 's', isSynthetic: true },
    { year: 2020, value: null, status: 'Saknas', source: 's', isSynthetic: false },
  ],
  source: 's',
  sourceUrl: null,
  isSynthetic: true,
};

describe('withReferences', () => {
  it("adds the reference by year, rounded, only for the chart's years; a year without a figure is a gap", () => {
    const rows = withReferences([{ year: 2019 }, { year: 2020 }, { year: 2021 }], [series], 2);
    expect(rows.map((r) => r.references)).toEqual([[6.81], [null], [null]]);
    expect(rows[1]!.referenceCells[0]).toEqual({ value: null, status: 'Saknas', isSynthetic: false });
    expect(rows[2]!.referenceCells[0]).toBeNull();
    expect(referenceValues(rows)).toEqual([{ value: 6.81 }, { value: null }, { value: null }]);
  });

  it('leaves rows without references when there is no series', () => {
    expect(withReferences([{ year: 2019 }], [], 2)).toEqual([{ year: 2019, references: [], referenceCells: [] }]);
  });
});

describe('isReferenceComparable', () => {
  it('shows the municipality-wide figure next to the top of the tree only', () => {
    expect(isReferenceComparable({ kind: 'department', parentId: null })).toBe(true);
    expect(isReferenceComparable({ kind: 'organisation', parentId: null })).toBe(true);
    expect(isReferenceComparable({ kind: 'area', parentId: 'soc' })).toBe(false);
    expect(isReferenceComparable({ kind: 'unit', parentId: 'vob' })).toBe(false);
  });
});
