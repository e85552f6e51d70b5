import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { sv } from '../i18n/sv';
import { SignInError } from './sign-in-api';
import { fill, providerButtonText, providerErrorText, signInErrorText, TEXTS } from './texts';

describe('the sign-in page’s texts', () => {
  it('are the very texts the app has, in both languages', () => {
    expect(TEXTS.sv.auth).toEqual(expect.objectContaining({ title: sv.auth.title, wrong: sv.auth.wrong, role: sv.auth.role }));
    expect(TEXTS.en.auth).toEqual(expect.objectContaining({ title: en.auth.title, wrong: en.auth.wrong, role: en.auth.role }));
    expect(TEXTS.sv.app.demoBanner).toBe(sv.app.demoBanner);
    expect(TEXTS.en.language).toEqual(en.language);
  });

  it('fills placeholders as i18next does', () => {
    expect(fill(TEXTS.sv.auth.demoUse, { username: 'politiker' })).toBe('Använd politiker');
    expect(fill(TEXTS.en.app.pageTitle, { page: 'Sign in' })).toBe('Sign in – Tillit');
  });

  it('words each failure as the app always has', () => {
    expect(signInErrorText(new SignInError(401, 'Fel användarnamn eller lösenord'), TEXTS.sv)).toBe(
      'Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.',
    );
    expect(signInErrorText(new SignInError(429, 'Försök igen om 15 minuter.'), TEXTS.sv)).toBe(
      'För många misslyckade försök. Försök igen om 15 minuter.',
    );
    expect(signInErrorText(new SignInError(0, 'Failed to fetch'), TEXTS.sv)).toBe('Inloggningen misslyckades: Failed to fetch');
    expect(signInErrorText(new SignInError(502, 'HTTP 502 Bad Gateway'), TEXTS.en)).toBe('Signing in failed: HTTP 502 Bad Gateway');
  });

  it("words the organisation's sign-in: the button with its name or the page's own, and each refusal", () => {
    expect(providerButtonText('Kommunens konto', true, TEXTS.sv)).toBe('Logga in med Kommunens konto');
    expect(providerButtonText(null, true, TEXTS.sv)).toBe('Logga in med organisationens konto');
    expect(providerButtonText(null, true, TEXTS.en)).toBe("Sign in with your organisation's account");
    expect(providerButtonText('Kommunens konto', false, TEXTS.sv)).toBe('Logga in med Kommunens konto (kan inte nås just nu)');
    expect(providerErrorText('no_role', TEXTS.sv)).toMatch(/^Du har inte behörighet till Tillit\. Kontakta /);
    expect(providerErrorText('unavailable', TEXTS.en)).toMatch(/cannot be reached/);
    expect(providerErrorText('toString', TEXTS.sv)).toBeNull();
    expect(providerErrorText(null, TEXTS.sv)).toBeNull();
  });
});
