import type { UnitTreeNode } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { emptyReorgForm, reorganisationBody, unitRows } from './org-model';

const node = (id: string, children: UnitTreeNode[] = []): UnitTreeNode => ({ id, name: id.toUpperCase(), kind: 'unit', parentId: null, validFrom: null, validTo: null, children });
const leaf = (id: string) => node(id);

describe('unitRows', () => {
  it('lists parents before children with their depth', () => {
    expect(unitRows([node('a', [node('b', [leaf('c')]), leaf('d')])]).map((r) => [r.id, r.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 1],
    ]);
  });
});

describe('reorganisationBody', () => {
  const form = emptyReorgForm(2024);

  it('builds a merger into a new unit, and asks for what is missing', () => {
    expect(reorganisationBody({ ...form, from: ['a'] })).toEqual({ ok: false, missing: 'organisation.mergeFrom' });
    expect(reorganisationBody({ ...form, from: ['a', 'b'] })).toEqual({ ok: false, missing: 'organisation.newCode' });
    expect(reorganisationBody({ ...form, from: ['a', 'b'], successors: [{ id: ' ny ', name: 'Ny' }], note: ' ' })).toEqual({
      ok: true,
      body: { kind: 'merge', year: 2024, note: null, from: ['a', 'b'], to: { id: 'ny', name: 'Ny' } },
    });
  });

  it('builds a split, a rename and a move', () => {
    const split = reorganisationBody({ ...form, kind: 'split', unitId: 'a', successors: [{ id: 'a1', name: 'A1' }, { id: 'a2', name: '' }] });
    expect(split).toEqual({ ok: true, body: { kind: 'split', year: 2024, note: null, from: 'a', to: [{ id: 'a1', name: 'A1' }, { id: 'a2' }] } });
    expect(reorganisationBody({ ...form, kind: 'rename', unitId: 'a', newName: 'B' })).toMatchObject({ ok: true, body: { newName: 'B' } });
    expect(reorganisationBody({ ...form, kind: 'move', unitId: 'a' })).toEqual({ ok: false, missing: 'organisation.moveTo' });
    expect(reorganisationBody({ ...form, kind: 'move', year: '20x4', unitId: 'a', parentId: 'p' })).toEqual({ ok: false, missing: 'organisation.year' });
  });
});
