import type { UnitTreeNode } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { unitNames, unitOptions } from './unit-options';

const node = (id: string, name: string, children: UnitTreeNode[] = []): UnitTreeNode => ({
  id,
  name,
  kind: 'unit',
  parentId: null,
  validFrom: null,
  validTo: null,
  children,
});

const tree = [node('soc', 'Socialförvaltningen', [node('ifo', 'IFO', [node('ifo-v', 'Vuxenenheten')]), node('hsl', 'HSL')])];

describe('unit options', () => {
  it('lists parents before children with their depth', () => {
    expect(unitOptions(tree).map((o) => `${o.depth}:${o.label}`)).toEqual(['0:Socialförvaltningen', '1:IFO', '2:Vuxenenheten', '1:HSL']);
  });

  it('says which units are closed', () => {
    const closed = { ...node('old', 'Hemtjänst Landsbygd norra'), validTo: '2021-12-31' };
    expect(unitOptions([{ ...tree[0]!, children: [...tree[0]!.children, closed] }]).filter((o) => o.isClosed).map((o) => o.label)).toEqual(['Hemtjänst Landsbygd norra']);
  });

  it('names units by id and keeps an unknown id visible', () => {
    expect(unitNames(tree, ['ifo-v', 'gone'])).toEqual(['Vuxenenheten', 'gone']);
  });
});
