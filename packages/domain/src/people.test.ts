import { describe, expect, it } from 'vitest';
import { isUnitInScope, loginBodySchema, passwordSchema } from './people.js';

const units = new Map<string, { parentId: string | null }>([
  ['soc', { parentId: null }],
  ['hemtjanst', { parentId: 'soc' }],
  ['ht-oster', { parentId: 'hemtjanst' }],
  ['ht-vaster', { parentId: 'hemtjanst' }],
  ['ifo', { parentId: 'soc' }],
  ['ifo-vuxen', { parentId: 'ifo' }],
]);

describe('isUnitInScope', () => {
  const manager = { role: 'unit_manager' as const, unitIds: ['ht-oster', 'ifo'] };

  it('lets a unit manager write in their own units and everything below them', () => {
    expect(isUnitInScope(manager, 'ht-oster', units)).toBe(true);
    expect(isUnitInScope(manager, 'ifo', units)).toBe(true);
    expect(isUnitInScope(manager, 'ifo-vuxen', units)).toBe(true);
  });

  it('refuses a sibling, a parent and an unknown unit', () => {
    expect(isUnitInScope(manager, 'ht-vaster', units)).toBe(false);
    expect(isUnitInScope(manager, 'hemtjanst', units)).toBe(false);
    expect(isUnitInScope(manager, 'soc', units)).toBe(false);
    expect(isUnitInScope(manager, 'nowhere', units)).toBe(false);
  });

  it('gives the development manager everything and a politician nothing', () => {
    expect(isUnitInScope({ role: 'development_manager', unitIds: [] }, 'ifo-vuxen', units)).toBe(true);
    expect(isUnitInScope({ role: 'politician', unitIds: ['soc'] }, 'soc', units)).toBe(false);
  });

  it('ends on a cycle in the parents instead of looping', () => {
    const cyclic = new Map([
      ['a', { parentId: 'b' }],
      ['b', { parentId: 'a' }],
    ]);
    expect(isUnitInScope({ role: 'unit_manager', unitIds: ['c'] }, 'a', cyclic)).toBe(false);
  });
});

describe('account schemas', () => {
  it('explain in Swedish what is missing from a sign-in', () => {
    const r = loginBodySchema.safeParse({ username: ' ', password: '' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Ange ditt användarnamn', 'Ange ditt lösenord']);
  });

  it('need passwords of at least twelve characters', () => {
    expect(passwordSchema.safeParse('kort').success).toBe(false);
    expect(passwordSchema.safeParse('elva tecken').success).toBe(false);
    expect(passwordSchema.safeParse('tillräckligt långt').success).toBe(true);
  });
});
