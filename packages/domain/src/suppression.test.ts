/**
 * The privacy properties of suppression, checked on random organisation trees with an
 * independent checker (test-arbitraries.ts). Concrete cases are in suppression-examples.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTree } from './aggregate.js';
import { suppressTree, type SuppressionResult } from './suppression.js';
import { combinedLeaks, describeScenario, scenarioArb, suppressionProblems, type Scenario } from './test-arbitraries.js';
import { buildTree, flatten } from './tree.js';

const hours = { denominatorKind: 'hours' } as const;
const persons = { denominatorKind: 'persons' } as const;
const thresholdArb = fc.integer({ min: 1, max: 15 });

function run(s: Scenario, threshold: number | null, metric: typeof hours | typeof persons = hours) {
  const cells = aggregateTree(s.roots, s.contributions, metric);
  return { cells, verdicts: suppressTree(s.roots, cells, threshold) };
}

const sorted = (m: Map<string, SuppressionResult>): [string, SuppressionResult][] =>
  [...m].sort((a, b) => a[0].localeCompare(b[0]));

describe('suppressTree: privacy properties on random trees', () => {
  it('with threshold 10, nothing hidden can be recovered by subtraction', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.constantFrom(hours, persons), (s, metric) => {
        const { cells, verdicts } = run(s, 10, metric);
        expect(suppressionProblems(s.roots, cells, verdicts, 10), describeScenario(s)).toEqual([]);
        expect(combinedLeaks(s.roots, cells, verdicts, 10), describeScenario(s)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('with any threshold from 1 to 15, nothing hidden can be recovered by subtraction', () => {
    fc.assert(
      fc.property(scenarioArb(), thresholdArb, (s, threshold) => {
        const { cells, verdicts } = run(s, threshold);
        expect(suppressionProblems(s.roots, cells, verdicts, threshold), describeScenario(s)).toEqual([]);
        expect(combinedLeaks(s.roots, cells, verdicts, threshold), describeScenario(s)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('every shown figure is about more persons than the threshold, counting a figure without a group size as one', () => {
    fc.assert(
      fc.property(scenarioArb(), thresholdArb, (s, threshold) => {
        const { cells, verdicts } = run(s, threshold);
        for (const [id, v] of verdicts) {
          if (v.suppressed) continue;
          expect(cells.get(id)!.total!.minGroupSize, id).toBeGreaterThan(threshold);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the reason says why: small or unknown groups are primary, larger ones only secondary', () => {
    fc.assert(
      fc.property(scenarioArb(), thresholdArb, (s, threshold) => {
        const { cells, verdicts } = run(s, threshold);
        for (const [id, v] of verdicts) {
          const { groupSize, minGroupSize } = cells.get(id)!.total!;
          expect(v.suppressed, id).toBe(v.reason !== null);
          if (minGroupSize <= threshold) expect(v.reason, id).toBe(groupSize === null ? 'unknown_group_size' : 'small_group');
          else expect([null, 'secondary'], id).toContain(v.reason);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has an entry for exactly the units with data', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.option(thresholdArb, { nil: null }), (s, threshold) => {
        const { cells, verdicts } = run(s, threshold);
        for (const node of flatten(s.roots)) {
          expect(verdicts.has(node.id), node.id).toBe(cells.get(node.id)?.total != null);
        }
        expect(verdicts.size).toBe([...cells.values()].filter((c) => c.total !== null).length);
      }),
      { numRuns: 300 },
    );
  });

  it('with no threshold, nothing is hidden', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { verdicts } = run(s, null);
        for (const v of verdicts.values()) expect(v).toEqual({ suppressed: false, reason: null });
      }),
      { numRuns: 200 },
    );
  });

  it('hides nothing when every figure is about more persons than the threshold', () => {
    const large = scenarioArb({ groupSize: fc.integer({ min: 16, max: 40 }) });
    fc.assert(
      fc.property(large, thresholdArb, (s, threshold) => {
        const { verdicts } = run(s, threshold);
        expect([...verdicts.values()].filter((v) => v.suppressed)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same tree and figures, in any input order, give the same verdicts', () => {
    fc.assert(
      fc.property(scenarioArb(), thresholdArb, fc.nat(), (s, threshold, seed) => {
        const first = run(s, threshold).verdicts;
        expect(sorted(run(s, threshold).verdicts)).toEqual(sorted(first));
        // The same organisation read in another order, with the figures in another order.
        const rotate = <T>(xs: T[]): T[] => xs.map((_, i) => xs[(i + seed) % xs.length]!);
        const again: Scenario = {
          units: rotate(s.units),
          roots: buildTree(rotate(s.units)),
          contributions: rotate(s.contributions),
        };
        expect(sorted(run(again, threshold).verdicts)).toEqual(sorted(first));
      }),
      { numRuns: 300 },
    );
  });

  it('does not change the cells it is given', () => {
    fc.assert(
      fc.property(scenarioArb(), thresholdArb, (s, threshold) => {
        const cells = aggregateTree(s.roots, s.contributions, hours);
        suppressTree(s.roots, cells, threshold);
        expect(cells).toEqual(aggregateTree(s.roots, s.contributions, hours));
      }),
      { numRuns: 100 },
    );
  });
});
