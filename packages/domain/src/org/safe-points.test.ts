/**
 * A merger's successor carries its predecessors' sum in the years before the merger, and that
 * reveals nothing that suppression hides: checked on random trees with the independent checker
 * of test-arbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTree } from '../aggregate.js';
import { DEFAULT_METRICS } from '../catalogue.js';
import { sumQuantities } from '../ratio.js';
import type { Metric } from '../schemas.js';
import { computeSafePoints } from '../series.js';
import { suppressTree } from '../suppression.js';
import { combinedLeaks, describeScenario, scenarioArb, suppressionProblems, unit, type Scenario } from '../test-arbitraries.js';
import { buildTree } from '../tree.js';
import { treeForYear, type Organisation } from './lineage.js';
import { computeSafePointsOverTime } from './safe-points.js';

const metric = (key: string): Metric => DEFAULT_METRICS.find((m) => m.key === key)!;
const sickLeave = metric('manager_sick_leave');
const staffPerManager = metric('staff_per_manager');
const MERGER = 2022;
const BEFORE = 2021;

/** A random organisation where some units merge into a new unit `s` in 2022. */
const mergerArb = fc
  .record({
    s: scenarioArb({ maxNodes: 18 }),
    picks: fc.array(fc.nat(1000), { minLength: 2, maxLength: 5 }),
    siblings: fc.boolean(),
    parentPick: fc.nat(1000),
  })
  .map(({ s, picks, siblings, parentPick }) => {
    // Half of the time siblings under one parent (the common case), else any units.
    const withChildren = s.units.filter((u) => s.units.filter((c) => c.parentId === u.id).length >= 2);
    const parent = withChildren[parentPick % Math.max(1, withChildren.length)];
    const pool = siblings && parent ? s.units.filter((u) => u.parentId === parent.id) : s.units;
    const from = [...new Set(picks.map((p) => pool[p % pool.length]!.id))];
    return { s, from };
  })
  .filter(({ from }) => from.length >= 2);

function organisationOf(s: Scenario, from: string[]): Organisation {
  const units = s.units.map((u) => (from.includes(u.id) ? { ...u, validTo: `${BEFORE}-12-31` } : u));
  units.push(unit('s', s.units.find((u) => u.id === from[0])!.parentId, 'Efterträdaren', { validFrom: `${MERGER}-01-01` }));
  return {
    units,
    parentHistory: [],
    reorganisations: [{ id: 1, kind: 'merge', year: MERGER, note: null, from, to: ['s'], oldName: null, oldParentId: null, newParentId: null }],
  };
}

const inYear = (s: Scenario, year: number) => s.contributions.map((c) => ({ ...c, year }));

describe('computeSafePointsOverTime with a merger', () => {
  it('property: in a year before a merger, nothing hidden can be worked out, the successor included', () => {
    fc.assert(
      fc.property(mergerArb, fc.integer({ min: 1, max: 15 }), fc.constantFrom(sickLeave, staffPerManager), ({ s, from }, threshold, m) => {
        const org = organisationOf(s, from);
        const tree = treeForYear(org, BEFORE, new Set(s.contributions.map((c) => c.unitId)));
        const cells = aggregateTree(tree.roots, s.contributions, m);
        const verdicts = suppressTree(tree.roots, cells, threshold, { bounded: m.bounded });
        const info = `${describeScenario(s)} | merged ${from.join('+')}`;
        expect(suppressionProblems(tree.roots, cells, verdicts, threshold), info).toEqual([]);
        expect(combinedLeaks(tree.roots, cells, verdicts, threshold), info).toEqual([]);

        // The successor's figure, wherever it comes from, is shown only when the predecessors'
        // figures it sums are all shown (derived) or when tree-wide suppression allows (in the tree).
        const points = computeSafePointsOverTime(org, { ...m, suppressionThreshold: threshold }, inYear(s, BEFORE)).get(BEFORE);
        const successor = points?.get('s');
        const derived = tree.derived.find((d) => d.id === 's');
        if (derived && successor && !successor.suppressed) {
          for (const id of derived.parts) expect(points!.get(id)?.suppressed ?? false, id).toBe(false);
        }
        if (!derived && successor) {
          expect(successor.suppressed).toBe(verdicts.get('s')!.suppressed);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('property: a shown successor figure before the merger is the predecessors’ sum', () => {
    fc.assert(
      fc.property(mergerArb, fc.constantFrom(sickLeave, staffPerManager), ({ s, from }, m) => {
        const org = organisationOf(s, from);
        // Without a threshold nothing is hidden, so the sum is always there to compare.
        const open = { ...m, suppressionThreshold: null };
        const before = computeSafePoints(buildTree(s.units), open, inYear(s, BEFORE)).get(BEFORE) ?? new Map();
        const after = computeSafePointsOverTime(org, open, inYear(s, BEFORE)).get(BEFORE) ?? new Map();
        // Predecessors below another predecessor are already in that one's figure.
        const byId = new Map(s.units.map((u) => [u.id, u]));
        const isBelowAnother = (id: string): boolean => {
          let cur = byId.get(id)?.parentId ?? null;
          while (cur !== null) {
            if (from.includes(cur)) return true;
            cur = byId.get(cur)?.parentId ?? null;
          }
          return false;
        };
        const parts = from.filter((id) => !isBelowAnother(id)).map((id) => before.get(id)).filter((p) => p !== undefined);
        if (parts.length === 0) {
          expect(after.has('s')).toBe(false);
          return;
        }
        expect(after.get('s')).toMatchObject({
          suppressed: false,
          numerator: sumQuantities(parts.map((p) => p.numerator!)),
          denominator: sumQuantities(parts.map((p) => p.denominator!)),
        });
        // Every other unit keeps its figure: the merger only adds the successor.
        for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the successor nothing from the merger year on, and its own figures then', () => {
    const s: Scenario = {
      units: [unit('a', null), unit('b', 'a'), unit('c', 'a')],
      roots: [],
      contributions: [],
    };
    const org = organisationOf(s, ['b', 'c']);
    const out = computeSafePointsOverTime(org, staffPerManagerOpen(), [
      { unitId: 'b', year: 2021, numerator: 20, denominator: 1, groupSize: null, source: 'HR' },
      { unitId: 'c', year: 2021, numerator: 10, denominator: 1, groupSize: null, source: 'HR' },
      { unitId: 's', year: 2022, numerator: 33, denominator: 2, groupSize: null, source: 'HR' },
    ]);
    expect(out.get(2021)!.get('s')).toMatchObject({ value: 15, numerator: 30, denominator: 2 });
    expect(out.get(2022)!.get('s')).toMatchObject({ value: 16.5 });
    expect(out.get(2022)!.has('b')).toBe(false);
  });

  it('hides a derived successor when one predecessor is hidden, saying why', () => {
    const org: Organisation = {
      units: [unit('a', null), unit('x', 'a'), unit('y', 'a'), unit('p', 'x', 'p', { validTo: '2021-12-31' }), unit('q', 'y', 'q', { validTo: '2021-12-31' }), unit('s', 'a', 's', { validFrom: '2022-01-01' })],
      parentHistory: [],
      reorganisations: [{ id: 1, kind: 'merge', year: 2022, note: null, from: ['p', 'q'], to: ['s'], oldName: null, oldParentId: null, newParentId: null }],
    };
    const c = (unitId: string, groupSize: number) => ({ unitId, year: 2021, numerator: 1, denominator: 100, groupSize, source: 'HR' });
    const shown = computeSafePointsOverTime(org, sickLeave, [c('p', 20), c('q', 30), c('x', 20), c('y', 20)]).get(2021)!;
    expect(shown.get('s')).toMatchObject({ suppressed: false, numerator: 2, denominator: 200 });
    const hidden = computeSafePointsOverTime(org, sickLeave, [c('p', 4), c('q', 30), c('x', 20), c('y', 20)]).get(2021)!;
    expect(hidden.get('p')!.suppressed).toBe(true);
    expect(hidden.get('s')).toMatchObject({ suppressed: true, reason: 'secondary', value: null, numerator: null });
  });
});

function staffPerManagerOpen() {
  return { ...staffPerManager, suppressionThreshold: null };
}
