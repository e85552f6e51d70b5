import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvRecordTooLongError, CsvStreamParser, detectSeparator, sepLine, type Separator } from '@tillit/domain';
import { AppError } from '../errors.js';
import { createChunkDecoder, encodingOfFile, InvalidUtf8Error, sniffFile, type TextEncoding } from './import-decode.js';
import { openWorkbook, type XlsxWorkbook } from './import-xlsx.js';

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

/** Records of a file in a batch; for XLSX also which cells hold a formula's result (record index → columns). */
export interface RecordBatch {
  records: string[][];
  formulas: Map<number, Set<number>> | null;
}

/**
 * An uploaded file as a table, opened but not read: a CSV (its encoding decided on the whole
 * file) or an XLSX workbook (its sheets listed, every part's size checked). `read` streams a
 * sheet's (or the CSV's) records from the top, as often as asked: record i is row i + 1 as a
 * spreadsheet shows it (Excel hides a CSV's `sep=` line, so it is not counted either).
 */
export interface ImportTable {
  kind: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  /** CSV: the separator, known once a read has begun. */
  separator: Separator | null;
  /** XLSX: the sheets in tab order; empty for CSV. */
  sheets: { name: string; isHidden: boolean }[];
  /** `isPeek`: only the top rows are wanted (to find the header); the caller stops early. */
  read(sheet: string | null, options?: { isPeek?: boolean }): AsyncGenerator<RecordBatch>;
}

const HEAD_BYTES = 8 * 1024;
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

const chunksOf = (path: string) => createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>;

export async function openTable(path: string, fileName: string): Promise<ImportTable> {
  const kind = sniffFile(fileName, await readHead(path));
  if (kind === 'xls') {
    throw new UnsupportedFileError(
      'Gamla Excel-filer (.xls) kan inte läsas. Spara filen som .xlsx eller CSV ("CSV UTF-8" eller "CSV (semikolonavgränsad)") och försök igen.',
    );
  }
  if (kind === 'binary') throw new UnsupportedFileError('Filen är varken en CSV- eller en Excel-fil (.xlsx).');
  if (kind === 'xlsx') return xlsxTable(await unreadable(() => openWorkbook(path)));
  const encoding = await encodingOfFile(chunksOf(path));
  const table: ImportTable = {
    kind: 'csv',
    encoding,
    separator: null,
    sheets: [],
    read: () => csvRecords(path, encoding, (s) => (table.separator = s)),
  };
  return table;
}

/** A workbook exceljs cannot make sense of is refused with a 415 that says what to do, not a 500. */
async function unreadable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError || err instanceof FileContentError) throw err;
    throw new UnsupportedFileError('Excel-filen kunde inte läsas. Spara den som CSV och försök igen.');
  }
}

function xlsxTable(workbook: XlsxWorkbook): ImportTable {
  return {
    kind: 'xlsx',
    encoding: null,
    separator: null,
    sheets: workbook.sheets.map((s) => ({ name: s.name, isHidden: s.isHidden })),
    async *read(name: string | null, options = {}) {
      const sheet = workbook.sheets.find((s) => s.name === name) ?? workbook.sheets[0]!;
      const batches = workbook.read(sheet, options);
      try {
        for (;;) {
          const next = await unreadable(() => batches.next());
          if (next.done) return;
          yield next.value;
        }
      } finally {
        // A reader that stops early (the header search) closes the sheet's unzipping too.
        await batches.return(undefined);
      }
    },
  };
}

async function* csvRecords(path: string, encoding: TextEncoding, onSeparator: (s: Separator) => void): AsyncGenerator<RecordBatch> {
  const decode = createChunkDecoder(encoding);
  let parser: CsvStreamParser | null = null;
  const feed = (input: string): string[][] => {
    let text = input;
    if (text === '') return [];
    if (parser === null) {
      const sep = sepLine(text);
      const separator = sep?.separator ?? detectSeparator(text);
      if (sep) text = text.slice(sep.length);
      onSeparator(separator);
      parser = new CsvStreamParser(separator);
    }
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
      const message =
        'Filen blandar två teckenkodningar: tidigare rader är UTF-8, den här inte. Spara filen på nytt som "CSV UTF-8" och försök igen.';
      return { records, error: new FileContentError(row, message) };
    }
  };
  const batch = (records: string[][]): RecordBatch => ({ records, formulas: null });
  for await (const chunk of chunksOf(path)) {
    const { records, error } = decodeOrFail(chunk);
    if (records.length > 0) yield batch(records);
    if (error) throw error;
  }
  const { records: last, error } = decodeOrFail(undefined);
  if (parser !== null && !error) (parser as CsvStreamParser).end(last);
  if (last.length > 0) yield batch(last);
  if (error) throw error;
}

/** The records of a CSV, or of a workbook's first sheet, in batches (the units import reads them so). */
export async function* readRecords(path: string, fileName: string): AsyncGenerator<string[][]> {
  const table = await openTable(path, fileName);
  for await (const batch of table.read(table.sheets[0]?.name ?? null)) yield batch.records;
}
