import type { Language } from '@tillit/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from './i18n';
import { toLanguage } from './language-store';

/**
 * The current language, typed, and a way to change it (remembered and set on <html lang>). A
 * language other than Swedish switches once its texts have loaded (i18n.ts).
 */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const setLanguage = useCallback(
    (language: Language) => {
      void changeLanguage(i18n, language);
    },
    [i18n],
  );
  return { language: toLanguage(i18n.resolvedLanguage ?? i18n.language), setLanguage };
}
