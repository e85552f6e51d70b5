import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { changeRows, formatAmount, formatPair, refusedPreview } from './import-rows';

describe('formatAmount', () => {
  it('uses as few decimals as needed, at most two, in the language’s format', () => {
    expect(formatAmount(2, 'sv')).toBe('2');
    expect(formatAmount(40.5, 'sv')).toBe('40,5');
    expect(formatAmount(10 / 3, 'sv')).toBe('3,33');
    expect(formatAmount(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('changeRows', () => {
  it('shows before and after as numerator over denominator, a dash for a new value', () => {
    const rows = changeRows(
      [
        { unitId: 'a', metricKey: 'm', year: 2026, old: null, new: { numerator: 2, denominator: 40 } },
        { unitId: 'b', metricKey: 'm', year: 2025, old: { numerator: 1.5, denominator: 30 }, new: { numerator: 3.25, denominator: 30 } },
      ],
      'sv',
    );
    expect(rows).toEqual([
      { key: 'a|m|2026', unitId: 'a', metricKey: 'm', year: 2026, before: '–', after: '2 / 40' },
      { key: 'b|m|2025', unitId: 'b', metricKey: 'm', year: 2025, before: '1,5 / 30', after: '3,25 / 30' },
    ]);
    expect(formatPair(null, 'en')).toBe('–');
  });
});

describe('refusedPreview', () => {
  const body = {
    batchId: null,
    rowsRead: 2,
    rowsValid: 1,
    errors: [{ row: 3, column: 'år', message: 'fel' }],
    errorsTotal: 1,
    changes: [],
    changesTotal: 0,
    fileName: 'a.csv',
    headers: ['Enhet', 'Nyckeltal', 'år', 'Täljare', 'Nämnare'],
    mapping: { unit: 'Enhet', metric: 'Nyckeltal', year: 'år', numerator: 'Täljare', denominator: 'Nämnare' },
    needsMapping: false,
  };

  it('reads the preview from a 422', () => {
    expect(refusedPreview(new ApiError({ status: 422, code: 'http_error', message: 'x', body }))?.errors).toHaveLength(1);
  });

  it('is null for other errors', () => {
    expect(refusedPreview(new ApiError({ status: 409, code: 'CONFLICT', message: 'x', body }))).toBeNull();
    expect(refusedPreview(new Error('x'))).toBeNull();
  });
});
