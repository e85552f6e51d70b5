import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.js';

describe('formatDate and formatDateTime: one way to write a date', () => {
  it('writes numeric dates as ISO in both languages, never 04/12/2026', () => {
    expect(formatDate('2026-12-04T10:00:00Z', 'sv', 'numeric')).toBe('2026-12-04');
    expect(formatDate('2026-12-04T10:00:00Z', 'en', 'numeric')).toBe('2026-12-04');
    expect(formatDateTime('2026-12-04T10:03:09Z', 'en')).toBe('2026-12-04 11:03');
    expect(formatDateTime('2026-12-04T10:03:09Z', 'sv')).toBe('2026-12-04 11:03');
  });

  it('writes dates in words as people do in each language', () => {
    expect(formatDate('2026-03-05T10:00:00Z', 'sv')).toBe('5 mars 2026');
    expect(formatDate('2026-03-05T10:00:00Z', 'en')).toBe('5 March 2026');
  });

  it('shows an instant in Swedish time: late evening UTC is already the next day in Sweden', () => {
    expect(formatDate('2025-06-30T22:30:00Z', 'en', 'numeric')).toBe('2025-07-01');
    expect(formatDateTime('2025-06-30T22:30:00Z', 'sv')).toBe('2025-07-01 00:30');
  });

  it('keeps a calendar date on its day, whatever the zone', () => {
    expect(formatDate('2025-12-31', 'en', 'numeric')).toBe('2025-12-31');
    expect(formatDate('2025-01-01', 'sv')).toBe('1 januari 2025');
    expect(formatDateTime('2025-12-31', 'en')).toBe('2025-12-31');
  });

  it('gives back what is not a date', () => {
    expect(formatDate('not a date', 'sv')).toBe('not a date');
    expect(formatDateTime('', 'en')).toBe('');
  });
});
