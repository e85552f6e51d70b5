import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from './catalogue.js';
import { outdatedEnglish } from './translations.js';

const metric = DEFAULT_METRICS.find((m) => m.key === 'manager_sick_leave')!;
const withSv = (field: 'definition' | 'name' | 'prompt', sv: string) => ({ ...metric, [field]: { ...metric[field], sv } });

describe('outdatedEnglish: an English text that no longer says what the Swedish says', () => {
  it('marks the English definition when only the Swedish one is edited', () => {
    expect(outdatedEnglish(metric, withSv('definition', 'Sjukfrånvarotimmar delat med schemalagd arbetstid.'))).toEqual(['definition']);
    expect(outdatedEnglish(metric, withSv('name', 'Chefers sjukfrånvaro'))).toEqual(['name']);
    expect(outdatedEnglish(metric, withSv('prompt', 'Vad behöver du veta?'))).toEqual(['prompt']);
  });

  it('marks nothing when both languages are edited, or nothing is', () => {
    const both = { ...metric, definition: { sv: 'Ny svensk text.', en: 'New English text.' } };
    expect(outdatedEnglish(metric, both)).toEqual([]);
    const otherEdit: typeof metric = { ...metric, decimals: 1 };
    expect(outdatedEnglish(metric, otherEdit)).toEqual([]);
  });

  it('keeps a mark through other edits, and clears it when the English text is saved', () => {
    const edited = withSv('definition', 'Ny svensk text.');
    const otherEdit: typeof edited = { ...edited, decimals: 1 };
    expect(outdatedEnglish(edited, otherEdit, ['definition'])).toEqual(['definition']);
    const translated = { ...edited, definition: { ...edited.definition, en: 'New English text.' } };
    expect(outdatedEnglish(edited, translated, ['definition'])).toEqual([]);
  });

  it('clears a mark the development manager confirms (the English still says the same)', () => {
    const edited = withSv('definition', 'Ny svensk text.');
    expect(outdatedEnglish(metric, edited, [], ['definition'])).toEqual([]);
    expect(outdatedEnglish(edited, edited, ['definition', 'name'], ['definition'])).toEqual(['name']);
  });

  it('has nothing to update where there is no text, or its first text is written now', () => {
    const noLabel = { ...metric, unitLabel: null };
    expect(outdatedEnglish(noLabel, { ...noLabel, unitLabel: { sv: 'timmar', en: 'hours' } })).toEqual([]);
    expect(outdatedEnglish(metric, noLabel, ['unitLabel'])).toEqual([]);
  });
});
