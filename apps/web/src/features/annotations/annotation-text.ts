import { formatDate, type Language } from '@tillit/domain';

/** A year or a span of years: `2022` or `2020–2021`. */
export function formatYears(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * The day a note was written, as people write dates in the language: `5 mars 2025` in Swedish,
 * `5 March 2025` in English. In Swedish time, where the organisation is, whatever the browser.
 */
export function formatNoteDate(iso: string, language: Language): string {
  return formatDate(iso, language);
}

/** Whether a note was changed after it was written. */
export function isEdited(note: { createdAt: string; updatedAt: string }): boolean {
  return note.updatedAt !== note.createdAt;
}
