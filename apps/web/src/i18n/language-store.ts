import { type Language, LOCALES } from '@tillit/domain';

/**
 * The chosen language, remembered in the browser. Shared by the app's i18next set-up and the
 * sign-in page (its own small entry, src/login/), so both read and write the same choice. No zod
 * here: this runs on every page before anything else, and a two-value check needs no schema.
 */
export const LANGUAGES: readonly Language[] = LOCALES;
export const DEFAULT_LANGUAGE: Language = 'sv';
const STORAGE_KEY = 'tillit.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

/** A language tag from i18next, the URL or storage, narrowed to one the product speaks. */
export function toLanguage(value: string | null | undefined): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

export function storedLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (private mode, strict settings); Swedish is the default then.
    return DEFAULT_LANGUAGE;
  }
}

/** Sets <html lang> and remembers the choice for the next page. */
export function rememberLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; the page still switches language.
  }
}
