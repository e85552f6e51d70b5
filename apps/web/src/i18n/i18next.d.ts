import 'i18next';
import type { sv } from './sv';

// Typed keys: `t('card.targetMet')` is checked against the Swedish texts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}
