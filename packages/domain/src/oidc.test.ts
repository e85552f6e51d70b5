import { describe, expect, it } from 'vitest';
import {
  claimValues,
  displayNameFromClaims,
  emailFromClaims,
  identityFromClaims,
  mergeClaims,
  parseRoleMap,
  strongestRole,
  type RoleMap,
} from './oidc.js';
import { homePath } from './redirect.js';

const MAP: RoleMap = new Map([
  ['tillit-utvecklingschef', 'development_manager'],
  ['tillit-enhetschef', 'unit_manager'],
  ['tillit-politiker', 'politician'],
]);

describe('OIDC_ROLE_MAP', () => {
  it('reads value=role entries separated by commas', () => {
    const parsed = parseRoleMap(' tillit-utvecklingschef=development_manager , tillit-politiker=politician ');
    expect('map' in parsed && Object.fromEntries(parsed.map)).toEqual({ 'tillit-utvecklingschef': 'development_manager', 'tillit-politiker': 'politician' });
  });

  it('reads semicolons instead when the values hold commas (group DNs), the role after the last =', () => {
    const parsed = parseRoleMap('CN=Tillit,OU=Grupper,DC=kommun,DC=se=unit_manager;b2c1-guid=politician');
    expect('map' in parsed && Object.fromEntries(parsed.map)).toEqual({ 'CN=Tillit,OU=Grupper,DC=kommun,DC=se': 'unit_manager', 'b2c1-guid': 'politician' });
  });

  it('names the entries it cannot read', () => {
    expect(parseRoleMap('tillit-chef=chef,tillit-politiker=politician')).toEqual({ error: expect.stringContaining('tillit-chef=chef') });
    expect(parseRoleMap('=politician')).toEqual({ error: expect.stringContaining('=politician') });
    expect(parseRoleMap(' , ')).toEqual({ error: expect.stringContaining('minst ett') });
  });
});

describe('roles from the claims', () => {
  it('reads a claim as a list, a single string or a number, and a dotted path into nested claims', () => {
    expect(claimValues({ roles: ['a', 'b', 3, null] }, 'roles')).toEqual(['a', 'b', '3']);
    expect(claimValues({ roles: 'tillit-politiker' }, 'roles')).toEqual(['tillit-politiker']);
    expect(claimValues({ realm_access: { roles: ['x'] } }, 'realm_access.roles')).toEqual(['x']);
    expect(claimValues({ 'https://kommun.se/roles': ['y'] }, 'https://kommun.se/roles')).toEqual(['y']);
    expect(claimValues({}, 'roles')).toEqual([]);
    expect(claimValues({ realm_access: ['x'] }, 'realm_access.roles')).toEqual([]);
  });

  it('gives the strongest mapped role, and none when no value is mapped', () => {
    expect(strongestRole(['tillit-politiker', 'annat', 'tillit-utvecklingschef'], MAP)).toBe('development_manager');
    expect(strongestRole(['tillit-politiker', 'tillit-enhetschef'], MAP)).toBe('unit_manager');
    expect(strongestRole(['tillit-politiker'], MAP)).toBe('politician');
    expect(strongestRole(['Tillit-Politiker', 'annat'], MAP)).toBeNull();
    expect(strongestRole([], MAP)).toBeNull();
  });

  it("merges the ID token's and userinfo's claims: the ID token's single values win, lists are joined", () => {
    const merged = mergeClaims({ sub: 's', name: 'Från token', roles: ['a'] }, { sub: 's', name: 'Från userinfo', email: 'x@k.se', roles: ['b', 'a'] }, ['roles']);
    expect(merged).toEqual({ sub: 's', name: 'Från token', email: 'x@k.se', roles: ['a', 'b'] });
    expect(mergeClaims({ sub: 's' }, null, ['roles'])).toEqual({ sub: 's' });
  });
});

describe('who the person is', () => {
  it('takes the e-mail address from email, else from preferred_username when it is one', () => {
    expect(emailFromClaims({ email: 'Anna@Kommun.se', preferred_username: 'anna@annat.se' })).toBe('anna@kommun.se');
    expect(emailFromClaims({ preferred_username: 'anna.andersson@kommun.se' })).toBe('anna.andersson@kommun.se');
    expect(emailFromClaims({ preferred_username: 'anna' })).toBeNull();
    expect(emailFromClaims({ email: 'inte en adress' })).toBeNull();
  });

  it('takes the name from name, else given and family name, else the user name', () => {
    expect(displayNameFromClaims({ name: ' Anna Andersson ' })).toBe('Anna Andersson');
    expect(displayNameFromClaims({ given_name: 'Anna', family_name: 'Andersson' })).toBe('Anna Andersson');
    expect(displayNameFromClaims({ preferred_username: 'anna', sub: 'x' })).toBe('anna');
    expect(displayNameFromClaims({ name: 'x'.repeat(300) })).toHaveLength(200);
  });

  it('keys an account by issuer and sub, or by Entra ID tenant and object id when both are there', () => {
    expect(identityFromClaims('https://idp.kommun.se', { sub: 'abc' })).toEqual({ issuer: 'https://idp.kommun.se', subject: 'abc' });
    expect(identityFromClaims('https://login.microsoftonline.com/t/v2.0', { sub: 'pairwise', oid: 'o-1', tid: 't-1' })).toEqual({ issuer: 'entra:t-1', subject: 'o-1' });
    expect(identityFromClaims('https://idp', { sub: 'abc', oid: 'o-1' })).toEqual({ issuer: 'https://idp', subject: 'abc' });
    expect(identityFromClaims('https://idp', {})).toBeNull();
  });
});

describe('the start page after signing in', () => {
  it('is the summary for politicians, the own unit for a unit manager, the whole for the development manager', () => {
    expect(homePath({ role: 'politician', unitIds: [] })).toBe('/summary');
    expect(homePath({ role: 'unit_manager', unitIds: ['hemtjanst öster'] })).toBe('/?unit=hemtjanst%20%C3%B6ster');
    expect(homePath({ role: 'unit_manager', unitIds: [] })).toBe('/');
    expect(homePath({ role: 'development_manager', unitIds: ['x'] })).toBe('/');
  });
});
