import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvRecordTooLongError, CsvStreamParser, detectSeparator, parseCsv, parseNumber, sepLine } from './csv.js';

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

describe('CsvStreamParser', () => {
  const feed = (text: string, cuts: number[], separator: ';' | ',' = ';') => {
    const parser = new CsvStreamParser(separator);
    const out: string[][] = [];
    let at = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      parser.push(text.slice(at, cut), out);
      at = cut;
    }
    parser.push(text.slice(at), out);
    parser.end(out);
    return out;
  };

  it('gives the same records however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[a-c;"\r\n ]{0,6}$/), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, cuts, eol) => {
          const quote = (f: string) => (/[;"\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
          const text = rows.map((r) => r.map(quote).join(';')).join(eol);
          const points = cuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1)));
          expect(feed(text, points)).toEqual(parseCsv(text, ';'));
          expect(feed(text, points)).toEqual(rows.length === 0 ? [] : rows);
        },
      ),
    );
  });

  it('keeps CRLF split across two chunks as one line break', () => {
    expect(feed('a;b\r\nc;d\r\n', [4])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('refuses a record that never ends (an unclosed quote) rather than holding the whole file', () => {
    const parser = new CsvStreamParser(';');
    const out: string[][] = [];
    parser.push('a;b\n"open', out);
    expect(() => {
      for (let i = 0; i < 20; i++) parser.push('x'.repeat(100_000), out);
    }).toThrow(CsvRecordTooLongError);
    expect(out).toEqual([['a', 'b']]);
  });
});

describe('sepLine and a title above the header', () => {
  it('honours Excel’s sep= first line', () => {
    expect(sepLine('sep=;\r\nEnhet;År\r\n')).toEqual({ separator: ';', length: 7 });
    expect(sepLine('\ufeffSEP=,\nEnhet,År')).toEqual({ separator: ',', length: 7 });
    expect(sepLine('sep=\t\nA\tB')).toEqual({ separator: '\t', length: 6 });
    expect(sepLine('Enhet;År')).toBeNull();
  });

  it('decides the separator from the first lines, not a title line alone', () => {
    expect(detectSeparator('Sjukfrånvaro, chefer 2024\nEnhet\tNyckeltal\tÅr\tTäljare\tNämnare\nsoc\tx\t2024\t1,5\t2\n')).toBe('\t');
  });
});
