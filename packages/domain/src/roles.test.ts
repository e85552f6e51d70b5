import { describe, expect, it } from 'vitest';
import { can, DEVELOPMENT_MANAGER, PERMISSIONS, ROLES, SIGNED_IN, STAFF } from './roles.js';

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
