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
 * number of persons. Secondary suppression then hides more figures until no hidden one can be
 * worked out by subtraction: every unit's total is the sum of its children's totals and its
 * own figures (the "own part", never shown by itself), and each such equation is a family.
 * A term of a family becomes known when it is shown, or when every other term of the family is
 * known. The result is safe when
 *   - no primarily hidden figure becomes known,
 *   - no own part about `threshold` persons or fewer becomes known, and
 *   - in a family whose total is known, the terms left unknown together cover more than
 *     `threshold` persons (else their sum would tell about a small group).
 * Whenever a rule is broken, the smallest figure still shown that breaks the chain is hidden
 * too, and the check runs again. Figures only ever go from shown to hidden, so it ends.
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
      const ownId = `${node.id}\u0000own`;
      terms.set(ownId, { id: ownId, groupSize: agg.own.groupSize, isOwnPart: true });
      components.push(ownId);
    }
    families.push({ parent: node.id, components });
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

    const violation = findViolation(families, terms, result, known, isSmall);
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

/** A broken rule: a family whose terms are too well known. */
interface Violation {
  family: number;
  /** The terms whose knowledge is the problem: they must not all stay known. */
  exposed: string[];
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
  families: readonly Family[],
  terms: ReadonlyMap<string, Term>,
  result: ReadonlyMap<string, SuppressionResult>,
  known: ReadonlyMap<string, number | null>,
  isSmall: (g: number | null) => boolean,
): Violation | null {
  for (const [id, via] of known) {
    if (via === null) continue;
    const term = terms.get(id);
    const res = result.get(id);
    const isPrimary = res?.suppressed === true && res.reason !== 'secondary';
    const isSmallOwnPart = term?.isOwnPart === true && isSmall(term.groupSize);
    if (isPrimary || isSmallOwnPart) return { family: via, exposed: [id] };
  }
  for (let i = 0; i < families.length; i++) {
    const f = families[i]!;
    if (!known.has(f.parent)) continue;
    const unknown = f.components.filter((c) => !known.has(c));
    if (unknown.length === 0) continue;
    let total: number | null = 0;
    for (const c of unknown) {
      const g = terms.get(c)?.groupSize ?? null;
      total = total === null || g === null ? null : total + g;
    }
    if (isSmall(total)) return { family: i, exposed: unknown };
  }
  return null;
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
  const seen = new Set<number>();
  let familyIndex: number | undefined = violation.family;
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
