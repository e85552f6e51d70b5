/**
 * An independent checker of what a reader can learn about hidden figures, by linear programming
 * with the HiGHS solver. It knows nothing of how suppression decides: it takes every figure ever
 * shown as an equation over the reported figures (atoms), adds what every reader knows (counts are
 * never negative; a share's numerator is never above its denominator), and computes for every
 * figure ever hidden the least and the most its numerator can be. Test helper, not exported.
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

/** The problems found across all states together; an empty list means nothing is given away. */
export async function lpProblems(states: readonly LpState[], options: LpOptions): Promise<string[]> {
  const atoms = new Map<string, LpAtom>();
  for (const s of states) for (const a of s.atoms) atoms.set(a.key, a);
  const index = new Map([...atoms.keys()].map((k, i) => [k, i]));
  const shownSets = new Set<string>();
  const lines: string[] = [];
  const sum = (prefix: 'n' | 'd', keys: readonly string[]): string =>
    keys.map((k) => `${prefix}${index.get(k)!}`).join(' + ');
  const valueOf = (keys: readonly string[], field: 'numerator' | 'denominator'): number =>
    keys.reduce((s, k) => s + atoms.get(k)![field], 0);
  let row = 0;
  for (const s of states) {
    for (const f of s.figures) {
      if (!f.shown || f.atoms.length === 0) continue;
      const key = [...f.atoms].sort().join(',');
      if (shownSets.has(key)) continue;
      shownSets.add(key);
      lines.push(` r${row++}: ${sum('n', f.atoms)} = ${valueOf(f.atoms, 'numerator').toFixed(2)}`);
      lines.push(` r${row++}: ${sum('d', f.atoms)} = ${valueOf(f.atoms, 'denominator').toFixed(2)}`);
    }
  }
  if (options.bounded) for (const i of index.values()) lines.push(` b${i}: n${i} - d${i} <= 0`);
  const constraints = lines.length > 0 ? lines.join('\n') : ' r0: n0 >= 0';
  const bounds = [...index.values()].map((i) => ` n${i} >= 0\n d${i} >= 0`).join('\n');
  const solver = await highs();
  const optimum = (sense: 'Maximize' | 'Minimize', objective: string): number => {
    solves++;
    const result = solver.solve(`${sense}\n obj: ${objective}\nSubject To\n${constraints}\nBounds\n${bounds}\nEnd`);
    // Nothing known above a figure leaves it free to grow.
    if (result.Status === 'Unbounded' && sense === 'Maximize') return Infinity;
    if (result.Status !== 'Optimal') throw new Error(`LP ${sense} ${objective}: ${result.Status}`);
    return result.ObjectiveValue;
  };

  const problems: string[] = [];
  const checked = new Set<string>();
  states.forEach((s, stateIndex) => {
    const isLast = stateIndex === states.length - 1;
    for (const f of s.figures) {
      if (f.shown || f.atoms.length === 0) continue;
      const key = [...f.atoms].sort().join(',');
      if (shownSets.has(key) || checked.has(key)) continue; // shown at some time: known
      checked.add(key);
      const n = sum('n', f.atoms);
      const max = optimum('Maximize', n);
      const min = optimum('Minimize', n);
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
        const slack = optimum('Maximize', `${sum('d', f.atoms)} - ${n.replaceAll(' + ', ' - ')}`);
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
    });
    const own = cells.get(node.id)?.own;
    if (own && node.children.some((c) => cells.get(c.id)?.total)) {
      figures.push({ label: `${node.id}'s own part`, atoms: [atomOf.get(node.id)!], shown: false, minGroup: own.minGroupSize, isOwnPart: true });
    }
  }
  return { atoms, figures };
}
