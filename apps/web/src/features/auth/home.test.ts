import { describe, expect, it } from 'vitest';
import { homeFor, safeNext } from './home';

describe('after signing in', () => {
  it('sends politicians to the summary, unit managers to their own unit, the development manager to the whole', () => {
    expect(homeFor({ role: 'politician', unitIds: [] })).toBe('/summary');
    expect(homeFor({ role: 'unit_manager', unitIds: ['hemtjanst-oster', 'hemtjanst-vaster'] })).toBe('/?unit=hemtjanst-oster');
    expect(homeFor({ role: 'development_manager', unitIds: [] })).toBe('/');
  });

  it('follows a next link only within this site', () => {
    const origin = 'http://127.0.0.1:3000';
    expect(safeNext('/metrics/staff_turnover?unit=ifo', origin)).toBe('/metrics/staff_turnover?unit=ifo');
    expect(safeNext('https://evil.example/', origin)).toBeNull();
    expect(safeNext('//evil.example/', origin)).toBeNull();
    expect(safeNext('/login?next=/', origin)).toBeNull();
    expect(safeNext(null, origin)).toBeNull();
    // What `?next=/%5Cevil.example/x`, `/%09/…` and `/%5C%5C…` become once the page reads them.
    for (const next of ['/\\evil.example/x', '/\t/evil.example/x', '/\\\\evil.example', '/%5Cevil.example/x']) {
      expect(safeNext(next, origin), next).toBeNull();
    }
  });
});
