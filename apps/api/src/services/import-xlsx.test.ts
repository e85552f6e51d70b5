import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxRecords } from './import-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'tillit-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A zip with its entries stored (not compressed), in exactly the order given. */
function zip(entries: [name: string, text: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const parts = {
  types: [
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  ],
  rels: ['_rels/.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  workbookRels: [
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ],
  strings: ['xl/sharedStrings.xml', `<sst xmlns="${MAIN}" count="4" uniqueCount="4"><si><t>Enhet</t></si><si><t>År</t></si><si><t>Hemtjänst Öster</t></si><si><t>Datum</t></si></sst>`],
  sheet: [
    'xl/worksheets/sheet1.xml',
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>2024</v></c><c r="C2" s="1"><v>45657</v></c></row></sheetData></worksheet>`,
  ],
  // Style 1 is a date format (14), so C2 is 31 December 2024.
  styles: [
    'xl/styles.xml',
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  ],
  workbook: ['xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
} satisfies Record<string, [string, string]>;

async function read(bytes: Buffer): Promise<string[][]> {
  const path = join(dir, `${crc32(bytes)}.xlsx`);
  writeFileSync(path, bytes);
  const records: string[][] = [];
  for await (const batch of readXlsxRecords(path)) records.push(...batch);
  return records;
}

describe('readXlsxRecords', () => {
  const expected = [
    ['Enhet', 'År', 'Datum'],
    ['Hemtjänst Öster', '2024', '2024'],
  ];

  // Found by the fuzz (routes/fuzz.test.ts) and the tests around it: exceljs's stream reader
  // lost the shared strings of a sheet stored before them (Excel's own order) and threw on a
  // sheet stored before xl/workbook.xml (which exceljs's own writer does now and then).
  it('reads a workbook in the order Excel stores it: sheets first, then styles and shared strings', async () => {
    const { types, rels, workbook, workbookRels, sheet, styles, strings } = parts;
    expect(await read(zip([types, rels, workbook, workbookRels, sheet, styles, strings]))).toEqual(expected);
  });

  it('reads a workbook whose sheet comes before xl/workbook.xml', async () => {
    const { types, rels, workbook, workbookRels, sheet, styles, strings } = parts;
    expect(await read(zip([types, rels, workbookRels, styles, strings, sheet, workbook]))).toEqual(expected);
  });

  it('reads a workbook with the parts a sheet needs before it', async () => {
    const { types, rels, workbook, workbookRels, sheet, styles, strings } = parts;
    expect(await read(zip([types, rels, workbook, workbookRels, styles, strings, sheet]))).toEqual(expected);
  });

  // Found in review: the row number is the file's word, and every row before it became an empty
  // record in memory. A crafted sheet naming row two billion is refused instead.
  it('refuses a sheet with a row beyond Excel’s last, without filling memory with the gap', async () => {
    const { types, rels, workbook, workbookRels, styles, strings } = parts;
    const far: [string, string] = ['xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData></worksheet>`];
    await expect(read(zip([types, rels, workbook, workbookRels, styles, strings, far]))).rejects.toThrow(/större än Excel tillåter/);
  });
});
