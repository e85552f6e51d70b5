import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvRecordTooLongError, CsvStreamParser, detectSeparator } from '@tillit/domain';
import { AppError } from '../errors.js';
import { createChunkDecoder, encodingOf, InvalidUtf8Error, sniffFile } from './import-decode.js';
import { readXlsxRecords } from './import-xlsx.js';

export class UnsupportedFileError extends AppError {
  constructor(message: string) {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class FileTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `Filen är för stor. Största tillåtna storlek är ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
}

/** The file cannot be read on from this row: reported as that row's error, like any other. */
export class FileContentError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'FileContentError';
  }
}

const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 128 * 1024;

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The records of an uploaded file on disk, in batches, without holding the file in memory: a
 * CSV decoded in the encoding its first 64 kB show (UTF-8 or Windows-1252) and split with the
 * separator its header line shows, or the first sheet of an XLSX workbook. Record i is row i + 1.
 */
export async function* readRecords(path: string, fileName: string): AsyncGenerator<string[][]> {
  const head = await readHead(path);
  const kind = sniffFile(fileName, head);
  if (kind === 'xlsx') {
    try {
      yield* readXlsxRecords(path);
    } catch (err) {
      if (err instanceof FileContentError) throw err;
      throw new UnsupportedFileError('Excel-filen kunde inte läsas. Spara den som CSV och försök igen.');
    }
    return;
  }
  if (kind === 'xls') {
    throw new UnsupportedFileError(
      'Gamla Excel-filer (.xls) kan inte läsas. Spara filen som .xlsx eller CSV ("CSV UTF-8" eller "CSV (semikolonavgränsad)") och försök igen.',
    );
  }
  if (kind === 'binary') throw new UnsupportedFileError('Filen är varken en CSV- eller en Excel-fil (.xlsx).');

  const encoding = encodingOf(head);
  const decode = createChunkDecoder(encoding);
  let parser: CsvStreamParser | null = null;
  const feed = (text: string): string[][] => {
    if (text === '') return [];
    parser ??= new CsvStreamParser(detectSeparator(text));
    const out: string[][] = [];
    try {
      parser.push(text, out);
    } catch (err) {
      if (err instanceof CsvRecordTooLongError) throw new FileContentError(err.recordNumber, err.message);
      throw err;
    }
    return out;
  };
  /** The records a chunk completes, and the error that stops the file there, if any. */
  const decodeOrFail = (chunk: Uint8Array | undefined): { records: string[][]; error?: FileContentError } => {
    try {
      return { records: feed(decode(chunk)) };
    } catch (err) {
      if (!(err instanceof InvalidUtf8Error)) throw err;
      const records = feed(err.validText);
      const row = (parser?.recordCount ?? 0) + 1;
      const message = 'Filen är inte giltig UTF-8 härifrån, fast början var det. Spara den på nytt som "CSV UTF-8" och försök igen.';
      return { records, error: new FileContentError(row, message) };
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const { records, error } = decodeOrFail(chunk as Buffer);
    if (records.length > 0) yield records;
    if (error) throw error;
  }
  const { records: last, error } = decodeOrFail(undefined);
  if (parser !== null && !error) (parser as CsvStreamParser).end(last);
  if (last.length > 0) yield last;
  if (error) throw error;
}
