import { buildTree, openUnits, type Organisation, type Unit, type UnitNode, type UnitTreeNode } from '@tillit/domain';
import type { Db } from '../db/database.js';
import { listParentHistory, listReorganisations, listUnits, type StoredReorganisation } from '../db/units.js';
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
    today: string;
    units: Unit[];
    tree: UnitNode[];
    response: UnitTreeNode[];
    fullResponse: UnitTreeNode[];
    byId: Map<string, Unit>;
    organisation: Organisation;
    reorganisations: StoredReorganisation[];
  } | null = null;
  const load = () => {
    const version = onChange.version();
    const today = new Date().toISOString().slice(0, 10);
    if (!cache || cache.version !== version || cache.today !== today) {
      const units = listUnits(db);
      // The tree people navigate and compare in holds the open units; closed ones stay in byId.
      const tree = buildTree(openUnits(units, today));
      const fullTree = buildTree(units);
      const reorganisations = listReorganisations(db);
      const organisation = { units, parentHistory: listParentHistory(db), reorganisations };
      const byId = new Map(units.map((u) => [u.id, u]));
      cache = { version, today, units, tree, response: tree.map(toTreeNode), fullResponse: fullTree.map(toTreeNode), byId, organisation, reorganisations };
    }
    return cache;
  };
  return {
    tree: (): UnitNode[] => load().tree,
    treeResponse: (): UnitTreeNode[] => load().response,
    /** Every unit, closed ones included, each under its current parent (for the organisation page). */
    fullTreeResponse: (): UnitTreeNode[] => load().fullResponse,
    /** Every unit by id, e.g. for deciding whether a unit lies within a person's scope. */
    byId: (): ReadonlyMap<string, Unit> => load().byId,
    /** The organisation over time: units, earlier parents and reorganisations (lineage). */
    organisation: (): Organisation => load().organisation,
    reorganisations: (): StoredReorganisation[] => load().reorganisations,
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
