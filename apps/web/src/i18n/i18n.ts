import { languageSchema, type Language } from '@tillit/domain';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

export const DEFAULT_LANGUAGE: Language = 'sv';
const STORAGE_KEY = 'tillit.language';

/** A language tag from i18next or storage, narrowed to one the product speaks. */
export function toLanguage(value: string | null | undefined): Language {
  return languageSchema.safeParse(value).data ?? DEFAULT_LANGUAGE;
}

function storedLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (private mode, strict settings); Swedish is the default then.
    return DEFAULT_LANGUAGE;
  }
}

function rememberLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; the page still switches language.
  }
}

/** Sets up i18next once, synchronously, with the remembered language. */
export function initI18n(): i18n {
  const language = storedLanguage();
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['sv', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18next.on('languageChanged', (lng) => rememberLanguage(toLanguage(lng)));
  return i18next;
}
