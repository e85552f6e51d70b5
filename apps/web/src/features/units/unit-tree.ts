import type { UnitTreeNode } from '@tillit/domain';

export interface UnitSelection {
  /** The unit shown: the one asked for in `?unit=`, or the first root when none is asked for. */
  selected: UnitTreeNode | null;
  /** From the root down to the selected unit, both included. */
  path: UnitTreeNode[];
  /** An id was asked for that is not in the tree. */
  isUnknown: boolean;
}

/** The chain from a root down to the unit with `id`, or [] when it is not in the tree. */
export function pathTo(roots: readonly UnitTreeNode[], id: string): UnitTreeNode[] {
  for (const root of roots) {
    if (root.id === id) return [root];
    const below = pathTo(root.children, id);
    if (below.length > 0) return [root, ...below];
  }
  return [];
}

export function resolveSelection(roots: readonly UnitTreeNode[], requestedId: string | null): UnitSelection {
  const id = requestedId ?? roots[0]?.id ?? null;
  if (id === null) return { selected: null, path: [], isUnknown: false };
  const path = pathTo(roots, id);
  const selected = path.at(-1) ?? null;
  return { selected, path, isUnknown: selected === null };
}

/** A link to `pathname` for a unit; the unit is part of the URL so it can be shared and bookmarked. */
export function hrefForUnit(pathname: string, unitId: string | null): string {
  if (unitId === null) return pathname;
  return `${pathname}?${new URLSearchParams({ unit: unitId }).toString()}`;
}

export function isClosed(unit: Pick<UnitTreeNode, 'validTo'>): boolean {
  return unit.validTo !== null;
}

/**
 * Whether a node's children are shown: the user's own choice when there is one, otherwise open
 * on the way to the selected unit so it is never hidden.
 */
export function isExpanded(node: UnitTreeNode, selectedPath: readonly UnitTreeNode[], toggled: ReadonlyMap<string, boolean>): boolean {
  return toggled.get(node.id) ?? selectedPath.some((n) => n.id === node.id && n.children.length > 0);
}
