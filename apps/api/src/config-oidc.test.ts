import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  describe('sign-in through the identity provider (OIDC)', () => {
    const OIDC = {
      OIDC_ISSUER: 'https://login.microsoftonline.com/3f2e1d0c-0000-4000-8000-000000000000/v2.0',
      OIDC_CLIENT_ID: '8a7b6c5d-app',
      OIDC_CLIENT_SECRET: 'hemlig',
      PUBLIC_URL: 'https://tillit.kommun.se',
    };

    it('is off, with passwords on, when nothing is set', () => {
      expect(loadConfig({})).toMatchObject({ oidc: null, passwords: true });
    });

    it('is on when the three are set, with the redirect URI on PUBLIC_URL and the documented defaults', () => {
      const { oidc } = loadConfig(OIDC);
      expect(oidc).toMatchObject({
        issuer: OIDC.OIDC_ISSUER,
        clientId: '8a7b6c5d-app',
        redirectUri: 'https://tillit.kommun.se/api/auth/oidc/callback',
        postLogoutRedirectUri: 'https://tillit.kommun.se',
        scopes: ['openid', 'profile', 'email'],
        roleClaim: 'roles',
        unitClaim: null,
        displayName: null,
      });
      expect(Object.fromEntries(oidc?.roleMap ?? [])).toEqual({
        'tillit-utvecklingschef': 'development_manager',
        'tillit-enhetschef': 'unit_manager',
        'tillit-politiker': 'politician',
      });
    });

    it('reads the claims, the role map, the scopes, the unit claim and the name on the button', () => {
      const { oidc } = loadConfig({
        ...OIDC,
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'CN=Tillit DM,OU=Grupper,DC=kommun=development_manager; CN=Politiker,DC=kommun=politician',
        OIDC_SCOPES: 'openid profile email offline_access',
        OIDC_UNIT_CLAIM: 'tillit_units',
        OIDC_DISPLAY_NAME: 'Kommunens konto',
      });
      expect(oidc).toMatchObject({ roleClaim: 'groups', unitClaim: 'tillit_units', displayName: 'Kommunens konto', scopes: ['openid', 'profile', 'email', 'offline_access'] });
      expect(Object.fromEntries(oidc?.roleMap ?? [])).toEqual({ 'CN=Tillit DM,OU=Grupper,DC=kommun': 'development_manager', 'CN=Politiker,DC=kommun': 'politician' });
    });

    it.each(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)('stops when only some are set, naming %s that is missing', (missing) => {
      const env: Record<string, string> = { ...OIDC };
      delete env[missing];
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(new RegExp(`${missing}: saknas`));
    });

    it('stops without PUBLIC_URL, or with a plain-http one other than this machine', () => {
      const { PUBLIC_URL: _, ...withoutUrl } = OIDC;
      expect(() => loadConfig(withoutUrl)).toThrow(/PUBLIC_URL: krävs/);
      expect(() => loadConfig({ ...OIDC, PUBLIC_URL: 'http://tillit.kommun.se' })).toThrow(/PUBLIC_URL: måste börja med https/);
      expect(loadConfig({ ...OIDC, PUBLIC_URL: 'http://localhost:3000' }).oidc?.redirectUri).toBe('http://localhost:3000/api/auth/oidc/callback');
      expect(loadConfig({ ...OIDC, PUBLIC_URL: 'http://127.0.0.1:3000' }).oidc).not.toBeNull();
    });

    it('stops on a wrong issuer, role map or scopes, naming the variable', () => {
      expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'http://idp.kommun.se' })).toThrow(/OIDC_ISSUER/);
      expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'inte en adress' })).toThrow(/OIDC_ISSUER/);
      expect(() => loadConfig({ ...OIDC, OIDC_ROLE_MAP: 'tillit-chef=chef' })).toThrow(/OIDC_ROLE_MAP: .*tillit-chef=chef/);
      expect(() => loadConfig({ ...OIDC, OIDC_ROLE_MAP: 'tillit-chef' })).toThrow(/OIDC_ROLE_MAP/);
      expect(() => loadConfig({ ...OIDC, OIDC_SCOPES: 'profile email' })).toThrow(/OIDC_SCOPES: .*openid/);
    });

    it('turns passwords off with AUTH_PASSWORDS=0, but only when the provider is there to sign in with', () => {
      expect(loadConfig({ ...OIDC, AUTH_PASSWORDS: '0' })).toMatchObject({ passwords: false });
      expect(() => loadConfig({ AUTH_PASSWORDS: '0' })).toThrow(/AUTH_PASSWORDS/);
    });
  });
});
