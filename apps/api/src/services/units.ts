import { buildTree, type Unit, type UnitNode, type UnitTreeNode } from '@tillit/domain';
import type { Db } from '../db/database.js';
import { listUnits } from '../db/units.js';
import { ValidationError } from '../errors.js';

function toTreeNode(n: UnitNode): UnitTreeNode {
  return {
    id: n.id,
    name: n.name,
    kind: n.kind,
    parentId: n.parentId,
    validFrom: n.validFrom,
    validTo: n.validTo,
    children: n.children.map(toTreeNode),
  };
}

export function createUnitService(db: Db, onChange: { version: () => number }) {
  let cache: {
    version: number;
    units: Unit[];
    tree: UnitNode[];
    response: UnitTreeNode[];
    byId: Map<string, Unit>;
  } | null = null;
  const load = () => {
    const version = onChange.version();
    if (!cache || cache.version !== version) {
      const units = listUnits(db);
      const tree = buildTree(units);
      cache = { version, units, tree, response: tree.map(toTreeNode), byId: new Map(units.map((u) => [u.id, u])) };
    }
    return cache;
  };
  return {
    tree: (): UnitNode[] => load().tree,
    treeResponse: (): UnitTreeNode[] => load().response,
    /** Every unit by id, e.g. for deciding whether a unit lies within a person's scope. */
    byId: (): ReadonlyMap<string, Unit> => load().byId,
    /** A unit named in a request (at `field`); an unknown id is the request's fault. */
    requireUnit(id: string, field = 'query.unit'): Unit {
      const unit = load().byId.get(id);
      if (unit) return unit;
      const message = `Enheten "${id}" finns inte (unknown unit).`;
      throw new ValidationError(message, [{ path: field, message }]);
    },
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
