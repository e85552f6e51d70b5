import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirect.js';

const ORIGIN = 'http://tillit.kommun.se';

describe('safeNextPath: where to go after signing in', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/metrics/staff_turnover?unit=ifo', ORIGIN)).toBe('/metrics/staff_turnover?unit=ifo');
    expect(safeNextPath('/summary?unit=%C3%A5#top', ORIGIN)).toBe('/summary?unit=%C3%A5#top');
    expect(safeNextPath('/', ORIGIN)).toBe('/');
  });

  it.each([
    // As URLSearchParams hands them over, i.e. already decoded once.
    ['a backslash, which browsers read as a slash', '/\\evil.example/x'],
    ['two backslashes', '/\\\\evil.example'],
    ['a tab, which the URL parser drops', '/\t/evil.example/x'],
    ['a newline', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    // Encoded once more: refused after decoding too.
    ['an encoded backslash', '/%5Cevil.example/x'],
    ['an encoded tab', '/%09/evil.example/x'],
    ['two encoded backslashes', '/%5C%5Cevil.example'],
    ['a doubly encoded backslash', '/%255Cevil.example'],
    ['an encoded second slash', '/%2F/evil.example'],
    ['a protocol-relative address', '//evil.example/'],
    ['an absolute address', 'https://evil.example/'],
    ['an address of this site written out', 'http://tillit.kommun.se/summary'],
    ['a script', 'javascript:alert(1)'],
    ['a relative path', 'metrics'],
    ['the sign-in page itself', '/login?next=/'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['nothing', ''],
  ])('refuses %s', (_what, next) => {
    expect(safeNextPath(next, ORIGIN)).toBeNull();
  });

  it('refuses null', () => {
    expect(safeNextPath(null, ORIGIN)).toBeNull();
  });
});
