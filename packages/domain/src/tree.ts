import type { Unit } from './schemas.js';

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export class InvalidTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTreeError';
  }
}

/**
 * Builds the organisation tree from flat units. Children are sorted by name (Swedish collation).
 * Throws when a parent is missing or the parents form a cycle.
 */
export function buildTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) {
    if (nodes.has(u.id)) throw new InvalidTreeError(`Enheten ${u.id} finns två gånger`);
    nodes.set(u.id, { ...u, children: [] });
  }
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    if (node.parentId === null) {
      roots.push(node);
      continue;
    }
    const parent = nodes.get(node.parentId);
    if (!parent) throw new InvalidTreeError(`Enheten ${node.id} har en överordnad som saknas: ${node.parentId}`);
    parent.children.push(node);
  }
  assertAcyclic(nodes);
  const collator = new Intl.Collator('sv');
  const sort = (list: UnitNode[]): void => {
    list.sort((a, b) => collator.compare(a.name, b.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

function assertAcyclic(nodes: Map<string, UnitNode>): void {
  for (const start of nodes.values()) {
    const seen = new Set<string>();
    let cur: UnitNode | undefined = start;
    while (cur && cur.parentId !== null) {
      if (seen.has(cur.id)) throw new InvalidTreeError(`Enheterna bildar en slinga vid ${cur.id}`);
      seen.add(cur.id);
      cur = nodes.get(cur.parentId);
    }
  }
}

/** Every node of the forest, parents before children. */
export function flatten(roots: readonly UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (n: UnitNode): void => {
    out.push(n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** The ids of a unit and everything below it. */
export function subtreeIds(node: UnitNode): string[] {
  return flatten([node]).map((n) => n.id);
}

export function findNode(roots: readonly UnitNode[], id: string): UnitNode | undefined {
  for (const r of roots) {
    if (r.id === id) return r;
    const hit = findNode(r.children, id);
    if (hit) return hit;
  }
  return undefined;
}

/** The chain from the root down to the unit, both included. */
export function ancestry(units: readonly Unit[], id: string): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: Unit[] = [];
  let cur = byId.get(id);
  while (cur) {
    chain.unshift(cur);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    if (chain.length > byId.size) break;
  }
  return chain;
}

/** Whether a unit existed at some point in the year. */
export function isActiveInYear(unit: Pick<Unit, 'validFrom' | 'validTo'>, year: number): boolean {
  const from = unit.validFrom ? Number(unit.validFrom.slice(0, 4)) : -Infinity;
  const to = unit.validTo ? Number(unit.validTo.slice(0, 4)) : Infinity;
  return from <= year && year <= to;
}
