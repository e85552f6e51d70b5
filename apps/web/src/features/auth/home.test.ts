import { describe, expect, it } from 'vitest';
import { homeFor, safeNext } from './home';

describe('after signing in', () => {
  it('sends politicians to the summary and staff to the overview', () => {
    expect(homeFor('politician')).toBe('/summary');
    expect(homeFor('unit_manager')).toBe('/');
    expect(homeFor('development_manager')).toBe('/');
  });

  it('follows a next link only within this site', () => {
    expect(safeNext('/metrics/staff_turnover?unit=ifo')).toBe('/metrics/staff_turnover?unit=ifo');
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('/login?next=/')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
