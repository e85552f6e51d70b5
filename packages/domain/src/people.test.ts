import { describe, expect, it } from 'vitest';
import {
  can,
  DEVELOPMENT_MANAGER,
  isUnitInScope,
  loginBodySchema,
  passwordSchema,
  PERMISSIONS,
  ROLES,
  SIGNED_IN,
  STAFF,
} from './people.js';

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

describe('can', () => {
  it('lets every signed-in role read the summary, and nobody signed in', () => {
    for (const role of ROLES) expect(can(role, 'readSummary')).toBe(true);
    expect(can(null, 'readSummary')).toBe(false);
    expect(can(undefined, 'readSummary')).toBe(false);
  });

  it('shows the figures to the development manager and unit managers, not to politicians', () => {
    expect(can('development_manager', 'readFigures')).toBe(true);
    expect(can('unit_manager', 'readFigures')).toBe(true);
    expect(can('politician', 'readFigures')).toBe(false);
  });

  it('leaves administration to the development manager alone', () => {
    expect(can('development_manager', 'administer')).toBe(true);
    expect(can('unit_manager', 'administer')).toBe(false);
    expect(can('politician', 'administer')).toBe(false);
    expect(can(null, 'administer')).toBe(false);
  });

  it('decides with the same groups the API names in its routes', () => {
    expect(PERMISSIONS.readSummary).toBe(SIGNED_IN);
    expect(PERMISSIONS.readFigures).toBe(STAFF);
    expect(PERMISSIONS.administer).toBe(DEVELOPMENT_MANAGER);
    expect([...SIGNED_IN].sort()).toEqual([...ROLES].sort());
  });
});
