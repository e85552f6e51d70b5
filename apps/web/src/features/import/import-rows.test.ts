import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { importPreviewSchema } from '@tillit/domain';
import { refusedPreview } from '../../components/ui/useFileImport';
import { changeRows, formatAmount, formatPair, totalRows } from './import-rows';

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
        { unitId: 'a', metricKey: 'm', year: 2026, old: null, oldReason: null, new: { numerator: 2, denominator: 40 } },
        { unitId: 'b', metricKey: 'm', year: 2025, old: { numerator: 1.5, denominator: 30 }, oldReason: null, new: { numerator: 3.25, denominator: 30 } },
        { unitId: 'c', metricKey: 'm', year: 2024, old: null, oldReason: 'small_group', new: { numerator: 1, denominator: 30 } },
      ],
      'sv',
      (reason) => `dold (${reason})`,
    );
    expect(rows).toEqual([
      { key: 'a|m|2026', unitId: 'a', metricKey: 'm', year: 2026, before: '–', after: '2 / 40' },
      { key: 'b|m|2025', unitId: 'b', metricKey: 'm', year: 2025, before: '1,5 / 30', after: '3,25 / 30' },
      { key: 'c|m|2024', unitId: 'c', metricKey: 'm', year: 2024, before: 'dold (small_group)', after: '1 / 30' },
    ]);
    expect(formatPair(null, 'en')).toBe('–');
  });
});

describe('totalRows', () => {
  it('shows a subtotal’s figures and the sum below in the language’s format, the unit by name', () => {
    const total = {
      row: 9,
      unitId: 'hemtjanst',
      unitName: 'Hemtjänst',
      metricKey: 'staff_turnover',
      year: 2026,
      file: { numerator: 10, denominator: 100 },
      below: { numerator: 8, denominator: 85.5 },
      rowsBelow: 2,
      status: 'differs' as const,
      isStored: false,
      message: 'Skiljer sig …',
    };
    expect(totalRows([total, { ...total, row: 10, unitId: null, unitName: null, below: null, status: 'nothing_below' }], 'sv', '(ingen enhet)')).toEqual([
      { key: '9', row: 9, unit: 'Hemtjänst', metricKey: 'staff_turnover', year: 2026, file: '10 / 100', below: '8 / 85,5', status: 'differs', isStored: false, message: 'Skiljer sig …' },
      { key: '10', row: 10, unit: '(ingen enhet)', metricKey: 'staff_turnover', year: 2026, file: '10 / 100', below: '–', status: 'nothing_below', isStored: false, message: 'Skiljer sig …' },
    ]);
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
    warnings: [],
    warningsTotal: 0,
    hidesShown: [],
    hidesShownTotal: 0,
    totals: [],
    totalsTotal: 0,
    parentRows: 'check',
    fileName: 'a.csv',
    headers: ['Enhet', 'Nyckeltal', 'år', 'Täljare', 'Nämnare'],
    headerRow: 1,
    mapping: { unit: 'Enhet', metric: 'Nyckeltal', year: 'år', numerator: 'Täljare', denominator: 'Nämnare' },
    needsMapping: false,
    sheet: null,
    sheets: [],
    encoding: 'utf-8',
    separator: ';',
  };

  it('reads the preview from a 422', () => {
    expect(refusedPreview(new ApiError({ status: 422, code: 'http_error', message: 'x', body }), importPreviewSchema)?.errors).toHaveLength(1);
  });

  it('is null for other errors', () => {
    expect(refusedPreview(new ApiError({ status: 409, code: 'CONFLICT', message: 'x', body }), importPreviewSchema)).toBeNull();
    expect(refusedPreview(new Error('x'), importPreviewSchema)).toBeNull();
  });
});
