import type { UnitTreeNode } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { unitNamesById } from './recent-notes';

const node = (id: string, name: string, children: UnitTreeNode[] = [], parentId: string | null = null): UnitTreeNode => ({
  id,
  name,
  kind: 'unit',
  parentId,
  validFrom: null,
  validTo: null,
  children,
});

describe('unitNamesById', () => {
  it('names every unit in the tree, however deep', () => {
    const names = unitNamesById([node('soc', 'Socialförvaltningen', [node('ht', 'Hemtjänst', [node('ht-o', 'Hemtjänst Öster')])])]);
    expect([...names]).toEqual([
      ['soc', 'Socialförvaltningen'],
      ['ht', 'Hemtjänst'],
      ['ht-o', 'Hemtjänst Öster'],
    ]);
  });
});
