import type { UnitTreeNode } from '@tillit/domain';

/** Every unit's name by id, for naming the unit a note is about. */
export function unitNamesById(roots: readonly UnitTreeNode[]): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (nodes: readonly UnitTreeNode[]) => {
    for (const n of nodes) {
      names.set(n.id, n.name);
      visit(n.children);
    }
  };
  visit(roots);
  return names;
}
