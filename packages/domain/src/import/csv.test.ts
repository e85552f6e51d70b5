import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, parseNumber } from './csv.js';

describe('detectSeparator', () => {
  it('finds ; , and tab from the header line', () => {
    expect(detectSeparator('Enhet;Nyckeltal;År\n1,5;2,5;3')).toBe(';');
    expect(detectSeparator('unit,metric,year\n')).toBe(',');
    expect(detectSeparator('unit\tmetric\tyear')).toBe('\t');
  });

  it('ignores separators inside quotes', () => {
    expect(detectSeparator('"a;b;c",x,y')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('splits records, with quoted separators, doubled quotes, line breaks and CRLF', () => {
    expect(parseCsv('a;b\r\n"x;y";"sa ""hej""\nigen"\r\n', ';')).toEqual([
      ['a', 'b'],
      ['x;y', 'sa "hej"\nigen'],
    ]);
  });

  it('strips a byte-order mark and keeps a last line without a line break', () => {
    expect(parseCsv('\ufeffa,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['3,42', 3.42],
    ['3.42', 3.42],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234 567', 1234567],
    ['12', 12],
    [' 7 ', 7],
    ['-2', -2],
    ['\u22122,5', -2.5],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each(['', 'abc', '3,4,5', '1 23', '12 %', '1.234,5', '--1'])('refuses %j', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false });
  });
});
