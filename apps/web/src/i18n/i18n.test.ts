import { describe, expect, it } from 'vitest';
import { en } from './en';
import { numberWord } from './number-words';
import { sv } from './sv';

/** Every text by its dotted key, e.g. `card.targetMet`. */
function texts(value: unknown, prefix = ''): Map<string, string> {
  if (typeof value !== 'object' || value === null) return new Map([[prefix, String(value)]]);
  return new Map(Object.entries(value).flatMap(([k, v]) => [...texts(v, prefix ? `${prefix}.${k}` : k)]));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it('has the same keys in Swedish and English', () => {
    expect([...texts(en).keys()].sort()).toEqual([...texts(sv).keys()].sort());
  });

  it('has no empty text', () => {
    for (const [key, text] of [...texts(sv), ...texts(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const english = texts(en);
    for (const [key, text] of texts(sv)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('carries the demo banner in both languages', () => {
    expect(sv.app.demoBanner).toContain('Jönköpings kommun');
    expect(en.app.demoBanner).toContain('Jönköping');
  });
});

describe('numberWord', () => {
  it('writes small numbers as words', () => {
    expect(numberWord(10, 'sv')).toBe('tio');
    expect(numberWord(10, 'en')).toBe('ten');
    expect(numberWord(2, 'sv')).toBe('två');
  });

  it('writes larger numbers as digits in the language format', () => {
    expect(numberWord(25, 'sv')).toBe('25');
    expect(numberWord(1500, 'sv')).toBe('1\u00a0500');
    expect(numberWord(1500, 'en')).toBe('1,500');
  });
});
