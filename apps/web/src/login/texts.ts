import type { Language, SignInErrorCode } from '@tillit/domain';
import { signInEn, signInSv, type SignInTexts } from '../i18n/sign-in-texts';
import { SignInError } from './sign-in-api';

export const TEXTS: Record<Language, SignInTexts> = { sv: signInSv, en: signInEn };

/** i18next's `{{name}}` placeholders, filled without i18next. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** What went wrong, worded as the app's sign-in page always has. */
export function signInErrorText(error: unknown, texts: SignInTexts): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SignInError && error.status === 401) return texts.auth.wrong;
  if (error instanceof SignInError && error.status === 429) return fill(texts.auth.tooMany, { message });
  return fill(texts.auth.failed, { message });
}

const SIGN_IN_ERRORS: Record<SignInErrorCode, true> = { no_role: true, inactive: true, expired: true, denied: true, failed: true, unavailable: true };

/**
 * Why a sign-in through the organisation's identity provider ended without a session, from the
 * `error` the server sent the browser back with; null for none or an unknown code.
 */
export function providerErrorText(code: string | null, texts: SignInTexts): string | null {
  return code !== null && isSignInError(code) ? texts.sso.error[code] : null;
}

const isSignInError = (code: string): code is SignInErrorCode => Object.hasOwn(SIGN_IN_ERRORS, code);

/** "Logga in med <name>": OIDC_DISPLAY_NAME, or the page's own words for the organisation's account. */
export function providerButtonText(name: string | null, isReachable: boolean, texts: SignInTexts): string {
  return fill(isReachable ? texts.sso.button : texts.sso.buttonUnreachable, { name: name ?? texts.sso.defaultName });
}
