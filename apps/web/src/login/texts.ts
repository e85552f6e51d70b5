import type { Language } from '@tillit/domain';
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
