/**
 * An independent checker of what a reader can learn about hidden figures, by linear programming
 * with the HiGHS solver. It knows nothing of how suppression decides: it takes every figure ever
 * shown as an equation over the reported figures (atoms), adds what every reader knows (counts are
 * never negative; a share's numerator is never above its denominator), and computes for every
 * figure ever hidden the least and the most its numerator can be. Test helper, not exported.
 *
 * To stay fast on 2,000 units it first restates the equations, which changes nothing a reader
 * can know: a shown figure minus the shown figures below it (in the latest state's tree) is an
 * equation over the atoms in between only, so those equations are disjoint; the atoms they pin
 * alone are constants; and variables that no equation links are solved apart (the least and the
 * most of a sum over independent groups are the sums of each group's least and most).
 */
import * as highsModule from 'highs';
import type { AggregatedNode } from './aggregate.js';
import type { SuppressionResult } from './suppression.js';
import { flatten, type UnitNode } from './tree.js';

/** One reported figure: a unit's own numerator and denominator, as of one state of the data. */
export interface LpAtom {
  key: string;
  numerator: number;
  denominator: number;
}

/** A figure of one state: the sum of some atoms, shown or hidden. */
export interface LpFigure {
  label: string;
  atoms: string[];
  shown: boolean;
  /** The fewest persons the figure is about: at `threshold` or fewer it must never be worked out. */
  minGroup: number;
  /** Figures reported on a unit itself are never shown alone; worked out they are fine when large. */
  isOwnPart?: boolean;
  /** In a tree state: the label of the figure above (null at a root); absent for other figures. */
  parent?: string | null;
}

/** What one release showed and hid. */
export interface LpState {
  atoms: LpAtom[];
  figures: LpFigure[];
}

export interface LpOptions {
  bounded: boolean;
  /** The most lenient threshold in force over the states: a lowered threshold releases smaller groups on purpose. */
  threshold: number;
  /** Also report a figure hidden only for others' sake that is worked out anyway. */
  strictSecondary?: boolean;
}

type Highs = highsModule.LegacyHighs;
// The package's types describe its ES module (a default export); under NodeNext they are read as
// CommonJS, so the loader is reached through the namespace.
const highsLoader = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let solver: Promise<Highs> | null = null;
let solves = 0;

async function highs(): Promise<Highs> {
  // The WebAssembly heap grows with every solve; start afresh now and then.
  if (solver === null || solves > 2000) {
    solver = highsLoader();
    solves = 0;
  }
  return solver;
}

const EPSILON = 0.004; // figures carry hundredths

/** An equation a reader holds: a sum of atoms' numerators (and denominators) with its value. */
interface Equation {
  atoms: string[];
  numerator: number;
  denominator: number;
}

const signature = (atoms: readonly string[]): string => [...atoms].sort().join(',');

/** The problems found across all states together; an empty list means nothing is given away. */
export async function lpProblems(states: readonly LpState[], options: LpOptions): Promise<string[]> {
  const atoms = new Map<string, LpAtom>();
  for (const s of states) for (const a of s.atoms) atoms.set(a.key, a);
  const total = (keys: readonly string[], field: 'numerator' | 'denominator'): number =>
    keys.reduce((sum, k) => sum + atoms.get(k)![field], 0);
  const equationOf = (keys: readonly string[]): Equation => ({
    atoms: [...keys],
    numerator: total(keys, 'numerator'),
    denominator: total(keys, 'denominator'),
  });

  // The latest state's shown figures, each minus the shown figures below it: disjoint equations.
  const last = states.at(-1);
  const equations: Equation[] = [];
  const restated = new Set<string>();
  if (last) {
    const children = new Map<string, LpFigure[]>();
    for (const f of last.figures) if (f.parent) children.set(f.parent, [...(children.get(f.parent) ?? []), f]);
    for (const f of last.figures) {
      if (!f.shown || f.parent === undefined || f.atoms.length === 0) continue;
      const covered = new Set<string>();
      const walk = (label: string): void => {
        for (const c of children.get(label) ?? []) {
          if (c.shown) c.atoms.forEach((a) => covered.add(a));
          else walk(c.label);
        }
      };
      walk(f.label);
      restated.add(signature(f.atoms));
      const rest = f.atoms.filter((a) => !covered.has(a));
      if (rest.length > 0) equations.push(equationOf(rest));
    }
  }
  // Every other figure ever shown is an equation too, minus the restated equations wholly inside
  // it (a total before a unit was added is, after that, the area's few atoms around the new one).
  const regionOf = new Map<string, number>();
  equations.forEach((e, i) => e.atoms.forEach((a) => regionOf.set(a, i)));
  const base = equations.length;
  const shownSets = new Set(restated);
  for (const s of states) {
    for (const f of s.figures) {
      if (!f.shown || f.atoms.length === 0) continue;
      const key = signature(f.atoms);
      if (shownSets.has(key)) continue;
      shownSets.add(key);
      const inside = new Map<number, number>();
      for (const a of f.atoms) {
        const r = regionOf.get(a);
        if (r !== undefined && r < base) inside.set(r, (inside.get(r) ?? 0) + 1);
      }
      const whole = new Set([...inside].filter(([r, n]) => equations[r]!.atoms.length === n).map(([r]) => r));
      const rest = f.atoms.filter((a) => !whole.has(regionOf.get(a) ?? -1));
      const equation = equationOf(f.atoms);
      for (const r of whole) {
        equation.numerator -= equations[r]!.numerator;
        equation.denominator -= equations[r]!.denominator;
      }
      equation.atoms = rest;
      if (rest.length > 0) equations.push(equation);
    }
  }

  // Atoms an equation pins alone are constants; the others fall into independent groups.
  const fixed = new Set(equations.filter((e) => e.atoms.length === 1).map((e) => e.atoms[0]!));
  const group = new Map<string, string>();
  const find = (a: string): string => {
    let root = a;
    while (group.get(root) !== root) root = group.get(root)!;
    group.set(a, root);
    return root;
  };
  const variables = (e: Equation) => e.atoms.filter((a) => !fixed.has(a));
  for (const e of equations) {
    const vars = variables(e);
    for (const a of vars) if (!group.has(a)) group.set(a, a);
    for (const a of vars.slice(1)) group.set(find(a), find(vars[0]!));
  }
  const equationsOf = new Map<string, Equation[]>();
  for (const e of equations) {
    const vars = variables(e);
    if (vars.length === 0) continue;
    const root = find(vars[0]!);
    equationsOf.set(root, [...(equationsOf.get(root) ?? []), e]);
  }

  const solver = await highs();
  const cache = new Map<string, number>();
  /** The least or most of `objective` (coefficients by atom) over one group's equations and bounds. */
  const optimum = (root: string, sense: 'Maximize' | 'Minimize', objective: Map<string, { n: number; d: number }>): number => {
    const key = `${root}|${sense}|${[...objective].map(([a, c]) => `${a}:${c.n}:${c.d}`).sort().join(',')}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const index = new Map<string, number>();
    const id = (a: string) => {
      if (!index.has(a)) index.set(a, index.size);
      return index.get(a)!;
    };
    const rows: string[] = [];
    for (const e of equationsOf.get(root) ?? []) {
      const vars = variables(e);
      const constant = (field: 'numerator' | 'denominator') => total(e.atoms.filter((a) => fixed.has(a)), field);
      rows.push(` r${rows.length}: ${vars.map((a) => `n${id(a)}`).join(' + ')} = ${(e.numerator - constant('numerator')).toFixed(2)}`);
      rows.push(` r${rows.length}: ${vars.map((a) => `d${id(a)}`).join(' + ')} = ${(e.denominator - constant('denominator')).toFixed(2)}`);
    }
    for (const a of objective.keys()) id(a);
    if (options.bounded) for (const i of index.values()) rows.push(` b${i}: n${i} - d${i} <= 0`);
    const terms = [...objective].flatMap(([a, c]) => [
      ...(c.n !== 0 ? [`${c.n < 0 ? '-' : '+'} ${Math.abs(c.n)} n${id(a)}`] : []),
      ...(c.d !== 0 ? [`${c.d < 0 ? '-' : '+'} ${Math.abs(c.d)} d${id(a)}`] : []),
    ]);
    const bounds = [...index.values()].map((i) => ` n${i} >= 0\n d${i} >= 0`).join('\n');
    const constraints = rows.length > 0 ? rows.join('\n') : ' r0: n0 >= 0';
    solves++;
    const result = solver.solve(`${sense}\n obj: ${terms.join(' ')}\nSubject To\n${constraints}\nBounds\n${bounds}\nEnd`);
    let value: number;
    // Nothing known above a figure leaves it free to grow.
    if (result.Status === 'Unbounded' && sense === 'Maximize') value = Infinity;
    else if (result.Status !== 'Optimal') throw new Error(`LP ${sense} ${terms.join(' ')}: ${result.Status}`);
    else value = result.ObjectiveValue;
    cache.set(key, value);
    return value;
  };
  /** The least or most of a sum over atoms: constants, free atoms and each group apart. */
  const extreme = (keys: readonly string[], sense: 'Maximize' | 'Minimize', coefficient: { n: number; d: number }): number => {
    let value = 0;
    const byGroup = new Map<string, Map<string, { n: number; d: number }>>();
    for (const a of keys) {
      if (fixed.has(a)) {
        value += coefficient.n * atoms.get(a)!.numerator + coefficient.d * atoms.get(a)!.denominator;
      } else if (!group.has(a)) {
        // In no equation: a count is at least 0 and can be anything above it (a share: up to its denominator).
        if (sense === 'Maximize') return Infinity;
        if (coefficient.n + coefficient.d < 0) return -Infinity;
      } else {
        const root = find(a);
        if (!byGroup.has(root)) byGroup.set(root, new Map());
        byGroup.get(root)!.set(a, coefficient);
      }
    }
    for (const [root, objective] of byGroup) value += optimum(root, sense, objective);
    return value;
  };

  const problems: string[] = [];
  const checked = new Set<string>();
  states.forEach((s, stateIndex) => {
    const isLast = stateIndex === states.length - 1;
    for (const f of s.figures) {
      if (f.shown || f.atoms.length === 0) continue;
      const key = signature(f.atoms);
      if (shownSets.has(key) || checked.has(key)) continue; // shown at some time: known
      checked.add(key);
      const max = extreme(f.atoms, 'Maximize', { n: 1, d: 0 });
      const min = extreme(f.atoms, 'Minimize', { n: 1, d: 0 });
      const where = `${f.label} (state ${stateIndex + 1})`;
      if (max - min < EPSILON) {
        // Worked out exactly (pinned at 0 included): never for a small group. For a larger one it
        // is as good as a shown figure about more than `threshold` persons, which the rule allows;
        // the latest state should then simply show it.
        if (f.minGroup <= options.threshold) {
          problems.push(`${where} is ${max < EPSILON ? 'pinned at 0' : `worked out: ${min.toFixed(2)}`}`);
        } else if (f.isOwnPart !== true && options.strictSecondary === true && isLast) {
          problems.push(`${where} is hidden but worked out: ${min.toFixed(2)}`);
        }
        continue;
      }
      if (options.bounded) {
        const slack = extreme(f.atoms, 'Maximize', { n: -1, d: 1 });
        if (slack < EPSILON) problems.push(`${where} is pinned at 100 %`);
      }
    }
  });
  return problems;
}

/** The state one tree's verdicts release: every unit's total and every own part, as sums of atoms. */
export function stateOfTree(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  verdicts: ReadonlyMap<string, SuppressionResult>,
): LpState {
  const atoms: LpAtom[] = [];
  const figures: LpFigure[] = [];
  const atomOf = new Map<string, string>();
  for (const node of flatten(roots)) {
    const own = cells.get(node.id)?.own;
    if (!own) continue;
    const key = `${node.id}:${own.numerator}/${own.denominator}`;
    atomOf.set(node.id, key);
    atoms.push({ key, numerator: own.numerator, denominator: own.denominator });
  }
  const below = (node: UnitNode): string[] => {
    const own = atomOf.get(node.id);
    return [...(own ? [own] : []), ...node.children.flatMap(below)];
  };
  for (const node of flatten(roots)) {
    const total = cells.get(node.id)?.total;
    if (!total) continue;
    figures.push({
      label: node.id,
      atoms: below(node),
      shown: verdicts.get(node.id)?.suppressed === false,
      minGroup: total.minGroupSize,
      parent: node.parentId,
    });
    const own = cells.get(node.id)?.own;
    if (own && node.children.some((c) => cells.get(c.id)?.total)) {
      figures.push({ label: `${node.id}'s own part`, atoms: [atomOf.get(node.id)!], shown: false, minGroup: own.minGroupSize, isOwnPart: true });
    }
  }
  return { atoms, figures };
}
