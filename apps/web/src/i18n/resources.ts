import { en } from './en';
import { sv } from './sv';

/** Both languages at once, for tests. The app loads English only when it is chosen (i18n.ts). */
export const resources = {
  sv: { translation: sv },
  en: { translation: en },
} as const;
