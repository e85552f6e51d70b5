import type { Unit } from '../schemas.js';
import { buildTree, isActiveInYear, type UnitNode } from '../tree.js';

/**
 * The organisation over time. `units` holds every unit with its current parent and its period
 * of validity; `parentHistory` the parents a unit had before a move; `reorganisations` how
 * units became other units (rename, merge, split, move), which is what lets a trend continue.
 */
export type ReorganisationKind = 'rename' | 'merge' | 'split' | 'move';

export interface Reorganisation {
  id: number;
  kind: ReorganisationKind;
  /** The first year of the new organisation. */
  year: number;
  note: string | null;
  /** Merge: the predecessors; split: the one unit split; rename and move: the unit itself. */
  from: string[];
  /** Merge: the successor; split: the successors; rename and move: the unit itself. */
  to: string[];
  /** Rename: the name before `year`. */
  oldName: string | null;
  /** Move: the parent before `year`, and from `year` on. */
  oldParentId: string | null;
  newParentId: string | null;
}

/** Until (and including) `untilYear`, the unit's parent was `parentId`. */
export interface ParentPeriod {
  unitId: string;
  parentId: string | null;
  untilYear: number;
}

export interface Organisation {
  units: readonly Unit[];
  parentHistory: readonly ParentPeriod[];
  reorganisations: readonly Reorganisation[];
}

/** A unit whose figure for a year is the sum of others', outside that year's tree. */
export interface DerivedUnit {
  id: string;
  parts: string[];
}

export interface YearTree {
  year: number;
  roots: UnitNode[];
  /**
   * Successors of a merger whose predecessors did not share one parent that year: their figure
   * is the predecessors' sum, shown only when every predecessor's own figure is (see
   * `safe-points.ts`), so it reveals nothing new.
   */
  derived: DerivedUnit[];
}

const yearOf = (date: string | null): number | null => (date ? Number(date.slice(0, 4)) : null);

/**
 * The unit's parent in a year: the earliest recorded earlier parent whose period reaches that
 * year, else the current parent.
 */
export function parentInYear(unit: Pick<Unit, 'id' | 'parentId'>, history: readonly ParentPeriod[], year: number): string | null {
  let best: ParentPeriod | undefined;
  for (const p of history) {
    if (p.unitId !== unit.id || p.untilYear < year) continue;
    if (!best || p.untilYear < best.untilYear) best = p;
  }
  return best ? best.parentId : unit.parentId;
}

/**
 * The tree of one year: the units active that year (and any unit with figures that year, so that
 * no figure silently drops out of its parent's total), each under its parent as of that year.
 * A unit whose parent is not in that year's tree goes under the nearest ancestor that is.
 *
 * A merger's successor gets, for each year before the merger, the sum of its predecessors:
 * when those that are in the tree share one parent, the successor is put between that parent
 * and them, so the tree-wide suppression protects it like any other unit; otherwise it is a
 * derived unit (see `YearTree.derived`). Mergers are applied oldest first, so a successor of a
 * successor finds its predecessors already in place.
 */
export function treeForYear(org: Organisation, year: number, withData: ReadonlySet<string> = new Set()): YearTree {
  const byId = new Map(org.units.map((u) => [u.id, u]));
  const present = new Map<string, Unit>();
  for (const u of org.units) {
    if (isActiveInYear(u, year) || withData.has(u.id)) present.set(u.id, u);
  }
  // By unit, so that a large organisation with a long history stays linear.
  const historyOf = new Map<string, ParentPeriod[]>();
  for (const p of org.parentHistory) historyOf.set(p.unitId, [...(historyOf.get(p.unitId) ?? []), p]);
  const parentOf = (id: string): string | null => {
    const u = byId.get(id);
    return u ? parentInYear(u, historyOf.get(id) ?? [], year) : null;
  };
  const placed = new Map<string, Unit>();
  for (const u of present.values()) {
    let parent = parentOf(u.id);
    const seen = new Set<string>([u.id]);
    while (parent !== null && !present.has(parent) && !seen.has(parent)) {
      seen.add(parent);
      parent = parentOf(parent);
    }
    placed.set(u.id, { ...u, parentId: parent !== null && present.has(parent) && parent !== u.id ? parent : null });
  }

  const derived: DerivedUnit[] = [];
  const mergers = org.reorganisations
    .filter((r) => r.kind === 'merge' && r.year > year && r.to.length === 1)
    .sort((a, b) => a.year - b.year || a.id - b.id);
  for (const m of mergers) {
    const successorId = m.to[0]!;
    const successor = byId.get(successorId);
    // A successor with figures of its own that year keeps them; nothing is inferred.
    if (!successor || placed.has(successorId)) continue;
    const inTree = m.from.filter((id) => placed.has(id) && id !== successorId);
    // A predecessor below another predecessor is already counted in that one's figure.
    const parts = inTree.filter((id) => !ancestorsOf(placed, id).some((a) => inTree.includes(a)));
    if (parts.length === 0) continue;
    const parents = new Set(parts.map((id) => placed.get(id)!.parentId));
    if (parents.size === 1) {
      const [parentId] = [...parents];
      placed.set(successorId, { ...successor, parentId: parentId ?? null });
      for (const id of parts) placed.set(id, { ...placed.get(id)!, parentId: successorId });
    } else {
      derived.push({ id: successorId, parts });
    }
  }
  return { year, roots: buildTree([...placed.values()]), derived };
}

/**
 * Year trees, built once per distinct set of units, later mergers and earlier parents: most
 * years share one tree, so a large organisation with a long history stays quick.
 */
export function yearTreeCache(org: Organisation): (year: number, withData: ReadonlySet<string>) => YearTree {
  const trees = new Map<string, YearTree>();
  return (year, withData) => {
    const key = [
      org.units.filter((u) => withData.has(u.id) || isActiveInYear(u, year)).map((u) => u.id).join(','),
      org.reorganisations.filter((r) => r.kind === 'merge' && r.year > year).map((r) => r.id).join(','),
      org.parentHistory.filter((p) => p.untilYear >= year).map((p) => `${p.unitId}:${p.untilYear}`).join(','),
    ].join('|');
    let tree = trees.get(key);
    if (!tree) trees.set(key, (tree = treeForYear(org, year, withData)));
    return tree;
  };
}

function ancestorsOf(units: ReadonlyMap<string, Unit>, id: string): string[] {
  const out: string[] = [];
  let cur = units.get(id)?.parentId ?? null;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    cur = units.get(cur)?.parentId ?? null;
  }
  return out;
}

/** The first and last year a unit is valid (null: open). */
export function yearsOf(unit: Pick<Unit, 'validFrom' | 'validTo'>): { from: number | null; to: number | null } {
  return { from: yearOf(unit.validFrom), to: yearOf(unit.validTo) };
}

/**
 * The organisation as it is on `today` (an ISO date): the units not closed before it, a unit
 * whose parent is closed going under the nearest open ancestor. Closed units keep their figures
 * and stay reachable by id; they only leave the tree people navigate and compare in.
 */
export function openUnits(units: readonly Unit[], today: string): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const isOpen = (u: Unit) => u.validTo === null || u.validTo >= today;
  const out: Unit[] = [];
  for (const u of units) {
    if (!isOpen(u)) continue;
    let parent = u.parentId;
    const seen = new Set<string>([u.id]);
    while (parent !== null && !seen.has(parent)) {
      const p = byId.get(parent);
      if (p && isOpen(p)) break;
      seen.add(parent);
      parent = p?.parentId ?? null;
    }
    out.push({ ...u, parentId: parent !== null && seen.has(parent) ? null : parent });
  }
  return out;
}
