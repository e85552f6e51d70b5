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
    return { text: fromWindows1252(bytes), encoding: 'windows-1252' };
  }
}

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * The encoding of a file from its first bytes (a streamed file is judged by its head, 64 kB):
 * UTF-8 with a byte-order mark, or when they are valid UTF-8 (a character cut at the end of the
 * head is no error); otherwise Windows-1252.
 */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Bytes that are not UTF-8 after a head that was: where they start, for the row to name. */
export class InvalidUtf8Error extends Error {
  constructor(readonly validText: string) {
    super('invalid UTF-8');
    this.name = 'InvalidUtf8Error';
  }
}

/**
 * Decodes a file chunk by chunk (`undefined` ends it). UTF-8 characters cut between chunks are
 * joined; bytes that are not UTF-8 throw `InvalidUtf8Error` with the text before them, so that
 * the importer can name the row rather than read `Ã¤` into the database.
 */
export function createChunkDecoder(encoding: TextEncoding): (chunk: Uint8Array | undefined) => string {
  if (encoding === 'windows-1252') return (chunk) => (chunk ? fromWindows1252(chunk) : '');
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  return (chunk) => {
    const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    const bad = text.indexOf('\ufffd');
    // U+FFFD is also a real character (EF BF BD); only when the bytes do not hold it is it our replacement.
    if (bad !== -1 && !(chunk && Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes(REPLACEMENT_BYTES))) {
      throw new InvalidUtf8Error(text.slice(0, bad));
    }
    return text;
  };
}

const REPLACEMENT_BYTES = Buffer.from([0xef, 0xbf, 0xbd]);

function fromWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Latin-1 leaves 0x80–0x9F as control codes where Windows-1252 has €, –, ’ and others.
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
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
