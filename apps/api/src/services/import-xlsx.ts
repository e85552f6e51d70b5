import ExcelJS from 'exceljs';
import { UnsupportedFileError } from './import-read.js';

// The largest sheet Excel itself makes.
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

/**
 * The first sheet of an XLSX workbook, read as a stream from a file, as records of text in
 * batches: record i is sheet row i + 1 (rows Excel leaves out come as empty records), so that row
 * numbers are the ones Excel shows. Numbers become text the CSV parser reads (`3.42`).
 *
 * exceljs parses the sheet's XML as it reads; it keeps the shared strings (the workbook's
 * distinct texts) in memory, and a sheet stored before them in the zip waits in a temp file.
 * "First" is the first sheet stored in the file, which is the first tab for files Excel and
 * exceljs write.
 */
export async function* readXlsxRecords(path: string, batchSize = 5000): AsyncGenerator<string[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache', // to tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // exceljs 4.4 parks a sheet that comes before the shared strings (or the workbook's
  // relations) in a temp file and then loses the rest of the zip, so the texts come out empty;
  // a sheet before xl/workbook.xml or xl/styles.xml throws (exceljs issues #683, #962). Excel
  // itself stores the sheets first. So the workbook's parts are read in a pass of their own and
  // given to the reader up front: every sheet is then read in place, whatever the order.
  Object.assign(reader, await readWorkbookParts(path));
  let isFirst = true;
  for await (const sheet of reader) {
    if (!isFirst) {
      // Later sheets are read past, not kept: the zip is one stream and must be drained.
      for await (const _row of sheet) void _row;
      continue;
    }
    isFirst = false;
    let batch: string[][] = [];
    let next = 1;
    for await (const row of sheet) {
      // Row and column numbers come from the file as written: a crafted one could name row two
      // billion. Excel's own limits bound them, and the gap before a row is handed on in batches.
      const values = row.values as ExcelJS.CellValue[];
      if (row.number > EXCEL_MAX_ROWS || values.length > EXCEL_MAX_COLUMNS + 1) {
        throw new UnsupportedFileError(`Arket är större än Excel tillåter (rad ${row.number}). Spara om filen i Excel och försök igen.`);
      }
      for (; next < row.number; next++) {
        batch.push([]);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
      batch.push(cells);
      next = row.number + 1;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** The parts a sheet is read with (shared strings, styles, model, relations), in one pass that drains the sheets unread. */
async function readWorkbookParts(path: string): Promise<Record<string, unknown>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'ignore',
    entries: 'ignore',
  });
  // Presets that keep this pass off the temp-file path too; each is replaced as its part is read.
  const parts = Object.assign(reader, { sharedStrings: [], workbookRels: [], model: { sheets: [] }, properties: {} });
  const events = reader.parse();
  while (!(await events.next()).done);
  const { sharedStrings, styles, workbookRels, model, properties } = parts as typeof parts & { styles?: unknown };
  return { sharedStrings, workbookRels, model, properties, ...(styles ? { styles } : { styles: { getStyleModel: () => undefined } }) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Binary floating point from formulas (0.1 + 0.2): keep the decimal digits Excel shows.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(value.getUTCFullYear());
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
