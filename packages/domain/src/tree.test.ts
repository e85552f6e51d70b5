import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unit } from './test-arbitraries.js';
import { ancestry, buildTree, findNode, flatten, InvalidTreeError, isActiveInYear, subtreeIds } from './tree.js';

const org = [
  unit('d', null, 'Socialförvaltningen', { kind: 'department' }),
  unit('b', 'd', 'Zeta', { kind: 'area' }),
  unit('a', 'd', 'Äldreomsorg', { kind: 'area' }),
  unit('c', 'd', 'Arbete och välfärd', { kind: 'area' }),
  unit('a1', 'a', 'Hemtjänst Öster'),
  unit('a2', 'a', 'Hemtjänst Norr'),
  unit('b1', 'b', 'Boende 1'),
];

describe('buildTree', () => {
  it('nests units under their parents', () => {
    const roots = buildTree(org);
    expect(roots.map((r) => r.id)).toEqual(['d']);
    const d = roots[0]!;
    expect(d.children.map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
    expect(findNode(roots, 'a')!.children.map((c) => c.id).sort()).toEqual(['a1', 'a2']);
    expect(findNode(roots, 'a1')!.children).toEqual([]);
    expect(findNode(roots, 'a1')!.name).toBe('Hemtjänst Öster');
  });

  it('sorts children by Swedish collation: Å, Ä and Ö after Z', () => {
    const d = buildTree(org)[0]!;
    expect(d.children.map((c) => c.name)).toEqual(['Arbete och välfärd', 'Zeta', 'Äldreomsorg']);
    const names = ['Öster', 'Åsen', 'Zenit', 'Ängen', 'Alby', 'övrigt', 'Bergsjö'];
    const roots = buildTree(names.map((n, i) => unit(`u${i}`, null, n)));
    expect(roots.map((r) => r.name)).toEqual(['Alby', 'Bergsjö', 'Zenit', 'Åsen', 'Ängen', 'Öster', 'övrigt']);
  });

  it('sorts several roots too, and does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(org, { minLength: org.length, maxLength: org.length }), (shuffled) => {
        expect(flatten(buildTree(shuffled)).map((n) => n.id)).toEqual(flatten(buildTree(org)).map((n) => n.id));
      }),
    );
    const roots = buildTree([unit('x', null, 'Östra'), unit('y', null, 'Västra')]);
    expect(roots.map((r) => r.id)).toEqual(['y', 'x']);
  });

  it('throws InvalidTreeError when a parent is missing', () => {
    const units = [unit('d', null), unit('a', 'missing')];
    expect(() => buildTree(units)).toThrow(InvalidTreeError);
    expect(() => buildTree(units)).toThrow(/missing/);
  });

  it('throws InvalidTreeError on a cycle, also a unit that is its own parent', () => {
    expect(() => buildTree([unit('r', null), unit('a', 'b'), unit('b', 'a')])).toThrow(InvalidTreeError);
    expect(() => buildTree([unit('a', 'c'), unit('b', 'a'), unit('c', 'b')])).toThrow(InvalidTreeError);
    expect(() => buildTree([unit('a', 'a')])).toThrow(InvalidTreeError);
  });

  it('throws InvalidTreeError when an id occurs twice', () => {
    expect(() => buildTree([unit('a', null), unit('a', null, 'Annan')])).toThrow(InvalidTreeError);
  });

  it('gives an empty forest for no units', () => {
    expect(buildTree([])).toEqual([]);
  });

  it('keeps every unit exactly once, under its own parent', () => {
    const forestArb = fc
      .array(fc.nat(), { minLength: 1, maxLength: 30 })
      .map((picks) => picks.map((p, i) => unit(`u${i}`, i === 0 || p % 5 === 0 ? null : `u${p % i}`, `Enhet ${p}`)));
    fc.assert(
      fc.property(forestArb, (units) => {
        const nodes = flatten(buildTree(units));
        expect(nodes.map((n) => n.id).sort()).toEqual(units.map((u) => u.id).sort());
        for (const n of nodes) for (const c of n.children) expect(c.parentId).toBe(n.id);
      }),
    );
  });
});

describe('flatten, subtreeIds, findNode', () => {
  const roots = buildTree(org);

  it('flatten lists parents before their children', () => {
    const ids = flatten(roots).map((n) => n.id);
    expect(ids).toEqual(['d', 'c', 'b', 'b1', 'a', 'a2', 'a1']);
    expect(flatten([])).toEqual([]);
  });

  it('subtreeIds gives the unit and everything below it', () => {
    expect(subtreeIds(findNode(roots, 'a')!).sort()).toEqual(['a', 'a1', 'a2']);
    expect(subtreeIds(findNode(roots, 'a1')!)).toEqual(['a1']);
    expect(subtreeIds(roots[0]!)).toHaveLength(org.length);
  });

  it('findNode finds a unit at any depth, and nothing for an unknown id', () => {
    expect(findNode(roots, 'b1')?.name).toBe('Boende 1');
    expect(findNode(roots, 'd')?.kind).toBe('department');
    expect(findNode(roots, 'nope')).toBeUndefined();
  });
});

describe('ancestry', () => {
  it('is the chain from the root down to the unit, both included', () => {
    expect(ancestry(org, 'a1').map((u) => u.id)).toEqual(['d', 'a', 'a1']);
    expect(ancestry(org, 'd').map((u) => u.id)).toEqual(['d']);
  });

  it('is empty for an unknown unit', () => {
    expect(ancestry(org, 'nope')).toEqual([]);
  });

  it('ends on a cycle instead of looping forever', () => {
    const cyclic = [unit('a', 'b'), unit('b', 'a')];
    expect(ancestry(cyclic, 'a').length).toBeLessThanOrEqual(3);
  });
});

describe('isActiveInYear', () => {
  it('counts a unit as active in every year it existed in', () => {
    const u = { validFrom: '2019-07-01', validTo: '2022-03-31' };
    expect(isActiveInYear(u, 2018)).toBe(false);
    expect(isActiveInYear(u, 2019)).toBe(true);
    expect(isActiveInYear(u, 2021)).toBe(true);
    expect(isActiveInYear(u, 2022)).toBe(true);
    expect(isActiveInYear(u, 2023)).toBe(false);
  });

  it('treats missing dates as open ends', () => {
    expect(isActiveInYear({ validFrom: null, validTo: null }, 1990)).toBe(true);
    expect(isActiveInYear({ validFrom: '2020-01-01', validTo: null }, 2100)).toBe(true);
    expect(isActiveInYear({ validFrom: '2020-01-01', validTo: null }, 2019)).toBe(false);
    expect(isActiveInYear({ validFrom: null, validTo: '2020-12-31' }, 2021)).toBe(false);
  });
});
