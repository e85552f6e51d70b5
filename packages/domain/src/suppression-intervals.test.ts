/**
 * Interval protection: beyond subtraction, a reader knows that counts are never negative and
 * that a share's numerator is never above its denominator. The independent checker (test-lp.ts,
 * linear programming with HiGHS) computes the least and the most every hidden figure can be, and
 * finds none worked out, pinned at 0 or pinned at 100 %.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTree, type Contribution } from './aggregate.js';
import type { Unit } from './schemas.js';
import { suppressTree } from './suppression.js';
import { describeScenario, figure, scenarioArb, shareQuantities, suppressionProblems, unit } from './test-arbitraries.js';
import { lpProblems, stateOfTree } from './test-lp.js';
import { buildTree } from './tree.js';

const persons = { denominatorKind: 'persons' } as const;
const hours = { denominatorKind: 'hours' } as const;

function suppress(units: Unit[], figures: Contribution[], bounded: boolean, metric: typeof persons | typeof hours = persons) {
  const roots = buildTree(units);
  const cells = aggregateTree(roots, figures, metric);
  const verdicts = suppressTree(roots, cells, 10, { bounded });
  const reasonOf = (id: string) => (verdicts.get(id)!.suppressed ? verdicts.get(id)!.reason : 'shown');
  return { roots, cells, verdicts, reasonOf };
}

const department = (areas: string[]): Unit[] => [
  unit('sof', null, 'Socialförvaltningen', { kind: 'department' }),
  ...areas.map((id) => unit(id, 'sof', id, { kind: 'area' })),
];

describe('zero and full remainders (issue 17, finding 1)', () => {
  it('does not let a department minus its shown areas say that the hidden areas had no leavers', () => {
    // The demo's manager turnover 2020: 4 leavers in the department, 0 + 1 + 3 in the shown
    // areas, so the hidden ones (7 and 6 managers) would be pinned at 0.
    const units = department(['fun', 'hem', 'vob', 'hsv', 'ifo']);
    const { reasonOf, roots, cells, verdicts } = suppress(
      units,
      [figure('fun', 0, 12, null), figure('hem', 1, 30, null), figure('vob', 3, 25, null), figure('hsv', 0, 7, null), figure('ifo', 0, 6, null)],
      false,
    );
    expect(reasonOf('hsv')).toBe('small_group');
    expect(reasonOf('ifo')).toBe('small_group');
    // Before: fun, hem, vob and the department all shown, 4 − 0 − 1 − 3 = 0.
    expect(['hem', 'vob'].map(reasonOf)).toContain('secondary');
    expect(reasonOf('sof')).toBe('shown');
    return expect(lpProblems([stateOfTree(roots, cells, verdicts)], { bounded: false, threshold: 10 })).resolves.toEqual([]);
  });

  it('does not let a share at 0 % over 11 managers pin the one hidden manager under it', () => {
    // Tenure 2020 in Funktionsstöd: 0 of 11 managers with three years, one of them in Boendestöd.
    const units = [unit('fun', null, 'Funktionsstöd', { kind: 'area' }), unit('boende', 'fun'), unit('daglig', 'fun'), unit('ledsag', 'fun')];
    const { reasonOf } = suppress(units, [figure('boende', 0, 1, null), figure('daglig', 0, 2, null), figure('ledsag', 0, 8, null)], true);
    expect(reasonOf('boende')).toBe('small_group');
    expect(reasonOf('fun')).toBe('secondary');
  });

  it('does not let a share at 100 % pin every hidden unit at 100 %', () => {
    const units = department(['a', 'b', 'c']);
    const { reasonOf, roots, cells, verdicts } = suppress(
      units,
      [figure('a', 30, 40, null), figure('b', 5, 5, null), figure('c', 4, 4, null)],
      true,
    );
    expect(reasonOf('b')).toBe('small_group');
    expect(reasonOf('c')).toBe('small_group');
    expect(reasonOf('a') === 'shown' && reasonOf('sof') === 'shown').toBe(false);
    return expect(lpProblems([stateOfTree(roots, cells, verdicts)], { bounded: true, threshold: 10 })).resolves.toEqual([]);
  });

  it('lets a rate reach its denominator without calling it full', () => {
    // Turnover is a rate: as many leavers as average managers is 100 %, and says nothing pinned.
    const units = department(['a', 'b', 'c']);
    const figures = [figure('a', 3, 40, null), figure('b', 6, 6, null), figure('c', 5, 5, null)];
    const rate = suppress(units, figures, false);
    expect(rate.reasonOf('a')).toBe('shown');
    expect(rate.reasonOf('sof')).toBe('shown');
    const share = suppress(units, figures, true);
    expect(share.reasonOf('a') === 'shown' && share.reasonOf('sof') === 'shown').toBe(false);
  });

  it('keeps shown a leaf of many persons with nobody leaving: a shown figure hides nothing below it', () => {
    const units = department(['a', 'b']);
    const { reasonOf } = suppress(units, [figure('a', 0, 40, null), figure('b', 2, 30, null)], false);
    expect(reasonOf('a')).toBe('shown');
    expect(reasonOf('sof')).toBe('shown');
  });
});

describe('interval protection on random trees, checked by linear programming', () => {
  const cases = [
    { name: 'shares (sick leave, tenure)', bounded: true },
    { name: 'rates (turnover)', bounded: false },
  ];
  for (const { name, bounded } of cases) {
    it(`no hidden figure is worked out, pinned at 0 or at 100 %: ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(
          scenarioArb({ maxNodes: 14, quantities: shareQuantities }),
          fc.constantFrom(persons, hours),
          fc.integer({ min: 1, max: 12 }),
          async (s, metric, threshold) => {
            const roots = s.roots;
            const cells = aggregateTree(roots, s.contributions, metric);
            const verdicts = suppressTree(roots, cells, threshold, { bounded });
            expect(suppressionProblems(roots, cells, verdicts, threshold), describeScenario(s)).toEqual([]);
            const problems = await lpProblems([stateOfTree(roots, cells, verdicts)], { bounded, threshold, strictSecondary: true });
            expect(problems, describeScenario(s)).toEqual([]);
          },
        ),
        { numRuns: 150 },
      );
    }, 120_000);
  }
});
