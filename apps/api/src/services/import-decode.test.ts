import { describe, expect, it } from 'vitest';
import { decodeText, sniffFile } from './import-decode.js';

describe('decodeText', () => {
  it('reads Windows-1252 bytes (Swedish Excel "Spara som CSV") with å, ä, ö intact', () => {
    const bytes = Buffer.from('Enhet;Källa\r\nvob;Äldreomsorg Söder\r\n', 'latin1');
    expect(decodeText(bytes)).toEqual({ text: 'Enhet;Källa\r\nvob;Äldreomsorg Söder\r\n', encoding: 'windows-1252' });
  });

  it('reads UTF-8 and strips its byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('År;Äldreomsorg', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: 'År;Äldreomsorg', encoding: 'utf-8' });
  });

  it('maps the Windows-1252 specials (€, –) rather than Latin-1 control codes', () => {
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x96])).text).toBe('€ –');
  });
});

describe('sniffFile', () => {
  it('tells text from spreadsheets and binaries', () => {
    expect(sniffFile('a.csv', Buffer.from('a;b\n1;2'))).toBe('text');
    expect(sniffFile('a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(sniffFile('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('xls');
    expect(sniffFile('a.xlsx', Buffer.from('x'))).toBe('xls');
    expect(sniffFile('a.bin', new Uint8Array([1, 0, 2]))).toBe('binary');
  });
});
