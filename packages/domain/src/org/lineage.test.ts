import { describe, expect, it } from 'vitest';
import { unit } from '../test-arbitraries.js';
import { findNode, flatten } from '../tree.js';
import { eventsForUnit, lineageLabel } from './events.js';
import { parentInYear, treeForYear, type Organisation, type Reorganisation } from './lineage.js';

const closed = (to: number) => ({ validFrom: '2015-01-01', validTo: `${to}-12-31` });
const opened = (from: number) => ({ validFrom: `${from}-01-01`, validTo: null });

const merge = (id: number, year: number, from: string[], to: string): Reorganisation => ({
  id,
  kind: 'merge',
  year,
  note: null,
  from,
  to: [to],
  oldName: null,
  oldParentId: null,
  newParentId: null,
});

// A department with two areas; three home-care groups in Öster merged into "Hemtjänst Söder" in 2022.
const units = [
  unit('soc', null, 'Socialförvaltningen'),
  unit('oster', 'soc', 'Öster'),
  unit('vaster', 'soc', 'Väster'),
  unit('g1', 'oster', 'Grupp 1', closed(2021)),
  unit('g2', 'oster', 'Grupp 2', closed(2021)),
  unit('g3', 'oster', 'Grupp 3', closed(2021)),
  unit('soder', 'oster', 'Hemtjänst Söder', opened(2022)),
  unit('x', 'vaster', 'Enhet X'),
];
const org: Organisation = { units, parentHistory: [], reorganisations: [merge(1, 2022, ['g1', 'g2', 'g3'], 'soder')] };
const ids = (year: number, o = org) => flatten(treeForYear(o, year).roots).map((n) => n.id).sort();

describe('treeForYear', () => {
  it('holds the units active that year', () => {
    expect(ids(2023)).toEqual(['oster', 'soc', 'soder', 'vaster', 'x']);
  });

  it('puts a merger’s successor above its predecessors in the years before, when they shared a parent', () => {
    const tree = treeForYear(org, 2021);
    const soder = findNode(tree.roots, 'soder')!;
    expect(soder.parentId).toBe('oster');
    expect(soder.children.map((c) => c.id)).toEqual(['g1', 'g2', 'g3']);
    expect(findNode(tree.roots, 'oster')!.children.map((c) => c.id)).toEqual(['soder']);
    expect(tree.derived).toEqual([]);
  });

  it('makes the successor a derived unit when its predecessors sat under different parents', () => {
    const spread: Organisation = { ...org, reorganisations: [merge(1, 2022, ['g1', 'x'], 'soder')] };
    const tree = treeForYear(spread, 2020);
    expect(findNode(tree.roots, 'soder')).toBeUndefined();
    expect(findNode(tree.roots, 'g1')!.parentId).toBe('oster');
    expect(tree.derived).toEqual([{ id: 'soder', parts: ['g1', 'x'] }]);
  });

  it('applies mergers oldest first, so a successor of a successor continues too', () => {
    const chain: Organisation = {
      units: [...units, unit('all', 'soc', 'Alla', opened(2024)), unit('oster2', 'soc', 'Öster 2', closed(2023))],
      parentHistory: [],
      reorganisations: [merge(2, 2024, ['oster', 'oster2'], 'all'), merge(1, 2022, ['g1', 'g2', 'g3'], 'soder')],
    };
    const tree = treeForYear(chain, 2021);
    expect(findNode(tree.roots, 'all')!.children.map((c) => c.id).sort()).toEqual(['oster', 'oster2']);
    expect(findNode(tree.roots, 'soder')!.parentId).toBe('oster');
  });

  it('keeps a unit with figures in the tree even outside its period', () => {
    expect(ids(2023)).not.toContain('g1');
    const tree = treeForYear(org, 2023, new Set(['g1']));
    expect(findNode(tree.roots, 'g1')!.parentId).toBe('oster');
  });

  it('puts a moved unit under its old parent before the move', () => {
    const moved: Organisation = { ...org, parentHistory: [{ unitId: 'x', parentId: 'oster', untilYear: 2020 }] };
    expect(findNode(treeForYear(moved, 2020).roots, 'x')!.parentId).toBe('oster');
    expect(findNode(treeForYear(moved, 2021).roots, 'x')!.parentId).toBe('vaster');
  });

  it('goes up to the nearest ancestor in the tree when a parent is not', () => {
    const orphaned: Organisation = { ...org, units: [...units, unit('y', 'g1', 'Enhet Y', opened(2022))] };
    expect(findNode(treeForYear(orphaned, 2023).roots, 'y')!.parentId).toBe('oster');
  });
});

describe('parentInYear', () => {
  it('takes the earliest recorded parent whose period reaches the year, else the current one', () => {
    const history = [
      { unitId: 'x', parentId: 'a', untilYear: 2019 },
      { unitId: 'x', parentId: 'b', untilYear: 2021 },
    ];
    const x = { id: 'x', parentId: 'c' };
    expect(parentInYear(x, history, 2018)).toBe('a');
    expect(parentInYear(x, history, 2019)).toBe('a');
    expect(parentInYear(x, history, 2020)).toBe('b');
    expect(parentInYear(x, history, 2022)).toBe('c');
  });
});

describe('eventsForUnit and lineageLabel', () => {
  it('gives each unit of a merger the marker "3 blev 1" with the units before and after', () => {
    for (const id of ['g2', 'soder']) {
      expect(eventsForUnit(org, id)).toEqual([
        {
          id: 1,
          year: 2022,
          kind: 'merge',
          label: '3 blev 1',
          note: null,
          from: [
            { id: 'g1', name: 'Grupp 1' },
            { id: 'g2', name: 'Grupp 2' },
            { id: 'g3', name: 'Grupp 3' },
          ],
          to: [{ id: 'soder', name: 'Hemtjänst Söder' }],
        },
      ]);
    }
    expect(eventsForUnit(org, 'x')).toEqual([]);
  });

  it('labels renames, moves and splits in both languages', () => {
    const a = { id: 'a', name: 'A' };
    const b = { id: 'b', name: 'B' };
    expect(lineageLabel({ kind: 'rename', from: [a], to: [b] })).toBe('Hette tidigare A');
    expect(lineageLabel({ kind: 'rename', from: [a], to: [b] }, 'en')).toBe('Formerly A');
    expect(lineageLabel({ kind: 'move', from: [a], to: [b] })).toBe('Flyttad från A till B');
    expect(lineageLabel({ kind: 'split', from: [a], to: [a, b] })).toBe('1 blev 2');
    expect(lineageLabel({ kind: 'merge', from: [a, b], to: [a] }, 'en')).toBe('2 became 1');
  });

  it('shows a rename under the old name and a move between the old and new parents', () => {
    const o: Organisation = {
      ...org,
      reorganisations: [
        { id: 5, kind: 'rename', year: 2023, note: 'Nytt namn', from: ['x'], to: ['x'], oldName: 'Gamla X', oldParentId: null, newParentId: null },
        { id: 6, kind: 'move', year: 2024, note: null, from: ['x'], to: ['x'], oldName: null, oldParentId: 'oster', newParentId: 'vaster' },
      ],
    };
    expect(eventsForUnit(o, 'x').map((e) => [e.label, e.from, e.to])).toEqual([
      ['Hette tidigare Gamla X', [{ id: 'x', name: 'Gamla X' }], [{ id: 'x', name: 'Enhet X' }]],
      ['Flyttad från Öster till Väster', [{ id: 'oster', name: 'Öster' }], [{ id: 'vaster', name: 'Väster' }]],
    ]);
  });
});
