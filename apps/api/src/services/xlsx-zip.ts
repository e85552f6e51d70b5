import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../errors.js';

/**
 * The parts of an XLSX workbook (a zip), read through the zip's central directory: what each
 * part unpacks to is known before anything is unpacked, and each part is unpacked as a stream
 * that stops at a byte cap, so a small file that unpacks to gigabytes (a "zip bomb") costs
 * neither memory nor time. Only the parts a sheet needs are unpacked at all.
 */

const MB = 1024 * 1024;

/** What a workbook may unpack to. Shared strings are held in memory while a sheet is read; a sheet is streamed. */
export const XLSX_LIMITS = {
  /** xl/sharedStrings.xml: every distinct text of the workbook, kept in memory. */
  sharedStringsBytes: 32 * MB,
  /** One sheet's XML (a million rows of seven columns is about 250 MB). */
  sheetBytes: 1024 * MB,
  /** The workbook's other parts we read: workbook.xml, styles.xml, relations. */
  partBytes: 16 * MB,
  /** All parts of the workbook together, as its directory declares them. */
  totalBytes: 2048 * MB,
  entries: 10_000,
};

/** The workbook unpacks to more than we read (413): the reason names the part and the limit. */
class XlsxTooLargeError extends AppError {
  constructor(message: string) {
    super(413, 'PAYLOAD_TOO_LARGE', message);
  }
}

/** Not a zip we can read, or one that contradicts itself (415). */
export class XlsxBrokenError extends AppError {
  constructor(message: string) {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const SAVE_AS = 'Spara filen på nytt i Excel (eller som CSV) och försök igen.';

const mb = (n: number) => `${Math.round(n / MB)} MB`;

/** The zip's directory: every entry by name, with the sizes it declares. */
export async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at === -1) throw new XlsxBrokenError(`Excel-filen är skadad (zip-arkivets innehållsförteckning saknas). ${SAVE_AS}`);
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    // ZIP64 (sizes beyond 4 GB) marks these fields as all ones: no workbook we read is that large.
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      throw new XlsxTooLargeError(`Excel-filen är för stor för att läsas (över 4 GB uppackad). ${SAVE_AS}`);
    }
    if (count > XLSX_LIMITS.entries) throw new XlsxBrokenError(`Excel-filen har ${count} delar; högst ${XLSX_LIMITS.entries} går. ${SAVE_AS}`);
    if (dirOffset + dirSize > size) throw new XlsxBrokenError(`Excel-filen är skadad (innehållsförteckningen pekar utanför filen). ${SAVE_AS}`);
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) {
        throw new XlsxBrokenError(`Excel-filen är skadad (innehållsförteckningen går inte att läsa). ${SAVE_AS}`);
      }
      const nameLength = dir.readUInt16LE(p + 28);
      const entry: ZipEntry = {
        flags: dir.readUInt16LE(p + 8),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        uncompressedSize: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      };
      if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
        throw new XlsxTooLargeError(`Delen ${entry.name} i Excel-filen är för stor för att läsas (över 4 GB uppackad). ${SAVE_AS}`);
      }
      entries.set(entry.name.replace(/^\//, ''), entry);
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    const total = [...entries.values()].reduce((n, e) => n + e.uncompressedSize, 0);
    if (total > XLSX_LIMITS.totalBytes) {
      throw new XlsxTooLargeError(`Excel-filen packas upp till ${mb(total)}; högst ${mb(XLSX_LIMITS.totalBytes)} går. Spara bladet med värdena som en egen fil eller som CSV.`);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ in length from the directory's. */
async function dataOffset(path: string, entry: ZipEntry): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(30);
    const { bytesRead } = await handle.read(header, 0, 30, entry.localOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL) {
      throw new XlsxBrokenError(`Excel-filen är skadad (delen ${entry.name} saknas). ${SAVE_AS}`);
    }
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

/**
 * The text of one part, unpacked as a stream of UTF-8 strings (characters cut between chunks are
 * joined). Refused before unpacking when the directory declares more than `cap` bytes, and
 * stopped the moment the unpacked bytes pass `cap` or what the directory declared (a directory
 * that understates a part is lying).
 */
export async function* entryText(path: string, entry: ZipEntry, cap: number, what: string): AsyncGenerator<string> {
  const tooLarge = () =>
    new XlsxTooLargeError(
      `${what} i Excel-filen packas upp till mer än ${mb(cap)}; högst ${mb(cap)} går. Spara bladet med värdena som en egen fil eller som CSV och försök igen.`,
    );
  if (entry.uncompressedSize > cap) throw tooLarge();
  if (entry.flags & 0x1) throw new XlsxBrokenError(`Excel-filen är krypterad (lösenordsskyddad). Ta bort lösenordet, spara och försök igen.`);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxBrokenError(`Excel-filen är packad på ett sätt vi inte kan läsa (metod ${entry.method}). ${SAVE_AS}`);
  const start = await dataOffset(path, entry);
  const raw = entry.compressedSize === 0 ? null : createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  const inflate = entry.method === 8 ? createInflateRaw({ chunkSize: 64 * 1024 }) : null;
  const source = raw === null ? null : inflate ? raw.pipe(inflate) : raw;
  raw?.on('error', (err) => inflate?.destroy(err));
  const decoder = new StringDecoder('utf8');
  let unpacked = 0;
  try {
    if (source) {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        unpacked += chunk.length;
        if (unpacked > cap) throw tooLarge();
        if (unpacked > entry.uncompressedSize) {
          throw new XlsxBrokenError(`Excel-filen är skadad (delen ${entry.name} är större än filen själv anger). ${SAVE_AS}`);
        }
        yield decoder.write(chunk);
      }
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new XlsxBrokenError(`Excel-filen är skadad (delen ${entry.name} går inte att packa upp). ${SAVE_AS}`);
  } finally {
    raw?.destroy();
    inflate?.destroy();
  }
}
