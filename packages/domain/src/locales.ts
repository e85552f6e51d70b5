/**
 * The languages the product speaks, Swedish first, and the one place a language becomes the
 * locale `Intl` formats with (`sv` → `sv-SE`). No zod here: the sign-in page and every formatter
 * import this, and a two-value list needs no schema.
 */
export const LOCALES = ['sv', 'en'] as const;

const INTL_LOCALES: Record<(typeof LOCALES)[number], string> = { sv: 'sv-SE', en: 'en-GB' };

/** The `Intl` locale of a language: `sv-SE` (3,42 and 1 234) or `en-GB`. */
export function intlLocale(language: (typeof LOCALES)[number]): string {
  return INTL_LOCALES[language];
}
