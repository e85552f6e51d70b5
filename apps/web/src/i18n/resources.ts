import { en } from './en';
import { sv } from './sv';

export const resources = {
  sv: { translation: sv },
  en: { translation: en },
} as const;
