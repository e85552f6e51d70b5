import type { AggregatedNode } from './aggregate.js';
import type { SuppressionReason } from './schemas.js';
import type { UnitNode } from './tree.js';

export interface SuppressionResult {
  suppressed: boolean;
  reason: SuppressionReason | null;
}

/**
 * Decides which figures of one metric and year may be shown.
 *
 * Primary suppression hides a figure about `threshold` persons or fewer, or about an unknown
 * number of persons. Secondary suppression then hides more figures until no small group can be
 * worked out by subtraction. Every unit's total is the sum of its children's totals and its own
 * figures (the "own part", never shown by itself). A figure is known when it is shown, or when
 * it follows from one such sum whose other terms are all known. For every known total, the
 * part of it that no known figure below it covers (the residual: total minus the topmost known
 * figures below) is what subtraction reveals; it must be empty or cover more than `threshold`
 * persons. That one rule also covers a hidden small figure being derived (its residual is
 * itself) and a hidden area recovered as department minus units below other hidden areas.
 * Whenever it is broken, the smallest figure still shown that breaks it is hidden too, and the
 * check runs again. Figures only ever go from shown to hidden, so it ends.
 *
 * Returns an entry for every unit with data; units without data have none.
 */
export function suppressTree(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  threshold: number | null,
): Map<string, SuppressionResult> {
  const result = new Map<string, SuppressionResult>();
  const terms = new Map<string, Term>();
  const families: Family[] = [];
  const childrenOf = new Map<string, string[]>();

  const visit = (node: UnitNode): void => {
    const agg = cells.get(node.id);
    if (!agg?.total) return;
    terms.set(node.id, { id: node.id, groupSize: agg.total.groupSize, isOwnPart: false });
    result.set(node.id, { suppressed: false, reason: null });
    const childIds = node.children.filter((c) => cells.get(c.id)?.total).map((c) => c.id);
    node.children.forEach(visit);
    if (childIds.length === 0) return;
    const components = [...childIds];
    if (agg.own) {
      const ownId = ownPartId(node.id);
      terms.set(ownId, { id: ownId, groupSize: agg.own.groupSize, isOwnPart: true });
      components.push(ownId);
    }
    families.push({ parent: node.id, components });
    childrenOf.set(node.id, childIds);
  };
  roots.forEach(visit);

  if (threshold === null) return result;

  const isSmall = (groupSize: number | null): boolean => groupSize === null || groupSize <= threshold;

  for (const [id, res] of result) {
    const g = terms.get(id)?.groupSize ?? null;
    if (isSmall(g)) {
      res.suppressed = true;
      res.reason = g === null ? 'unknown_group_size' : 'small_group';
    }
  }

  const isShown = (id: string): boolean => {
    const t = terms.get(id);
    return t !== undefined && !t.isOwnPart && result.get(id)?.suppressed === false;
  };
  const groupOf = (id: string): number | null => terms.get(id)?.groupSize ?? null;
  const hide = (id: string): void => {
    result.set(id, { suppressed: true, reason: 'secondary' });
  };

  // Each round hides at least one more figure, so there are at most as many rounds as units.
  for (let round = 0; round <= result.size; round++) {
    const known = new Map<string, number | null>(); // term → the family it was derived through (null: shown)
    for (const id of terms.keys()) if (isShown(id)) known.set(id, null);
    deriveClosure(families, known);

    const violation = findViolation(result, childrenOf, terms, known, isSmall);
    if (!violation) return result;

    const target = chooseFigureToHide(violation, families, known, isShown, groupOf);
    if (target === null) {
      // Nothing shown is left to hide in that chain: hide everything that is still shown.
      for (const id of result.keys()) if (isShown(id)) hide(id);
      return result;
    }
    hide(target);
  }
  return result;
}

interface Term {
  id: string;
  groupSize: number | null;
  isOwnPart: boolean;
}

interface Family {
  parent: string;
  components: string[];
}

/** A broken rule: a known figure whose residual reveals a small group. */
interface Violation {
  /** The family the exposed figure was derived through; null when it is shown. */
  family: number | null;
  /** The figure whose residual is too small. */
  exposed: string[];
  /** The topmost known figures below it, which together with it reveal the residual. */
  covered: string[];
}

function termsOf(f: Family): string[] {
  return [f.parent, ...f.components];
}

function deriveClosure(families: readonly Family[], known: Map<string, number | null>): void {
  let changed = true;
  while (changed) {
    changed = false;
    families.forEach((f, index) => {
      const unknown = termsOf(f).filter((t) => !known.has(t));
      if (unknown.length === 1) {
        known.set(unknown[0]!, index);
        changed = true;
      }
    });
  }
}

function findViolation(
  result: ReadonlyMap<string, SuppressionResult>,
  childrenOf: ReadonlyMap<string, string[]>,
  terms: ReadonlyMap<string, Term>,
  known: ReadonlyMap<string, number | null>,
  isSmall: (g: number | null) => boolean,
): Violation | null {
  const groupOf = (id: string): number | null => terms.get(id)?.groupSize ?? null;
  for (const id of result.keys()) {
    if (!known.has(id)) continue;
    // The topmost known figures below this one, and whether anything is left uncovered.
    const covered: string[] = [];
    let hasResidual = terms.has(ownPartId(id));
    const stack = [...(childrenOf.get(id) ?? [])];
    if (!childrenOf.has(id)) hasResidual = true; // a leaf: the residual is the figure itself
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (known.has(c)) {
        covered.push(c);
        continue;
      }
      const below = childrenOf.get(c);
      if (!below || terms.has(ownPartId(c))) hasResidual = true;
      if (below) stack.push(...below);
    }
    if (!hasResidual) continue;
    let residual = groupOf(id);
    for (const c of covered) {
      const g = groupOf(c);
      residual = residual === null || g === null ? null : exactDifference(residual, g);
    }
    if (isSmall(residual)) {
      return { family: known.get(id) ?? null, exposed: [id], covered };
    }
  }
  return null;
}

function ownPartId(id: string): string {
  return `${id}\u0000own`;
}

/** Group sizes may be averages with two decimals; subtract them without drifting. */
function exactDifference(a: number, b: number): number {
  return (Math.round(a * 100) - Math.round(b * 100)) / 100;
}

/**
 * The smallest figure still shown whose hiding breaks the violating chain: a shown component of
 * the family, else its shown total, else the chain through which a known term was derived.
 */
function chooseFigureToHide(
  violation: Violation,
  families: readonly Family[],
  known: ReadonlyMap<string, number | null>,
  isShown: (id: string) => boolean,
  groupOf: (id: string) => number | null,
): string | null {
  const shownBelow = violation.covered.filter(isShown);
  if (shownBelow.length > 0) return smallest(shownBelow, groupOf);
  const [figure] = violation.exposed;
  if (figure !== undefined && isShown(figure)) return figure;
  const seen = new Set<number>();
  let familyIndex: number | undefined = violation.family ?? undefined;
  const exposed = new Set(violation.exposed);
  while (familyIndex !== undefined && !seen.has(familyIndex)) {
    seen.add(familyIndex);
    const f: Family = families[familyIndex]!;
    const shown = f.components.filter((c) => !exposed.has(c) && isShown(c));
    if (shown.length > 0) return smallest(shown, groupOf);
    if (!exposed.has(f.parent) && isShown(f.parent)) return f.parent;
    // Every known term here was itself derived: break the chain one step further up.
    const derived = termsOf(f).find((t) => !exposed.has(t) && typeof known.get(t) === 'number');
    if (derived === undefined) return null;
    exposed.add(derived);
    familyIndex = known.get(derived) ?? undefined;
  }
  return null;
}

function smallest(ids: readonly string[], groupOf: (id: string) => number | null): string {
  return [...ids].sort((a, b) => {
    const ga = groupOf(a) ?? Infinity;
    const gb = groupOf(b) ?? Infinity;
    return ga - gb || a.localeCompare(b);
  })[0]!;
}
