/**
 * The text of a file held whole (a Kolada page): UTF-16 when a byte-order mark says so
 * (PowerShell 5.1 writes JSON so); UTF-8 (with or without a mark) when the bytes are valid UTF-8;
 * otherwise Windows-1252, which Swedish Excel writes by default ("Spara som CSV").
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = encodingOfBom(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: fromWindows1252(bytes), encoding: 'windows-1252' };
  }
}

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark declares, if the bytes start with one. */
function encodingOfBom(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The encoding of a whole file, decided before a row is read: a byte-order mark's (UTF-8, or
 * UTF-16 as Excel's "Unicode text" writes it); otherwise UTF-8 when every byte of the file is
 * valid UTF-8, and Windows-1252 (Swedish Excel's "CSV (semikolonavgränsad)") when it is not and
 * holds no UTF-8 character beyond ASCII. A file that holds both (UTF-8 `å` and a Windows-1252
 * `ö`) is neither: it is read as UTF-8, and the row where that stops working gets the error.
 */
export async function encodingOfFile(chunks: AsyncIterable<Uint8Array>): Promise<TextEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let isFirst = true;
  let isInvalid = false;
  let hasMultibyte = false;
  for await (const chunk of chunks) {
    if (isFirst) {
      isFirst = false;
      const bom = encodingOfBom(chunk);
      if (bom) return bom;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (!isInvalid && text.includes('\ufffd') && !Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes(REPLACEMENT_BYTES)) {
      isInvalid = true;
    }
    if (!hasMultibyte && /[\u0080-\ufffc]/.test(text)) hasMultibyte = true;
    if (isInvalid && hasMultibyte) return 'utf-8';
  }
  if (decoder.decode().includes('\ufffd')) isInvalid = true;
  return isInvalid && !hasMultibyte ? 'windows-1252' : 'utf-8';
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
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // A code unit cut between chunks waits for the next; the byte-order mark is dropped.
    const utf16 = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
    return (chunk) => (chunk ? utf16.decode(chunk, { stream: true }) : utf16.decode());
  }
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

/**
 * Not `new TextDecoder('windows-1252')`: on Node 20 it decodes as Latin-1 and leaves 0x80–0x9F
 * as control codes (0x80 stays U+0080, not €), so the code page's high range is mapped here.
 */
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
  // Excel's "Unicode text" is UTF-16 with a byte-order mark; other text never holds NUL bytes.
  if (encodingOfBom(head)?.startsWith('utf-16')) return 'text';
  if (head.includes(0)) return 'binary';
  return 'text';
}
