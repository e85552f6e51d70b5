import { sumQuantities } from '../ratio.js';
import { ownPartId, type TreeKnowledge } from '../suppression.js';
import type { Atom, FigureRow } from './release.js';
import { spanOf } from './span.js';

export interface AuditInput {
  threshold: number;
  bounded: boolean;
  /** Every atom: today's and those of earlier releases. */
  atoms: ReadonlyMap<string, Atom>;
  /** Today's figures as sums of atoms, by unit. */
  current: ReadonlyMap<string, FigureRow>;
  /** Each unit's own atom today. */
  ownAtom: ReadonlyMap<string, string>;
  /** Units with children that have data. */
  inner: ReadonlySet<string>;
  /** What today's verdicts and the figures known before let a reader know. */
  knowledge: TreeKnowledge;
  /** Figures released before that are none of today's: equations of their own. */
  stale: readonly FigureRow[];
  /** Shown today and not known before, so hiding it takes it from the reader. */
  isHideable: (unitId: string) => boolean;
  /** The fewest persons a unit's figure is about today. */
  groupOf: (unitId: string) => number;
}

/** At most 2^16 sums are tried per group of linked equations; beyond that, hide more. */
const MAX_RANK = 16;

/**
 * Checks today's verdicts against everything released before. Earlier releases are equations
 * over atoms; so are today's known figures (each known total minus the known figures below it,
 * its residual). Together they may determine a sum of hidden atoms that neither does alone: the
 * new unit's figure as this year's area minus last week's, or a merger's predecessor as the
 * successor minus the other. Every such sum must obey the rules of `suppressTree`: about more than
 * `threshold` persons, and when it covers several atoms, not 0 and (for a share) not full.
 *
 * Returns a unit to hide today that breaks a derivation which breaks the rules, or null when
 * there is none. Sums that the earlier releases give away by themselves are not today's doing
 * and are left.
 */
export function auditReleases(input: AuditInput): { hide: string } | null {
  const { knowledge } = input;
  const atomsKnownIn = (terms: ReadonlySet<string>): Set<string> => {
    const out = new Set<string>();
    for (const [unitId, key] of input.ownAtom) {
      if (terms.has(ownPartId(unitId)) || (!input.inner.has(unitId) && terms.has(unitId))) out.add(key);
    }
    return out;
  };
  const knownAtoms = atomsKnownIn(knowledge.known);
  const isInherited = inheritedCheck(input.stale, atomsKnownIn(knowledge.knownBefore));
  const atomOfTerm = (term: string): string | undefined => {
    const unitId = term.endsWith('\u0000own') ? term.slice(0, -4) : term;
    return input.ownAtom.get(unitId);
  };

  // Today's equations: every known unit minus the known figures below it.
  interface Row {
    atoms: string[];
    /** For an earlier release, every atom it names, the known ones too. */
    named: string[];
    /** The known unit whose residual this is; null for an earlier release. */
    owner: string | null;
  }
  const classOf = new Map<string, number>();
  const rows: Row[] = [];
  for (const [owner, residual] of knowledge.residuals) {
    const atoms = residual.terms.map(atomOfTerm).filter((a): a is string => a !== undefined && !knownAtoms.has(a));
    if (atoms.length === 0) continue;
    for (const a of atoms) classOf.set(a, rows.length);
    rows.push({ atoms, named: atoms, owner });
  }
  const classCount = rows.length;
  for (const f of input.stale) {
    const atoms = f.atoms.filter((a) => !knownAtoms.has(a));
    if (atoms.length > 0) rows.push({ atoms, named: f.atoms, owner: null });
  }
  if (rows.length === classCount) return null;

  // Rows linked through shared atoms, starting from the earlier releases.
  const rowsOfAtom = new Map<string, number[]>();
  rows.forEach((r, i) => r.atoms.forEach((a) => rowsOfAtom.set(a, [...(rowsOfAtom.get(a) ?? []), i])));
  const seen = new Set<number>();
  for (let start = classCount; start < rows.length; start++) {
    if (seen.has(start)) continue;
    const component: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const i = queue.pop()!;
      component.push(i);
      for (const a of rows[i]!.atoms) {
        for (const j of rowsOfAtom.get(a) ?? []) {
          if (!seen.has(j)) {
            seen.add(j);
            queue.push(j);
          }
        }
      }
    }
    const hide = auditComponent(component.map((i) => rows[i]!), input, classOf, isInherited);
    if (hide !== null) return { hide };
  }
  return null;
}

interface ComponentRow {
  atoms: string[];
  named: string[];
  owner: string | null;
}

/**
 * Whether a sum of atoms follows from the earlier releases alone, with what they made known
 * by themselves: then it was given away before today, and nothing hidden today takes it back.
 */
function inheritedCheck(stale: readonly FigureRow[], knownBefore: ReadonlySet<string>): (atoms: readonly string[]) => boolean {
  const rows = stale.map((f) => f.atoms.filter((a) => !knownBefore.has(a))).filter((r) => r.length > 0);
  const column = new Map<string, number>();
  for (const r of rows) for (const a of r) if (!column.has(a)) column.set(a, column.size);
  const span = spanOf(rows.map((r) => r.map((a) => column.get(a)!)), column.size);
  return (atoms) => atoms.every((a) => column.has(a)) && span.contains(atoms.map((a) => column.get(a)!));
}

function auditComponent(
  rows: readonly ComponentRow[],
  input: AuditInput,
  classOf: ReadonlyMap<string, number>,
  isInherited: (atoms: readonly string[]) => boolean,
): string | null {
  // Atoms that appear in exactly the same equations cannot be told apart: one column each.
  const blockOf = new Map<string, number>();
  const blocks: string[][] = [];
  const membership = new Map<string, number[]>();
  rows.forEach((r, i) => r.atoms.forEach((a) => membership.set(a, [...(membership.get(a) ?? []), i])));
  const bySignature = new Map<string, number>();
  for (const [atom, list] of membership) {
    const signature = list.join(',');
    let block = bySignature.get(signature);
    if (block === undefined) {
      block = blocks.length;
      bySignature.set(signature, block);
      blocks.push([]);
    }
    blocks[block]!.push(atom);
    blockOf.set(atom, block);
  }
  const columnsOf = (atoms: readonly string[]): number[] => [...new Set(atoms.map((a) => blockOf.get(a)!))];
  const all = spanOf(rows.map((r) => columnsOf(r.atoms)), blocks.length);
  const sets = all.determinedSets(MAX_RANK);
  const componentAtoms = [...membership.keys()];
  if (sets === null) return chooseUnit(componentAtoms, rows, input); // too many to try: hide more

  // A set that is whole residuals of today's tree was checked by the tree's rules already.
  const classSize = new Map<number, number>();
  for (const a of componentAtoms) {
    const c = classOf.get(a);
    if (c !== undefined) classSize.set(c, (classSize.get(c) ?? 0) + 1);
  }
  const isSmall = (g: number): boolean => g <= input.threshold;
  for (const set of sets) {
    const atoms = set.flatMap((b) => blocks[b]!);
    const perClass = new Map<number, number>();
    let isWholeClasses = true;
    for (const a of atoms) {
      const c = classOf.get(a);
      if (c === undefined) isWholeClasses = false;
      else perClass.set(c, (perClass.get(c) ?? 0) + 1);
    }
    if (isWholeClasses && [...perClass].every(([c, n]) => classSize.get(c) === n)) continue;
    if (isInherited(atoms)) continue; // the earlier releases told it by themselves
    const parts = atoms.map((a) => input.atoms.get(a)!);
    const group = sumQuantities(parts.map((p) => p.minGroup));
    const numerator = sumQuantities(parts.map((p) => p.numerator));
    const denominator = sumQuantities(parts.map((p) => p.denominator));
    const breaks =
      isSmall(group) || (atoms.length > 1 && (numerator <= 0 || (input.bounded && numerator >= denominator)));
    if (!breaks) continue;
    const unit = chooseUnit(atoms, rows, input);
    if (unit !== null) return unit;
  }
  return null;
}

/**
 * The unit to hide: the smallest shown figure that contains one of the atoms told; else the
 * smallest shown figure that one of the known atoms the earlier releases were reduced by is
 * worked out from (hiding it may make that atom unknown again); else the smallest that one of
 * the residuals that told is worked out from: its owner or the known figures below it.
 */
function chooseUnit(atoms: readonly string[], rows: readonly ComponentRow[], input: AuditInput): string | null {
  const told = new Set(atoms);
  const containing = [...input.current.values()]
    .filter((f) => input.isHideable(f.unitId) && f.atoms.some((a) => told.has(a)))
    .map((f) => f.unitId);
  const termOf = new Map<string, string>();
  for (const [unitId, key] of input.ownAtom) termOf.set(key, input.inner.has(unitId) ? ownPartId(unitId) : unitId);
  const named = new Set(rows.filter((r) => r.owner === null).flatMap((r) => r.named.filter((a) => !r.atoms.includes(a))));
  const supporting = [...named].flatMap((a) => {
    const term = termOf.get(a);
    return term === undefined ? [] : input.knowledge.support(term).filter(input.isHideable);
  });
  // A residual is its owner minus the known figures below it: hiding any of them changes it.
  const owners = rows.flatMap((r) => {
    if (r.owner === null) return [];
    const covered = input.knowledge.residuals.get(r.owner)?.covered ?? [];
    return [r.owner, ...covered].flatMap((t) => input.knowledge.support(t)).filter(input.isHideable);
  });
  const bySize = (list: string[]) =>
    [...new Set(list)].sort((a, b) => input.groupOf(a) - input.groupOf(b) || a.localeCompare(b));
  return bySize(containing)[0] ?? bySize(supporting)[0] ?? bySize(owners)[0] ?? null;
}
