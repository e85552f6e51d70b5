/**
 * Suppression across releases (issue 16): a reader who saved every figure they were shown, from
 * every state of the data, must not be able to work out a hidden figure. Checked with the
 * independent linear-programming checker (test-lp.ts) over all states together.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTree, type Contribution } from '../aggregate.js';
import { DEFAULT_METRICS } from '../catalogue.js';
import { treeForYear, type Organisation, type Reorganisation } from '../org/lineage.js';
import { releaseOfTree } from '../org/safe-points.js';
import type { Metric, Unit } from '../schemas.js';
import type { SuppressionResult } from '../suppression.js';
import { figure, scenarioArb, shareQuantities, unit } from '../test-arbitraries.js';
import { lpProblems, stateOfTree, type LpState } from '../test-lp.js';
import type { YearRelease } from './release.js';

const YEAR = 2025;
const turnover = DEFAULT_METRICS.find((m) => m.key === 'staff_turnover')!;
const sickLeave = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;

/** One state of the data: the organisation and the year's figures. */
interface State {
  org: Organisation;
  figures: Contribution[];
  metric: Metric;
}

/** Computes each state in turn with the releases before it, as the server does; returns what a reader saw. */
function releaseAll(states: readonly State[]) {
  const history: YearRelease[] = [];
  const seen: LpState[] = [];
  const outcomes = [];
  for (const s of states) {
    const withData = new Set(s.figures.map((f) => f.unitId));
    const tree = { ...treeForYear(s.org, YEAR, withData), year: YEAR };
    const outcome = releaseOfTree(tree, s.metric, s.figures, history);
    history.push(outcome.release);
    outcomes.push(outcome);
    const cells = aggregateTree(tree.roots, s.figures, s.metric);
    const verdicts = new Map<string, SuppressionResult>(
      [...outcome.points].map(([id, p]) => [id, { suppressed: p.suppressed, reason: p.reason }]),
    );
    const state = stateOfTree(tree.roots, cells, verdicts);
    // A successor outside the tree is the sum of its parts' atoms.
    for (const d of tree.derived) {
      const parts = state.figures.filter((f) => d.parts.includes(f.label));
      if (parts.length === 0) continue;
      state.figures.push({
        label: d.id,
        atoms: [...new Set(parts.flatMap((f) => f.atoms))],
        shown: outcome.points.get(d.id)?.suppressed === false,
        minGroup: Infinity,
      });
    }
    seen.push(state);
  }
  // A threshold lowered at some time released smaller groups on purpose then: the most lenient one counts.
  return { outcomes, seen, threshold: Math.min(...states.map((s) => s.metric.suppressionThreshold ?? 0)) };
}

const org = (units: Unit[], reorganisations: Reorganisation[] = []): Organisation => ({ units, parentHistory: [], reorganisations });

describe('the scenario of issue 16', () => {
  // Hemtjänst with Nattpatrullen and other units; staff turnover 2025.
  const units = [
    unit('hem', null, 'Hemtjänst', { kind: 'area' }),
    unit('natt', 'hem', 'Nattpatrullen'),
    unit('ost', 'hem', 'Hemtjänst Öster'),
    unit('vast', 'hem', 'Hemtjänst Väster'),
    unit('norr', 'hem', 'Hemtjänst Norr'),
  ];
  const base = [figure('natt', 2, 42.19, null), figure('ost', 3, 35, null), figure('vast', 1, 28.5, null), figure('norr', 2, 31, null)];
  const small = unit('liten', 'hem', 'Lilla gruppen', { validFrom: '2025-01-01' });
  const successor = unit('ny', 'hem', 'Natt och liten', { validFrom: '2026-01-01' });
  const merger: Reorganisation = {
    id: 1, kind: 'merge', year: 2026, note: null, from: ['natt', 'liten'], to: ['ny'], oldName: null, oldParentId: null, newParentId: null,
  };
  const before: State = { org: org([...units, small]), figures: [...base, figure('liten', 1, 6, null)], metric: turnover };
  const after: State = { org: org([...units, small, successor], [merger]), figures: before.figures, metric: turnover };

  it('shows Nattpatrullen before the merger is registered and hides the small unit', () => {
    const { outcomes } = releaseAll([before]);
    expect(outcomes[0]!.points.get('natt')?.suppressed).toBe(false);
    expect(outcomes[0]!.points.get('liten')?.reason).toBe('small_group');
  });

  it('does not show the successor’s 2025 figure once Nattpatrullen has been shown, so the small unit stays hidden', async () => {
    const { outcomes, seen, threshold } = releaseAll([before, after]);
    const [first, second] = outcomes;
    expect(first!.points.get('natt')?.suppressed).toBe(false);
    // Successor minus Nattpatrullen (shown before) would be the small unit: one of them is hidden.
    expect(second!.points.get('ny')?.suppressed === false && second!.points.get('natt')?.suppressed === false).toBe(false);
    expect(second!.points.get('ny')?.suppressed).toBe(true);
    expect(await lpProblems(seen, { bounded: false, threshold })).toEqual([]);
  });

  it('without the memory of releases, the two states together would give the small unit away', async () => {
    // The same two states, each computed as if nothing had been shown before.
    const first = releaseAll([before]).seen;
    const second = releaseAll([after]).seen;
    const problems = await lpProblems([...first, ...second], { bounded: false, threshold: 10 });
    expect(problems.some((p) => p.startsWith('liten'))).toBe(true);
  });

  it('does not let a unit added to a year already shown be worked out from the totals before and after', async () => {
    const withoutSmall: State = { org: org(units), figures: base, metric: turnover };
    const { outcomes, seen, threshold } = releaseAll([withoutSmall, before]);
    expect(outcomes[0]!.points.get('hem')?.suppressed).toBe(false);
    // Hemtjänst now minus Hemtjänst before is the small unit.
    expect(outcomes[1]!.points.get('hem')?.suppressed).toBe(true);
    expect(await lpProblems(seen, { bounded: false, threshold })).toEqual([]);
  });
});

/** A change to one state of the data, as the product allows them. */
type Change =
  | { kind: 'correct'; pick: number; numerator: number }
  | { kind: 'add'; pick: number; persons: number; numerator: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'merge'; pick: number; count: number }
  | { kind: 'move'; pick: number; to: number }
  | { kind: 'threshold'; threshold: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(1000), numerator: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(1000), persons: fc.integer({ min: 1, max: 30 }), numerator: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(1000) }),
  fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(1000), count: fc.integer({ min: 2, max: 3 }) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(1000), to: fc.nat(1000) }),
  fc.record({ kind: fc.constant('threshold' as const), threshold: fc.integer({ min: 3, max: 12 }) }),
);

function apply(state: State, change: Change, step: number): State {
  const units = [...state.org.units];
  const figures = [...state.figures];
  const withData = [...new Set(figures.map((f) => f.unitId))];
  switch (change.kind) {
    case 'correct': {
      if (figures.length === 0) return state;
      const i = change.pick % figures.length;
      const f = figures[i]!;
      figures[i] = { ...f, numerator: Math.min(change.numerator, state.metric.bounded ? f.denominator : Infinity) };
      return { ...state, figures };
    }
    case 'add': {
      const parent = units[change.pick % units.length]!;
      const id = `n${step}`;
      units.push(unit(id, parent.id, `Ny ${step}`));
      figures.push(figure(id, Math.min(change.numerator, change.persons), change.persons, change.persons));
      return { ...state, org: { ...state.org, units }, figures };
    }
    case 'remove': {
      if (withData.length === 0) return state;
      const id = withData[change.pick % withData.length]!;
      return { ...state, figures: figures.filter((f) => f.unitId !== id) };
    }
    case 'merge': {
      const parents = [...new Set(units.map((u) => u.parentId).filter((p): p is string => p !== null))];
      if (parents.length === 0) return state;
      const parent = parents[change.pick % parents.length]!;
      const siblings = units.filter((u) => u.parentId === parent && !u.validFrom);
      if (siblings.length < 2) return state;
      const from = siblings.slice(0, change.count).map((u) => u.id);
      const id = `m${step}`;
      units.push(unit(id, parent, `Sammanslagen ${step}`, { validFrom: `${YEAR + 1}-01-01` }));
      const merger: Reorganisation = {
        id: step, kind: 'merge', year: YEAR + 1, note: null, from, to: [id], oldName: null, oldParentId: null, newParentId: null,
      };
      return { ...state, org: { ...state.org, units, reorganisations: [...state.org.reorganisations, merger] } };
    }
    case 'move': {
      const movable = units.filter((u) => u.parentId !== null);
      if (movable.length === 0) return state;
      const moved = movable[change.pick % movable.length]!;
      const below = new Set([moved.id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const u of units) {
          if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
            below.add(u.id);
            grew = true;
          }
        }
      }
      const targets = units.filter((u) => !below.has(u.id));
      if (targets.length === 0) return state;
      const to = targets[change.to % targets.length]!;
      return { ...state, org: { ...state.org, units: units.map((u) => (u.id === moved.id ? { ...u, parentId: to.id } : u)) } };
    }
    case 'threshold':
      return { ...state, metric: { ...state.metric, suppressionThreshold: change.threshold } };
  }
}

describe('random histories, checked by linear programming over every release together', () => {
  for (const metric of [turnover, sickLeave]) {
    it(`no hidden figure can be worked out from all that was shown: ${metric.key}`, async () => {
      await fc.assert(
        fc.asyncProperty(
          scenarioArb({ maxNodes: Number(process.env.HISTORY_NODES ?? 10), maxDepth: 3, quantities: shareQuantities }),
          fc.array(changeArb, { minLength: 1, maxLength: Number(process.env.HISTORY_CHANGES ?? 4) }),
          async (s, changes) => {
            let state: State = { org: org(s.units), figures: s.contributions, metric };
            const states = [state];
            changes.forEach((c, i) => {
              state = apply(state, c, i);
              states.push(state);
            });
            const { seen, threshold } = releaseAll(states);
            const problems = await lpProblems(seen, { bounded: metric.bounded, threshold });
            expect(problems, JSON.stringify({ units: s.units.map((u) => [u.id, u.parentId]), figures: s.contributions, changes })).toEqual([]);
          },
        ),
        { numRuns: Number(process.env.HISTORY_RUNS ?? 200) },
      );
    }, 300_000);
  }
});

// A leak the random histories above found on 2026-12-04 (seed -457698498), present before that
// day's changes too and not yet mended: docs/privacy.md, "Known limits". `it.fails` keeps it in
// sight: it passes while the leak is there, and fails, to be turned into an `it`, once it is gone.
describe('known limits of suppression across releases', () => {
  it.fails('bounds over three releases with a correction between them pin a hidden figure', async () => {
    const units = [unit('u0', null, 'Enhet 00', { kind: 'organisation' }), unit('u1', 'u0', 'Enhet 01', { kind: 'department' }), unit('u2', 'u0', 'Enhet 02', { kind: 'department' })];
    let state: State = { org: org(units), figures: [figure('u1', 0.01, 0.01, 7), figure('u2', 0, 0.01, 4)], metric: turnover };
    const states = [state];
    const changes: Change[] = [
      { kind: 'add', pick: 4, persons: 1, numerator: 1 },
      { kind: 'threshold', threshold: 4 },
      { kind: 'correct', pick: 0, numerator: 0 },
      { kind: 'remove', pick: 0 },
    ];
    changes.forEach((c, i) => {
      state = apply(state, c, i);
      states.push(state);
    });
    const { seen, threshold } = releaseAll(states);
    // Shown: the organisation in the first state (0.01 / 0.02), Enhet 01 in the third (1.01 /
    // 1.01, with a new unit of one person below it) and the organisation in the fourth (1 / 1.02,
    // after Enhet 01's own figure was corrected to 0): together they pin the new unit at 1 and
    // Enhet 02 at 0, though each state alone gives neither away.
    expect(await lpProblems(seen, { bounded: turnover.bounded, threshold })).toEqual([]);
  });
});
