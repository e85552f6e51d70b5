import { describe, expect, it } from 'vitest';
import {
  annotationTextSchema,
  createAnnotationBodySchema,
  hasForbiddenControlCharacters,
  updateAnnotationBodySchema,
} from './annotations.js';

const body = { unitId: 'u', metricKey: 'm', year: 2022, text: 'Två långa sjukskrivningar', visibility: 'internal' };

describe('annotation text', () => {
  it('is plain text: markup is kept as typed, trimmed, with line breaks and tabs', () => {
    expect(annotationTextSchema.parse('  <script>alert(1)</script>  ')).toBe('<script>alert(1)</script>');
    expect(annotationTextSchema.parse('rad ett\r\nrad två\r\tindrag')).toBe('rad ett\nrad två\n\tindrag');
  });

  it('refuses empty, too long and control characters', () => {
    expect(annotationTextSchema.safeParse('   \n ').success).toBe(false);
    expect(annotationTextSchema.safeParse('x'.repeat(4001)).success).toBe(false);
    expect(annotationTextSchema.safeParse('x'.repeat(4000)).success).toBe(true);
    expect(annotationTextSchema.safeParse('a\u0000b').success).toBe(false);
    expect(annotationTextSchema.safeParse('a\u001bb').success).toBe(false);
    expect(annotationTextSchema.safeParse('a\u0085b').success).toBe(false);
  });

  it('knows which characters are control characters', () => {
    expect(hasForbiddenControlCharacters('\t\n åäö – ”citat” 😀')).toBe(false);
    expect(hasForbiddenControlCharacters('\u007f')).toBe(true);
  });
});

describe('a new annotation', () => {
  it('takes a single year or a span', () => {
    expect(createAnnotationBodySchema.parse(body).yearTo).toBeUndefined();
    expect(createAnnotationBodySchema.parse({ ...body, yearTo: 2024 }).yearTo).toBe(2024);
  });

  it('refuses a span that ends before it starts, and years that are not whole years 1990–2100', () => {
    const issues = (v: unknown) => createAnnotationBodySchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...body, yearTo: 2021 })).toEqual(['yearTo']);
    expect(issues({ ...body, year: 2022.5 })).toEqual(['year']);
    expect(issues({ ...body, year: 1989 })).toEqual(['year']);
    expect(issues({ ...body, year: 2101 })).toEqual(['year']);
    expect(issues({ ...body, year: '2022' })).toEqual(['year']);
    expect(issues({ ...body, visibility: 'secret' })).toEqual(['visibility']);
  });
});

describe('a change to an annotation', () => {
  it('needs something to change', () => {
    expect(updateAnnotationBodySchema.safeParse({}).success).toBe(false);
    expect(updateAnnotationBodySchema.safeParse({ text: 'ny' }).success).toBe(true);
    expect(updateAnnotationBodySchema.safeParse({ yearTo: null }).success).toBe(true);
  });

  it('refuses a span that ends before it starts', () => {
    expect(updateAnnotationBodySchema.safeParse({ year: 2023, yearTo: 2022 }).success).toBe(false);
  });
});
