/**
 * The text of an uploaded file. UTF-8 (with or without a byte-order mark) when the bytes are
 * valid UTF-8; otherwise Windows-1252, which Swedish Excel writes by default ("Spara som CSV"),
 * so that `Äldreomsorg` arrives intact either way.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    // Some Node versions decode windows-1252 as Latin-1, leaving 0x80–0x9F as control codes.
    return { text: text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c), encoding: 'windows-1252' };
  }
}

// Windows-1252 at 0x80–0x9F ('' where the code page leaves a byte undefined: kept as is).
const CP1252_HIGH = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
].map((c) => c || undefined);

export type FileKind = 'text' | 'xlsx' | 'xls' | 'binary';

/** What an upload is, from its first bytes and name: text (CSV), XLSX, old XLS, or other binary. */
export function sniffFile(fileName: string, bytes: Uint8Array): FileKind {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isZip) return 'xlsx';
  if (isOle || /\.xlsx?$/i.test(fileName)) return 'xls';
  const head = bytes.subarray(0, 8192);
  // Text never holds NUL bytes (we do not read UTF-16); anything that does is not a CSV.
  if (head.includes(0)) return 'binary';
  return 'text';
}
