import { intlLocale, type Language } from '@tillit/domain';

const WORDS: Record<Language, readonly string[]> = {
  sv: ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
};

/**
 * A small whole number as a word ("tio personer"), as Swedish and English prose write it;
 * larger numbers as digits in the language's format.
 */
export function numberWord(n: number, language: Language): string {
  if (Number.isInteger(n) && n >= 0) {
    const word = WORDS[language][n];
    if (word !== undefined) return word;
  }
  return new Intl.NumberFormat(intlLocale(language)).format(n);
}
