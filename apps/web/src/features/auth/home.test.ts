import { describe, expect, it } from 'vitest';
import { homeFor, safeNext } from './home';

describe('after signing in', () => {
  it('sends politicians to the summary, unit managers to their own unit, the development manager to the whole', () => {
    expect(homeFor({ role: 'politician', unitIds: [] })).toBe('/summary');
    expect(homeFor({ role: 'unit_manager', unitIds: ['hemtjanst-oster', 'hemtjanst-vaster'] })).toBe('/?unit=hemtjanst-oster');
    expect(homeFor({ role: 'development_manager', unitIds: [] })).toBe('/');
  });

  it('follows a next link only within this site', () => {
    expect(safeNext('/metrics/staff_turnover?unit=ifo')).toBe('/metrics/staff_turnover?unit=ifo');
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('/login?next=/')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
