import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTree, combineCells, groupSizeOf, type Cell, type Contribution } from './aggregate.js';
import { ratio } from './ratio.js';
import { figure, scenarioArb, unit } from './test-arbitraries.js';
import { buildTree, flatten, subtreeIds } from './tree.js';

const persons = { denominatorKind: 'persons' } as const;
const hours = { denominatorKind: 'hours' } as const;

const roots = buildTree([
  unit('d', null, 'Förvaltningen'),
  unit('a', 'd', 'Område A'),
  unit('b', 'd', 'Område B'),
  unit('a1', 'a', 'Enhet 1'),
  unit('a2', 'a', 'Enhet 2'),
  unit('empty', 'd', 'Ny enhet'),
]);

describe('groupSizeOf', () => {
  it('uses a stated group size, whatever the denominator counts', () => {
    expect(groupSizeOf(persons, { denominator: 12, groupSize: 3 })).toBe(3);
    expect(groupSizeOf(hours, { denominator: 1700, groupSize: 1 })).toBe(1);
  });

  it('falls back on the denominator only when it counts persons', () => {
    expect(groupSizeOf(persons, { denominator: 12, groupSize: null })).toBe(12);
    expect(groupSizeOf(hours, { denominator: 1700, groupSize: null })).toBeNull();
    expect(groupSizeOf({ denominatorKind: 'count' }, { denominator: 5, groupSize: null })).toBeNull();
  });
});

describe('combineCells', () => {
  const cell = (numerator: number, denominator: number, groupSize: number | null, sources: string[]): Cell => ({
    numerator,
    denominator,
    groupSize,
    minGroupSize: groupSize ?? 1,
    sources,
  });

  it('is null for no cells', () => {
    expect(combineCells([])).toBeNull();
  });

  it('sums numerators and denominators exactly, and merges sources sorted without repeats', () => {
    const c = combineCells([cell(0.1, 10.1, 3, ['Lön', 'HR']), cell(0.2, 20.2, 4, ['HR'])]);
    expect(c).toEqual({ numerator: 0.3, denominator: 30.3, groupSize: 7, minGroupSize: 7, sources: ['HR', 'Lön'] });
  });

  it('has an unknown group size when any part has, and counts that part as at least one person', () => {
    const c = combineCells([cell(1, 2, 3, []), cell(1, 2, null, []), cell(1, 2, 4, [])]);
    expect(c?.groupSize).toBeNull();
    expect(c?.minGroupSize).toBe(8);
  });
});

describe('aggregateTree', () => {
  it("sums a parent's numerators and denominators over its subtree", () => {
    const cells = aggregateTree(
      roots,
      [figure('a1', 2, 20, 20), figure('a2', 3, 30, 30), figure('b', 5, 25, 25), figure('d', 1, 5, 5)],
      persons,
    );
    expect(cells.get('a')?.total).toMatchObject({ numerator: 5, denominator: 50, groupSize: 50 });
    expect(cells.get('a')?.own).toBeNull();
    expect(cells.get('d')?.total).toMatchObject({ numerator: 11, denominator: 80, groupSize: 80 });
    expect(cells.get('d')?.own).toMatchObject({ numerator: 1, denominator: 5, groupSize: 5 });
    expect(cells.get('a1')?.own).toEqual(cells.get('a1')?.total);
  });

  it('never averages the children’s ratios', () => {
    // 1 of 10 is 10 %, 30 of 100 is 30 %: the mean would be 20 %, the area is 31 of 110.
    const cells = aggregateTree(roots, [figure('a1', 1, 10, 10), figure('a2', 30, 100, 100)], persons);
    const total = cells.get('a')!.total!;
    const value = ratio(total.numerator, total.denominator, 'percent')!;
    expect(value).toBeCloseTo((31 / 110) * 100, 10);
    expect(value).not.toBeCloseTo(20, 1);
  });

  it('gives units without data in their subtree a null total, and ignores unknown units', () => {
    const cells = aggregateTree(roots, [figure('a1', 1, 10, 10), figure('elsewhere', 5, 5, 5)], persons);
    expect(cells.get('empty')).toEqual({ total: null, own: null });
    expect(cells.get('b')?.total).toBeNull();
    expect(cells.get('d')?.total).toMatchObject({ numerator: 1, denominator: 10 });
    expect(cells.has('elsewhere')).toBe(false);
  });

  it('uses the denominator as the group size for person counts without a stated size', () => {
    const list = [figure('a1', 1, 12, null), figure('a2', 2, 9, null)];
    expect(aggregateTree(roots, list, persons).get('a')?.total?.groupSize).toBe(21);
    expect(aggregateTree(roots, list, hours).get('a')?.total?.groupSize).toBeNull();
  });

  it('has an unknown group size on every ancestor of a figure with unknown size', () => {
    const cells = aggregateTree(roots, [figure('a1', 1, 100, null), figure('b', 1, 100, 40)], hours);
    expect(cells.get('a')?.total?.groupSize).toBeNull();
    expect(cells.get('d')?.total?.groupSize).toBeNull();
    expect(cells.get('b')?.total?.groupSize).toBe(40);
  });

  it('keeps the sources of every figure in the subtree', () => {
    const cells = aggregateTree(
      roots,
      [figure('a1', 1, 10, 10, 'Lönesystemet'), figure('b', 1, 10, 10, 'HR-systemet'), figure('a2', 1, 10, 10, 'HR-systemet')],
      persons,
    );
    expect(cells.get('d')?.total?.sources).toEqual(['HR-systemet', 'Lönesystemet']);
    expect(cells.get('a1')?.total?.sources).toEqual(['Lönesystemet']);
  });

  it('property: every total is the exact sum of the figures in its subtree', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom(persons, hours), (s, metric) => {
        const cells = aggregateTree(s.roots, s.contributions, metric);
        for (const node of flatten(s.roots)) {
          const inSubtree = new Set(subtreeIds(node));
          const mine = s.contributions.filter((c) => inSubtree.has(c.unitId));
          const agg = cells.get(node.id);
          expect(agg).toBeDefined();
          if (mine.length === 0) {
            expect(agg!.total).toBeNull();
            continue;
          }
          const hundredths = (f: (c: Contribution) => number): number =>
            mine.reduce((sum, c) => sum + Math.round(f(c) * 100), 0) / 100;
          expect(agg!.total!.numerator).toBe(hundredths((c) => c.numerator));
          expect(agg!.total!.denominator).toBe(hundredths((c) => c.denominator));
          const sizes = mine.map((c) => groupSizeOf(metric, c));
          const expected = sizes.some((g) => g === null) ? null : sizes.reduce<number>((a, g) => a + g!, 0);
          if (metric === hours) expect(agg!.total!.groupSize).toBe(expected);
          else expect(agg!.total!.groupSize).toBeCloseTo(expected!, 6);
          expect(agg!.total!.sources).toEqual([...new Set(mine.map((c) => c.source))].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: a unit's total is its own figures plus its children's totals", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const cells = aggregateTree(s.roots, s.contributions, hours);
        for (const node of flatten(s.roots)) {
          const agg = cells.get(node.id)!;
          const parts = [agg.own, ...node.children.map((c) => cells.get(c.id)!.total)].filter((c) => c !== null);
          if (parts.length === 0) expect(agg.total).toBeNull();
          else expect(agg.total).toEqual(combineCells(parts));
          const own = s.contributions.filter((c) => c.unitId === node.id);
          expect(agg.own === null).toBe(own.length === 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
