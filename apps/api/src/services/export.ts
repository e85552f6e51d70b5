import {
  CSV_FORMATS,
  EXPORT_HEADER,
  exportFileName,
  exportRows,
  toCsv,
  type CsvFormat,
  type Metric,
  type Point,
  type Unit,
} from '@tillit/domain';
import ExcelJS from 'exceljs';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The points must come from ValueService.series, so that suppression has been applied. */
export function valuesCsv(metric: Metric, unit: Unit, points: readonly Point[], format: CsvFormat): ExportFile {
  const csv = toCsv([[...EXPORT_HEADER], ...exportRows(metric, unit, points)], CSV_FORMATS[format]);
  return {
    fileName: exportFileName([metric.name.sv, unit.name], 'csv'),
    contentType: 'text/csv; charset=utf-8',
    body: Buffer.from(csv, 'utf8'),
  };
}

/**
 * The same table as an Excel workbook with typed cells: numbers are numbers, text is text (a
 * string cell is never read as a formula, so it needs no `'`). A second sheet says what the
 * figures are and why some are missing.
 */
export async function valuesWorkbook(metric: Metric, unit: Unit, points: readonly Point[]): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tillit';
  const sheet = workbook.addWorksheet('Värden', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 8 },
    { width: 28 },
    { width: 32 },
    { width: 10, style: { numFmt: metric.decimals > 0 ? `0.${'0'.repeat(metric.decimals)}` : '0' } },
    { width: 12 },
    { width: 12 },
    { width: 34 },
    { width: 48 },
  ];
  sheet.addRow([...EXPORT_HEADER]).font = { bold: true };
  for (const row of exportRows(metric, unit, points)) sheet.addRow(row);

  const about = workbook.addWorksheet('Om');
  about.columns = [{ width: 24 }, { width: 100 }];
  const sources = [...new Set(points.flatMap((p) => (p.source ? [p.source] : [])))];
  const threshold = metric.suppressionThreshold;
  const lines: [string, string][] = [
    ['Nyckeltal', metric.name.sv],
    ['Enhet', unit.name],
    ['Definition', metric.definition.sv],
    ['Täljare', metric.numerator.sv],
    ['Nämnare', metric.denominator.sv],
    ['Definitionens källa', metric.definitionSource ?? ''],
    ['Källa för värdena', sources.join('; ')],
    [
      'Dolda siffror',
      threshold === null
        ? 'Nyckeltalet gäller inte personer och döljs inte för små grupper.'
        : `En siffra om en grupp på ${threshold} personer eller färre visas inte, inte heller en siffra som skulle låta någon räkna fram en dold siffra. Dolda celler är tomma; kolumnen Status säger varför.`,
    ],
    ['Exporterad', new Date().toISOString().slice(0, 10)],
    ['Källa', 'Tillit'],
  ];
  for (const line of lines) about.addRow(line);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return {
    fileName: exportFileName([metric.name.sv, unit.name], 'xlsx'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** `attachment` with an ASCII name, plus the RFC 5987 form for clients that read it. */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
