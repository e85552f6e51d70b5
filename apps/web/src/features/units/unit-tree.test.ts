import type { UnitTreeNode } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { hrefForUnit, isClosed, isExpanded, pathTo, resolveSelection } from './unit-tree';

function node(id: string, kind: UnitTreeNode['kind'], parentId: string | null, children: UnitTreeNode[] = [], validTo: string | null = null): UnitTreeNode {
  return { id, name: id.toUpperCase(), kind, parentId, validFrom: null, validTo, children };
}

const tree: UnitTreeNode[] = [
  node('soc', 'department', null, [
    node('north', 'area', 'soc', [node('n1', 'unit', 'north'), node('n2', 'unit', 'north', [], '2022-12-31')]),
    node('south', 'area', 'soc', [node('s1', 'unit', 'south')]),
  ]),
];

describe('pathTo', () => {
  it('walks from the root to the unit', () => {
    expect(pathTo(tree, 'n2').map((n) => n.id)).toEqual(['soc', 'north', 'n2']);
    expect(pathTo(tree, 'soc').map((n) => n.id)).toEqual(['soc']);
  });

  it('is empty for an unknown id', () => {
    expect(pathTo(tree, 'nowhere')).toEqual([]);
  });
});

describe('resolveSelection', () => {
  it('defaults to the first root', () => {
    const s = resolveSelection(tree, null);
    expect(s.selected?.id).toBe('soc');
    expect(s.isUnknown).toBe(false);
  });

  it('selects the unit asked for', () => {
    expect(resolveSelection(tree, 's1').path.map((n) => n.id)).toEqual(['soc', 'south', 's1']);
  });

  it('says when the unit asked for does not exist', () => {
    expect(resolveSelection(tree, 'gone')).toEqual({ selected: null, path: [], isUnknown: true });
  });

  it('selects nothing in an empty tree', () => {
    expect(resolveSelection([], null)).toEqual({ selected: null, path: [], isUnknown: false });
  });
});

describe('isExpanded', () => {
  const path = pathTo(tree, 'n1');
  const [soc, north, south] = [tree[0]!, tree[0]!.children[0]!, tree[0]!.children[1]!];

  it('opens the nodes on the way to the selected unit', () => {
    expect(isExpanded(soc, path, new Map())).toBe(true);
    expect(isExpanded(north, path, new Map())).toBe(true);
    expect(isExpanded(south, path, new Map())).toBe(false);
  });

  it('follows what the user toggled', () => {
    expect(isExpanded(north, path, new Map([['north', false]]))).toBe(false);
    expect(isExpanded(south, path, new Map([['south', true]]))).toBe(true);
  });
});

describe('hrefForUnit and isClosed', () => {
  it('puts the unit in the query string', () => {
    expect(hrefForUnit('/metrics/staff_turnover', 'n1')).toBe('/metrics/staff_turnover?unit=n1');
    expect(hrefForUnit('/', null)).toBe('/');
  });

  it('marks units with an end date as closed', () => {
    expect(isClosed(pathTo(tree, 'n2').at(-1)!)).toBe(true);
    expect(isClosed(tree[0]!)).toBe(false);
  });
});
