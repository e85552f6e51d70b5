import { describe, expect, it } from 'vitest';
import { unit } from '../test-arbitraries.js';
import { coverageCalculator, isIncomplete, unitsYetToReport, type Report } from './coverage.js';
import type { Organisation, Reorganisation } from './lineage.js';

const merge = (id: number, year: number, from: string[], to: string): Reorganisation => ({
  id,
  kind: 'merge',
  year,
  note: null,
  from,
  to: [to],
  oldName: null,
  oldParentId: null,
  newParentId: null,
});

// A department with home care (four units, one opened in 2024) and one other area.
const units = [
  unit('soc', null, 'Socialförvaltningen'),
  unit('ht', 'soc', 'Hemtjänst'),
  unit('ht-a', 'ht', 'A'),
  unit('ht-b', 'ht', 'B'),
  unit('ht-c', 'ht', 'C', { validFrom: '2015-01-01', validTo: '2023-12-31' }),
  unit('ht-d', 'ht', 'D', { validFrom: '2024-01-01', validTo: null }),
  unit('ifo', 'soc', 'IFO'),
  unit('ifo-a', 'ifo', 'IFO A'),
];
const org: Organisation = { units, parentHistory: [], reorganisations: [] };
const reports = (year: number, ids: string[]): Report[] => ids.map((unitId) => ({ unitId, year }));
const all = [
  ...reports(2022, ['ht-a', 'ht-b', 'ht-c', 'ifo-a']),
  ...reports(2023, ['ht-a', 'ht-b', 'ht-c', 'ifo-a']),
  // 2024: C has closed, D is new and reports for the first time; IFO has not reported yet.
  ...reports(2024, ['ht-a', 'ht-d']),
];

describe('coverageCalculator', () => {
  const coverage = coverageCalculator(org, all);

  it('counts a whole year as complete at every level', () => {
    const year = coverage(2023).byUnit;
    expect(year.get('soc')).toEqual({ reported: 4, expected: 4, isFinal: false });
    expect(year.get('ht')).toEqual({ reported: 3, expected: 3, isFinal: false });
    expect(year.get('ht-a')).toEqual({ reported: 1, expected: 1, isFinal: false });
    expect(isIncomplete(year.get('soc'))).toBe(false);
  });

  it('expects the units valid that year that reported before; a closed one is not, a new one that reports is', () => {
    const year = coverage(2024).byUnit;
    // Expected: A, B (reported before, still open), D (reported now); C closed in 2023; IFO A reported before.
    expect(year.get('ht')).toEqual({ reported: 2, expected: 3, isFinal: false });
    expect(year.get('ifo')).toEqual({ reported: 0, expected: 1, isFinal: false });
    expect(year.get('soc')).toEqual({ reported: 2, expected: 4, isFinal: false });
    expect(year.get('ht-b')).toEqual({ reported: 0, expected: 1, isFinal: false });
    expect(isIncomplete(year.get('soc'))).toBe(true);
    expect(isIncomplete(year.get('ht-a'))).toBe(false);
  });

  it('expects nothing in the first year: there is nothing earlier to go by', () => {
    expect(coverage(2022).byUnit.get('soc')).toEqual({ reported: 4, expected: 4, isFinal: false });
  });

  it('says who is still missing', () => {
    expect(coverage(2024).missing.sort()).toEqual(['ht-b', 'ifo-a']);
    expect(unitsYetToReport(org, all, 2024).sort()).toEqual(['ht-b', 'ifo-a']);
    expect(unitsYetToReport(org, all, 2023)).toEqual([]);
  });

  it('treats a year marked final as complete, with its counts kept', () => {
    const marked = coverageCalculator(org, all, [2024]);
    const soc = marked(2024).byUnit.get('soc');
    expect(soc).toEqual({ reported: 2, expected: 4, isFinal: true });
    expect(isIncomplete(soc)).toBe(false);
  });

  it('expects a merger’s successor where its predecessors reported, and sums them in the years before', () => {
    const merged: Organisation = {
      units: [
        unit('soc', null, 'Socialförvaltningen'),
        unit('g1', 'soc', 'Grupp 1', { validFrom: '2015-01-01', validTo: '2023-12-31' }),
        unit('g2', 'soc', 'Grupp 2', { validFrom: '2015-01-01', validTo: '2023-12-31' }),
        unit('new', 'soc', 'Ny', { validFrom: '2024-01-01', validTo: null }),
      ],
      parentHistory: [],
      reorganisations: [merge(1, 2024, ['g1', 'g2'], 'new')],
    };
    const c = coverageCalculator(merged, reports(2023, ['g1', 'g2']));
    expect(c(2024).byUnit.get('new')).toEqual({ reported: 0, expected: 1, isFinal: false });
    expect(c(2024).missing).toEqual(['new']);
    // Before the merger the successor stands over its predecessors.
    expect(c(2023).byUnit.get('new')).toEqual({ reported: 2, expected: 2, isFinal: false });
  });

  it('does not count a successor as missing while its predecessors still report that year', () => {
    // A merger registered for 2024 while the HR file still books 2024 on the old groups.
    const merged: Organisation = {
      units: [
        unit('soc', null, 'Socialförvaltningen'),
        unit('g1', 'soc', 'Grupp 1', { validFrom: '2015-01-01', validTo: '2023-12-31' }),
        unit('g2', 'soc', 'Grupp 2', { validFrom: '2015-01-01', validTo: '2023-12-31' }),
        unit('new', 'soc', 'Ny', { validFrom: '2024-01-01', validTo: null }),
      ],
      parentHistory: [],
      reorganisations: [merge(1, 2024, ['g1', 'g2'], 'new')],
    };
    const c = coverageCalculator(merged, [...reports(2023, ['g1', 'g2']), ...reports(2024, ['g1', 'g2'])]);
    expect(c(2024).missing).toEqual([]);
    expect(c(2024).byUnit.get('soc')).toEqual({ reported: 2, expected: 2, isFinal: false });
  });
});
