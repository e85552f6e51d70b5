/**
 * Keeping the English texts of a metric honest. Swedish is the language the catalogue is kept in;
 * when a Swedish text (the name, the definition, the numerator or denominator, the unit word or
 * the prompt) is changed and its English text is not, the English one still says the old thing.
 * It is marked as needing an update until its English text is saved, or until the development
 * manager confirms that it still says the same (a Swedish typo fixed, say).
 */
import { z } from 'zod/mini';
import type { LocalizedText, Metric } from './schemas.js';

export const TRANSLATED_FIELDS = ['name', 'definition', 'numerator', 'denominator', 'unitLabel', 'prompt'] as const;
export const translatedFieldSchema = z.enum(TRANSLATED_FIELDS);
export type TranslatedField = z.infer<typeof translatedFieldSchema>;

type Texts = Pick<Metric, TranslatedField>;

const text = (m: Texts, field: TranslatedField): LocalizedText | null => m[field];

/**
 * The fields whose English text needs an update after an edit from `before` to `after`, given
 * those that needed one already (`outdated`) and those the editor confirmed (`confirmed`):
 * a changed Swedish text with an unchanged English one is marked; a saved (changed) English text
 * or a confirmation clears the mark; a field without text (no unit word) has nothing to update.
 */
export function outdatedEnglish(
  before: Texts,
  after: Texts,
  outdated: readonly TranslatedField[] = [],
  confirmed: readonly TranslatedField[] = [],
): TranslatedField[] {
  return TRANSLATED_FIELDS.filter((field) => {
    const b = text(before, field);
    const a = text(after, field);
    // No text, a confirmed one, a new one (written in both languages) or a saved English text.
    if (a === null || b === null || confirmed.includes(field) || a.en !== b.en) return false;
    return a.sv !== b.sv || outdated.includes(field);
  });
}
