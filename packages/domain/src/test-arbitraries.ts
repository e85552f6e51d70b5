/**
 * Test helpers for the domain's unit and property tests: unit factories, random organisation
 * trees with figures, and an independent checker of the suppression rules. Not exported from
 * index.ts; only the `*.test.ts` files import it.
 */
import fc from 'fast-check';
import type { AggregatedNode, Contribution } from './aggregate.js';
import type { Unit, UnitKind } from './schemas.js';
import type { SuppressionResult } from './suppression.js';
import { buildTree, flatten, type UnitNode } from './tree.js';

const KINDS: readonly UnitKind[] = ['organisation', 'department', 'area', 'unit'];

export function unit(id: string, parentId: string | null, name: string = id, extra: Partial<Unit> = {}): Unit {
  return { id, name, kind: 'unit', parentId, validFrom: null, validTo: null, ...extra };
}

/** One reported figure of a unit. */
export function figure(
  unitId: string,
  numerator: number,
  denominator: number,
  groupSize: number | null,
  source = 'HR-systemet',
): Contribution {
  return { unitId, numerator, denominator, groupSize, source };
}

export interface Scenario {
  units: Unit[];
  roots: UnitNode[];
  contributions: Contribution[];
}

interface Slot {
  parentPick: number;
  newRoot: boolean;
  dataOnInner: boolean;
  figures: { numerator: number; denominator: number; groupSize: number | null; source: string }[];
}

export interface ScenarioOptions {
  maxNodes?: number;
  maxDepth?: number;
  /** Group sizes of single figures; by default 0..40, sometimes unknown. */
  groupSize?: fc.Arbitrary<number | null>;
  /**
   * Numerator and denominator of single figures; by default independent (a rate may exceed
   * 100 %), numerators 0–1000 and denominators 0,01–10 000.
   */
  quantities?: fc.Arbitrary<{ numerator: number; denominator: number }>;
}

const defaultQuantities = fc.record({
  numerator: fc.integer({ min: 0, max: 100_000 }).map((k) => k / 100),
  denominator: fc.integer({ min: 1, max: 1_000_000 }).map((k) => k / 100),
});

/**
 * Figures as small units report them: often nobody left (0), sometimes everybody (a share at
 * 100 %), in whole persons or hours with hundredths. Numerators never exceed denominators.
 */
export const shareQuantities = fc
  .tuple(fc.integer({ min: 1, max: 4000 }), fc.oneof(fc.constant('zero'), fc.constant('full'), fc.double({ min: 0, max: 1, noNaN: true })))
  .map(([d, part]) => {
    const denominator = d / 100 > 1 ? Math.round(d / 100) : d / 100;
    const numerator = part === 'zero' ? 0 : part === 'full' ? denominator : Math.round(denominator * part * 100) / 100;
    return { numerator, denominator };
  });

const defaultGroupSize = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/**
 * A random forest (depth up to `maxDepth`, up to `maxNodes` units) with figures on most leaves
 * and sometimes on inner units too. Numerators and denominators carry at most two decimals.
 */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const { maxNodes = 25, maxDepth = 4, groupSize = defaultGroupSize, quantities = defaultQuantities } = options;
  const figureArb = fc
    .record({ quantities, groupSize, source: fc.constantFrom('HR-systemet', 'Lönesystemet', 'Kolada') })
    .map(({ quantities: q, groupSize: g, source }) => ({ ...q, groupSize: g, source }));
  const slotArb: fc.Arbitrary<Slot> = fc.record({
    parentPick: fc.nat(1000),
    newRoot: fc.integer({ min: 0, max: 15 }).map((x) => x === 0),
    dataOnInner: fc.integer({ min: 0, max: 2 }).map((x) => x === 0),
    figures: fc.array(figureArb, { maxLength: 2 }),
  });
  return fc.array(slotArb, { minLength: 1, maxLength: maxNodes, size: 'max' }).map((slots) => {
    const depth: number[] = [];
    const units: Unit[] = [];
    slots.forEach((slot, i) => {
      const eligible = units.map((_, j) => j).filter((j) => depth[j]! < maxDepth);
      const parent = i === 0 || slot.newRoot || eligible.length === 0 ? null : eligible[slot.parentPick % eligible.length]!;
      depth.push(parent === null ? 1 : depth[parent]! + 1);
      units.push(unit(`u${i}`, parent === null ? null : `u${parent}`, `Enhet ${String(i).padStart(2, '0')}`, {
        kind: KINDS[Math.min(depth[i]! - 1, 3)]!,
      }));
    });
    const hasChildren = new Set(units.map((u) => u.parentId));
    const contributions: Contribution[] = [];
    slots.forEach((slot, i) => {
      if (hasChildren.has(`u${i}`) && !slot.dataOnInner) return;
      for (const f of slot.figures) contributions.push({ unitId: `u${i}`, ...f });
    });
    return { units, roots: buildTree(units), contributions };
  });
}

/** A terse description of a scenario for failure messages. */
export function describeScenario(s: Scenario): string {
  const lines = flatten(s.roots).map((n) => {
    const figs = s.contributions.filter((c) => c.unitId === n.id).map((c) => `g=${String(c.groupSize)}`);
    return `${n.id}<-${String(n.parentId)} [${figs.join(',')}]`;
  });
  return lines.join('; ');
}

interface Equation {
  total: string;
  parts: string[];
}

interface Model {
  /** The fewest persons each term is about (a figure without a group size counts as one). */
  size: Map<string, number | null>;
  equations: Equation[];
  ownParts: Set<string>;
}

/** Every unit total with data and every own part, and the equations total = Σ parts. */
function modelOf(roots: readonly UnitNode[], cells: ReadonlyMap<string, AggregatedNode>): Model {
  const size = new Map<string, number | null>();
  const equations: Equation[] = [];
  const ownParts = new Set<string>();
  for (const node of flatten(roots)) {
    const agg = cells.get(node.id);
    if (!agg?.total) continue;
    size.set(node.id, agg.total.minGroupSize);
    const parts = node.children.filter((c) => cells.get(c.id)?.total).map((c) => c.id);
    if (parts.length === 0) continue;
    if (agg.own) {
      const ownId = `${node.id}#own`;
      size.set(ownId, agg.own.minGroupSize);
      ownParts.add(ownId);
      parts.push(ownId);
    }
    equations.push({ total: node.id, parts });
  }
  return { size, equations, ownParts };
}

/** The terms an attacker knows: the shown totals, then whatever single subtractions give. */
function knownTerms(model: Model, verdicts: ReadonlyMap<string, SuppressionResult>): Set<string> {
  const known = new Set<string>();
  for (const [id, v] of verdicts) if (!v.suppressed) known.add(id);
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of model.equations) {
      const unknown = [eq.total, ...eq.parts].filter((t) => !known.has(t));
      if (unknown.length === 1) {
        known.add(unknown[0]!);
        changed = true;
      }
    }
  }
  return known;
}

/**
 * Checks the suppression rules independently of the implementation. Returns the problems found;
 * an empty list means the verdicts are safe.
 */
export function suppressionProblems(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  verdicts: ReadonlyMap<string, SuppressionResult>,
  threshold: number,
): string[] {
  const problems: string[] = [];
  const isSmall = (g: number | null): boolean => g === null || g <= threshold;
  const model = modelOf(roots, cells);
  for (const [id, v] of verdicts) {
    if (!v.suppressed && isSmall(model.size.get(id) ?? null)) {
      problems.push(`${id} is shown but covers ${String(model.size.get(id))} persons`);
    }
  }
  const known = knownTerms(model, verdicts);
  for (const id of known) {
    const v = verdicts.get(id);
    if (v?.suppressed && v.reason !== 'secondary') problems.push(`${id} (${v.reason}) can be worked out by subtraction`);
    if (model.ownParts.has(id) && isSmall(model.size.get(id) ?? null)) {
      problems.push(`own part ${id} of ${String(model.size.get(id))} persons can be worked out by subtraction`);
    }
  }
  for (const eq of model.equations) {
    if (!known.has(eq.total)) continue;
    const unknown = eq.parts.filter((p) => !known.has(p));
    if (unknown.length === 0) continue;
    let sum: number | null = 0;
    for (const p of unknown) {
      const g = model.size.get(p) ?? null;
      sum = sum === null || g === null ? null : sum + g;
    }
    if (isSmall(sum)) problems.push(`${eq.total} minus its known parts tells ${unknown.join('+')} (${String(sum)} persons)`);
  }
  return problems;
}

/**
 * A stronger check than the per-equation rule: a known total minus every known figure anywhere
 * below it (expanding hidden totals into their parts) leaves a sum of hidden figures. Returns the
 * known totals for which such a sum covers `threshold` persons or fewer (unknown sizes count as 0).
 */
export function combinedLeaks(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  verdicts: ReadonlyMap<string, SuppressionResult>,
  threshold: number,
): string[] {
  const model = modelOf(roots, cells);
  const known = knownTerms(model, verdicts);
  const eqOf = new Map(model.equations.map((e) => [e.total, e]));
  const minFrontier = (term: string): number => {
    const own = model.size.get(term) ?? 0;
    const eq = eqOf.get(term);
    if (!eq) return own;
    const below = eq.parts.filter((p) => !known.has(p)).reduce((s, p) => s + minFrontier(p), 0);
    return Math.min(own, below);
  };
  const leaks: string[] = [];
  for (const eq of model.equations) {
    if (!known.has(eq.total)) continue;
    const unknown = eq.parts.filter((p) => !known.has(p));
    if (unknown.length === 0) continue;
    const persons = unknown.reduce((s, p) => s + minFrontier(p), 0);
    if (persons <= threshold) leaks.push(`${eq.total}: hidden figures of ${persons} persons can be isolated`);
  }
  return leaks;
}
