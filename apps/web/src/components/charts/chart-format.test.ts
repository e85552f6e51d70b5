import { DEFAULT_METRICS } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { formatWithUnit, tickFormatter } from './chart-format';

const staffPerManager = DEFAULT_METRICS.find((m) => m.key === 'staff_per_manager')!;
const turnover = DEFAULT_METRICS.find((m) => m.key === 'staff_turnover')!;

describe('chart formatting', () => {
  it('formats values with their unit', () => {
    expect(formatWithUnit(turnover, 5.8, 'sv')).toBe('5,8\u00a0%');
    expect(formatWithUnit(staffPerManager, 17.5, 'en')).toBe('17.5 staff per manager');
  });

  it('gives ticks the decimals they need in the language format', () => {
    expect([0, 0.5, 1].map(tickFormatter(turnover, [0, 0.5, 1], 'sv'))).toEqual(['0,0\u00a0%', '0,5\u00a0%', '1,0\u00a0%']);
    expect([0, 10, 20].map(tickFormatter(staffPerManager, [0, 10, 20], 'sv'))).toEqual(['0', '10', '20']);
    expect(tickFormatter(staffPerManager, [0, 1000], 'sv')(1000)).toBe('1\u00a0000');
    expect(tickFormatter(turnover, [0, 2, 4], 'en')(4)).toBe('4%');
  });
});
