import type { UnitTreeNode } from '@tillit/domain';
import { isClosed } from '../units/unit-tree';

export interface UnitOption {
  id: string;
  label: string;
  depth: number;
  /** Closed (a valid-to date in the past): said in the picker, as in the unit tree. */
  isClosed: boolean;
}

/** The tree as an indented list for a picker, parents before children. */
export function unitOptions(roots: readonly UnitTreeNode[]): UnitOption[] {
  const out: UnitOption[] = [];
  const walk = (n: UnitTreeNode, depth: number) => {
    out.push({ id: n.id, label: n.name, depth, isClosed: isClosed(n) });
    n.children.forEach((c) => walk(c, depth + 1));
  };
  roots.forEach((r) => walk(r, 0));
  return out;
}

/** Names for unit ids, in the order given; an unknown id shows as itself. */
export function unitNames(roots: readonly UnitTreeNode[], ids: readonly string[]): string[] {
  const byId = new Map(unitOptions(roots).map((o) => [o.id, o.label]));
  return ids.map((id) => byId.get(id) ?? id);
}
