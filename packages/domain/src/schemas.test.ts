import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figure } from './test-arbitraries.js';
import { metricKeySchema, quantitySchema, targetSchema, unitIdSchema, unitSchema, valueSchema } from './schemas.js';

const valid = { ...figure('hemtjanst-norr', 58.14, 1700, 1), metricKey: 'manager_sick_leave', year: 2024 };

/** The messages of a failed parse, or [] when it succeeded. */
function messages(result: { error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('valueSchema', () => {
  it('accepts a reported figure', () => {
    expect(valueSchema.parse(valid)).toEqual(valid);
    expect(valueSchema.safeParse({ ...valid, groupSize: null }).success).toBe(true);
    expect(valueSchema.safeParse({ ...valid, numerator: 0 }).success).toBe(true);
  });

  it('rejects negative numbers', () => {
    expect(messages(valueSchema.safeParse({ ...valid, numerator: -1 }))).toContain('Får inte vara negativt');
    expect(messages(valueSchema.safeParse({ ...valid, denominator: -5 }))).toContain('Får inte vara negativt');
    expect(valueSchema.safeParse({ ...valid, groupSize: -1 }).success).toBe(false);
  });

  it('rejects a zero denominator', () => {
    expect(messages(valueSchema.safeParse({ ...valid, denominator: 0 }))).toContain('Nämnaren måste vara större än noll');
  });

  it('rejects more than two decimals', () => {
    expect(messages(valueSchema.safeParse({ ...valid, numerator: 1.234 }))).toContain('Högst två decimaler');
    expect(messages(valueSchema.safeParse({ ...valid, denominator: 1700.001 }))).toContain('Högst två decimaler');
  });

  it('rejects unit ids with capitals, spaces or Swedish letters', () => {
    for (const unitId of ['Hemtjänst', 'hemtjanst norr', 'hemtjänst', '-norr', '']) {
      expect(valueSchema.safeParse({ ...valid, unitId }).success, unitId).toBe(false);
    }
    expect(messages(valueSchema.safeParse({ ...valid, unitId: 'Enhet A' }))).toContain(
      'Enhetens id får bara innehålla a–z, 0–9, - och _',
    );
  });

  it('rejects years outside 1990–2100, non-integer group sizes, bad metric keys and empty sources', () => {
    expect(valueSchema.safeParse({ ...valid, year: 1989 }).success).toBe(false);
    expect(valueSchema.safeParse({ ...valid, year: 2024.5 }).success).toBe(false);
    expect(valueSchema.safeParse({ ...valid, groupSize: 2.5 }).success).toBe(false);
    expect(messages(valueSchema.safeParse({ ...valid, metricKey: 'Sjukfrånvaro' }))).toContain(
      'Nyckeltalets nyckel får bara innehålla a–z, 0–9 och _',
    );
    expect(valueSchema.safeParse({ ...valid, source: '   ' }).success).toBe(false);
  });

  it('rejects infinite and missing numbers', () => {
    expect(valueSchema.safeParse({ ...valid, numerator: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(valueSchema.safeParse({ ...valid, denominator: Number.NaN }).success).toBe(false);
    const { numerator: _omitted, ...withoutNumerator } = valid;
    expect(valueSchema.safeParse(withoutNumerator).success).toBe(false);
  });
});

describe('quantitySchema', () => {
  it('property: accepts every number with at most two decimals up to a hundred million', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (k) => {
        expect(quantitySchema.safeParse(k / 100).success).toBe(true);
      }),
    );
  });

  it('property: rejects every number with a third decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: 1, max: 9 }), (k, last) => {
        expect(messages(quantitySchema.safeParse((k * 10 + last) / 1000))).toContain('Högst två decimaler');
      }),
    );
  });

  // Once, quantitySchema (schemas.ts) allowed numbers up to 1e12 but checks "at most two decimals"
  // with a fixed tolerance of 1e-6 on n × 100. From about 1.3e8 upwards the float error of
  // n × 100 exceeds it, so valid figures such as 134217829.95 hours are rejected with
  // "Högst två decimaler".
  it('accepts large figures with two decimals within its own maximum', () => {
    for (const n of [134_217_829.95, 655_385_118.92, 9_860_243_233.29]) {
      expect(messages(quantitySchema.safeParse(n)), String(n)).toEqual([]);
    }
  });
});

describe('unitSchema', () => {
  const u = { id: 'norr', name: 'Område Norr', kind: 'area', parentId: 'sof', validFrom: '2019-01-01', validTo: null };

  it('accepts a unit, with or without dates', () => {
    expect(unitSchema.safeParse(u).success).toBe(true);
    expect(unitSchema.safeParse({ ...u, validFrom: null, parentId: null }).success).toBe(true);
  });

  it('rejects a unit that is its own parent', () => {
    expect(messages(unitSchema.safeParse({ ...u, parentId: 'norr' }))).toContain('En enhet kan inte vara sin egen överordnade');
  });

  it('rejects a validity that ends before it starts, and dates that are not dates', () => {
    expect(messages(unitSchema.safeParse({ ...u, validTo: '2018-12-31' }))).toContain('Giltig från måste vara före giltig till');
    expect(unitSchema.safeParse({ ...u, validTo: '2019-01-01' }).success).toBe(true);
    expect(unitSchema.safeParse({ ...u, validFrom: '2019-13-01' }).success).toBe(false);
    expect(unitSchema.safeParse({ ...u, kind: 'team' }).success).toBe(false);
  });

  it('accepts ids of a–z, 0–9, - and _ only', () => {
    expect(unitIdSchema.safeParse('omr_2-norr').success).toBe(true);
    expect(unitIdSchema.safeParse('x'.repeat(65)).success).toBe(false);
    expect(metricKeySchema.safeParse('2metric').success).toBe(false);
  });
});

describe('targetSchema', () => {
  it('needs at least one bound, and min below max', () => {
    expect(messages(targetSchema.safeParse({ min: null, max: null }))).toContain('Ett mål behöver minst en gräns');
    expect(messages(targetSchema.safeParse({ min: 35, max: 10 }))).toContain('Målets undre gräns måste vara lägre än den övre');
    expect(targetSchema.safeParse({ min: 10, max: 35 }).success).toBe(true);
    expect(targetSchema.safeParse({ min: null, max: 25 }).success).toBe(true);
  });
});
