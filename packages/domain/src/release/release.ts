import type { AggregatedNode } from '../aggregate.js';
import type { SuppressionResult } from '../suppression.js';
import { flatten, type UnitNode } from '../tree.js';

/**
 * What one computation of a metric's year released: enough to rebuild the equation behind every
 * figure it showed. A reader who saved what they saw knows each shown figure as the sum of the
 * units' own figures (the atoms) below it in that year's tree as it was then.
 */
export interface YearRelease {
  /** The units of that year's tree that had data in their subtree: [id, parent id]. */
  tree: [string, string | null][];
  /** Every unit's own figure: [id, numerator, denominator, fewest persons]. */
  atoms: [string, number, number, number][];
  /** Successors outside the tree whose figure is the sum of others': [id, parts]. */
  derived: [string, string[]][];
  /** The units whose figure was shown. */
  shown: string[];
}

/** One reported figure as of one state of the data: a unit's own numerator and denominator. */
export interface Atom {
  key: string;
  numerator: number;
  denominator: number;
  minGroup: number;
}

/** A figure as a sum of atoms. */
export interface FigureRow {
  unitId: string;
  /** The atoms' keys, sorted: two figures with the same keys are the same equation. */
  atoms: string[];
  signature: string;
}

/** An atom's identity: the unit and its figure, so a corrected figure is another atom. */
export function atomKey(unitId: string, numerator: number, denominator: number): string {
  return `${unitId}:${numerator}/${denominator}`;
}

export function signatureOf(atoms: readonly string[]): string {
  return atoms.join('|');
}

/** The release of one year's verdicts over its tree (derived successors included). */
export function releaseOf(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  verdicts: ReadonlyMap<string, SuppressionResult>,
  derived: readonly { id: string; parts: string[]; shown: boolean }[] = [],
): YearRelease {
  const tree: [string, string | null][] = [];
  const atoms: [string, number, number, number][] = [];
  for (const node of flatten(roots)) {
    const agg = cells.get(node.id);
    if (!agg?.total) continue;
    tree.push([node.id, node.parentId]);
    if (agg.own) atoms.push([node.id, agg.own.numerator, agg.own.denominator, agg.own.minGroupSize]);
  }
  const shown = [...verdicts].filter(([, v]) => !v.suppressed).map(([id]) => id);
  for (const d of derived) if (d.shown) shown.push(d.id);
  return {
    tree,
    atoms,
    derived: derived.map((d) => [d.id, [...d.parts]]),
    shown: shown.sort(),
  };
}

/** The atoms of a release, and every unit's figure in it as a sum of them. */
export function figuresOfRelease(release: YearRelease): { atoms: Atom[]; figures: Map<string, FigureRow> } {
  const atoms: Atom[] = release.atoms.map(([id, numerator, denominator, minGroup]) => ({
    key: atomKey(id, numerator, denominator),
    numerator,
    denominator,
    minGroup,
  }));
  const ownOf = new Map(release.atoms.map(([id, n, d]) => [id, atomKey(id, n, d)]));
  const children = new Map<string, string[]>();
  for (const [id, parent] of release.tree) {
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const below = new Map<string, string[]>();
  const collect = (id: string, seen: Set<string>): string[] => {
    const cached = below.get(id);
    if (cached) return cached;
    if (seen.has(id)) return []; // a malformed release cannot loop
    seen.add(id);
    const own = ownOf.get(id);
    const out = [...(own ? [own] : []), ...(children.get(id) ?? []).flatMap((c) => collect(c, seen))].sort();
    below.set(id, out);
    return out;
  };
  const figures = new Map<string, FigureRow>();
  for (const [id] of release.tree) {
    const keys = collect(id, new Set());
    figures.set(id, { unitId: id, atoms: keys, signature: signatureOf(keys) });
  }
  for (const [id, parts] of release.derived) {
    const keys = [...new Set(parts.flatMap((p) => collect(p, new Set())))].sort();
    figures.set(id, { unitId: id, atoms: keys, signature: signatureOf(keys) });
  }
  return { atoms, figures };
}

/** Every figure a list of releases showed, once per equation, with the atoms they name. */
export function releasedRows(releases: readonly YearRelease[]): { atoms: Map<string, Atom>; rows: Map<string, FigureRow> } {
  const atoms = new Map<string, Atom>();
  const rows = new Map<string, FigureRow>();
  for (const release of releases) {
    const { atoms: list, figures } = figuresOfRelease(release);
    for (const a of list) atoms.set(a.key, a);
    for (const id of release.shown) {
      const f = figures.get(id);
      if (f && f.atoms.length > 0 && !rows.has(f.signature)) rows.set(f.signature, f);
    }
  }
  return { atoms, rows };
}

/** Two releases that show the same figures over the same atoms and tree are one. */
export function isSameRelease(a: YearRelease, b: YearRelease): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Today's figures of one year's tree as sums of atoms, with each unit's own atom. */
export function figuresOfTree(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
): { atoms: Map<string, Atom>; figures: Map<string, FigureRow>; ownAtom: Map<string, string>; inner: Set<string> } {
  const atoms = new Map<string, Atom>();
  const figures = new Map<string, FigureRow>();
  const ownAtom = new Map<string, string>();
  const inner = new Set<string>();
  const visit = (node: UnitNode): string[] => {
    const agg = cells.get(node.id);
    if (!agg?.total) return [];
    const keys: string[] = [];
    if (agg.own) {
      const key = atomKey(node.id, agg.own.numerator, agg.own.denominator);
      atoms.set(key, { key, numerator: agg.own.numerator, denominator: agg.own.denominator, minGroup: agg.own.minGroupSize });
      ownAtom.set(node.id, key);
      keys.push(key);
    }
    for (const child of node.children) {
      const below = visit(child);
      if (below.length > 0) inner.add(node.id);
      keys.push(...below);
    }
    keys.sort();
    figures.set(node.id, { unitId: node.id, atoms: keys, signature: signatureOf(keys) });
    return keys;
  };
  roots.forEach(visit);
  return { atoms, figures, ownAtom, inner };
}
