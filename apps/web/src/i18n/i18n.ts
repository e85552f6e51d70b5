import type { Language } from '@tillit/domain';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, rememberLanguage, storedLanguage, toLanguage } from './language-store';
import type { Translation } from './sv';

// Swedish is in the entry; other languages are fetched when chosen (or remembered), so that most
// readers do not download texts they never see (sizes per route: docs/benchmarks.md).
const LOADERS: Record<Exclude<Language, 'sv'>, () => Promise<Translation>> = {
  en: () => import('./en').then((m) => m.en),
};

async function loadTexts(instance: i18n, language: Language): Promise<void> {
  if (language === 'sv' || instance.hasResourceBundle(language, 'translation')) return;
  instance.addResourceBundle(language, 'translation', await LOADERS[language]());
}

/** Switches language as soon as its texts are here (at once when they already are). */
export async function changeLanguage(instance: i18n, language: Language): Promise<void> {
  await loadTexts(instance, language);
  await instance.changeLanguage(language);
}

/**
 * Sets up i18next once, in Swedish, and then switches to the remembered language; resolves when
 * the page can be drawn in it. Should the texts not load, the page is drawn in Swedish. `swedish`
 * is what the entry carries: all of `sv` in the app, `svSummary` in the summary's own entry.
 */
export async function initI18n(swedish: Partial<Translation>): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: swedish } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18next.on('languageChanged', (lng) => rememberLanguage(toLanguage(lng)));
  const language = storedLanguage();
  if (language !== DEFAULT_LANGUAGE) await changeLanguage(i18next, language).catch(() => undefined);
  return i18next;
}
