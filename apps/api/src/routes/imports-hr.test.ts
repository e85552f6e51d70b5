import { GROUP_SIZE_WARNING } from '@tillit/domain';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { figure, previewOf, stored, unicodeText, uploader, windows1252 } from '../import-test-files.js';
import { createTestApp, signIn } from '../test-app.js';

// Files made the way Heroma, Personec and Visma exports reach Tillit through Excel. Each test
// checks the preview, the figures stored after the import, and the parent's figure: the sum of
// its units, never that sum plus a subtotal row.

const YEAR = new Date().getFullYear(); // no demo data: the demo ends the year before
const HEAD = ['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare', 'Gruppstorlek'];

let app: FastifyInstance;
let db: Db;
let cookie: string;
let upload: ReturnType<typeof uploader>;

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
  upload = uploader(app, cookie);
});
afterAll(() => app.close());

/** An HR report as a workbook: an info sheet first, a title, a date and a blank row above the header on row 4. */
async function heroma(rows: ExcelJS.CellValue[][], merges: string[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const info = workbook.addWorksheet('Info');
  info.addRow(['Rapport: chefers sjukfrånvaro och personalomsättning']);
  info.addRow(['Skapad i Heroma av lönekontoret']);
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Sjukfrånvaro och personalomsättning, chefer']);
  sheet.mergeCells('A1:F1');
  sheet.addRow([`Utskriven ${YEAR + 1}-01-15`]);
  sheet.addRow([]);
  sheet.addRow(HEAD);
  for (const r of rows) sheet.addRow(r);
  for (const m of merges) sheet.mergeCells(m);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('an XLSX report: info sheet, title rows, merged unit cells, formula cells, matching subtotals', () => {
  const minutes = { formula: '3680/60', result: 3680 / 60 }; // 61,33 hours, as Excel shows it
  let file: Uint8Array;
  beforeAll(async () => {
    file = await heroma(
      [
        ['Hemtjänst Öster', 'Sjukfrånvaro bland chefer', YEAR, minutes, 2400, 12],
        [null, 'Personalomsättning', YEAR, 4, 40, null],
        ['Hemtjänst Väster', 'Sjukfrånvaro bland chefer', YEAR, 40, 2000, 14],
        [null, 'Personalomsättning', YEAR, 2, 30, null],
        ['Summa Hemtjänst', 'Sjukfrånvaro bland chefer', YEAR, { formula: 'D5+D7', result: 3680 / 60 + 40 }, 4400, 26],
        ['Summa Hemtjänst', 'Personalomsättning', YEAR, 6, 70, null],
      ],
      ['A5:A6', 'A7:A8'],
    );
  });

  it('previews: the data sheet and its header row found, merged names carried down, formulas rounded with a notice, subtotals checked apart', async () => {
    const p = await previewOf(await upload(file, 'heroma.xlsx', { dryRun: true }));
    expect(p).toMatchObject({ sheet: 'Data', sheets: ['Info', 'Data'], headerRow: 4, errors: [], rowsRead: 6, rowsValid: 4, needsMapping: false, parentRows: 'check' });
    expect(p.warnings).toEqual([
      { row: 5, column: 'Täljare', message: 'Formelresultatet 61,3333333333333 avrundades till 61,33 (värden lagras med två decimaler).' },
      { row: 9, column: 'Täljare', message: 'Formelresultatet 101,333333333333 avrundades till 101,33 (värden lagras med två decimaler).' },
    ]);
    expect(p.totals).toEqual([
      expect.objectContaining({ row: 9, unitId: 'hemtjanst', metricKey: 'manager_sick_leave', status: 'consistent', isStored: false, rowsBelow: 2, file: { numerator: 101.33, denominator: 4400 }, below: { numerator: 101.33, denominator: 4400 } }),
      expect.objectContaining({ row: 10, unitId: 'hemtjanst', metricKey: 'staff_turnover', status: 'consistent', isStored: false, below: { numerator: 6, denominator: 70 } }),
    ]);
    expect(p.totals[1]?.message).toMatch(/^Stämmer med summan av filens 2 rader under \(6 \/ 70\)\. Sparas inte/);
    expect(p.changes.map((c) => [c.unitId, c.metricKey])).toEqual([
      ['hemtjanst-hemtjanst-oster', 'manager_sick_leave'],
      ['hemtjanst-hemtjanst-oster', 'staff_turnover'],
      ['hemtjanst-hemtjanst-vaster', 'manager_sick_leave'],
      ['hemtjanst-hemtjanst-vaster', 'staff_turnover'],
    ]);
  });

  it('imports the units’ rows only: the area’s figure is their sum, not counted twice', async () => {
    const res = await upload(file, 'heroma.xlsx');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rowsRead: 6, rowsValid: 4, totalsSkipped: 2 });
    expect(stored(db, 'hemtjanst-hemtjanst-oster', 'manager_sick_leave', YEAR)).toEqual({ numerator: 61.33, denominator: 2400, groupSize: 12 });
    expect(stored(db, 'hemtjanst-hemtjanst-vaster', 'staff_turnover', YEAR)).toEqual({ numerator: 2, denominator: 30, groupSize: null });
    expect(stored(db, 'hemtjanst', 'staff_turnover', YEAR)).toBeUndefined();
    expect(await figure(app, cookie, 'staff_turnover', 'hemtjanst', YEAR)).toMatchObject({ numerator: 6, denominator: 70, suppressed: false });
    expect(await figure(app, cookie, 'manager_sick_leave', 'hemtjanst', YEAR)).toMatchObject({ numerator: 101.33, denominator: 4400, suppressed: false });
    expect(await figure(app, cookie, 'staff_turnover', 'soc', YEAR)).toMatchObject({ numerator: 6, denominator: 70 });
  });

  it('reads another sheet when asked, and says which sheets there are when the name is wrong', async () => {
    const info = await upload(file, 'heroma.xlsx', { dryRun: true, fields: { sheet: 'Info' } });
    expect(await previewOf(info)).toMatchObject({ sheet: 'Info', needsMapping: true });
    const wrong = await upload(file, 'heroma.xlsx', { dryRun: true, fields: { sheet: 'Blad1' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ message: 'Bladet "Blad1" finns inte i arbetsboken. Bladen: "Info", "Data".', details: [{ path: 'body.sheet' }] });
  });
});

describe('a subtotal that differs from its units', () => {
  const lines = [
    'Enhet;Nyckeltal;År;Täljare;Nämnare',
    `Ekbacken;Personalomsättning;${YEAR};5;40`,
    `Lindgården;Personalomsättning;${YEAR};3;45`,
    `Vård- och omsorgsboende;Personalomsättning;${YEAR};10;100`,
  ];

  it('is a warning with both numbers, and is not stored: the area is the sum of its units', async () => {
    const p = await previewOf(await upload(windows1252(lines), 'vob.csv', { dryRun: true }));
    expect(p.errors).toEqual([]);
    expect(p.totals).toEqual([expect.objectContaining({ row: 4, unitId: 'vob', status: 'differs', isStored: false, file: { numerator: 10, denominator: 100 }, below: { numerator: 8, denominator: 85 } })]);
    expect(p.totals[0]?.message).toMatch(/^Skiljer sig från summan av filens 2 rader under: raden har 10 \/ 100, raderna under 8 \/ 85\. Raden sparas inte\./);
    const res = await upload(windows1252(lines), 'vob.csv');
    expect(res.statusCode).toBe(201);
    expect(stored(db, 'vob', 'staff_turnover', YEAR)).toBeUndefined();
    expect(await figure(app, cookie, 'staff_turnover', 'vob', YEAR)).toMatchObject({ numerator: 8, denominator: 85 });
  });

  it('is stored as the area’s own figure only when chosen (parentRows=own), beside its units', async () => {
    const p = await previewOf(await upload(windows1252(lines), 'vob.csv', { dryRun: true, fields: { parentRows: 'own' } }));
    expect(p).toMatchObject({ parentRows: 'own', rowsValid: 3 });
    expect(p.totals[0]).toMatchObject({ status: 'differs', isStored: true });
    const res = await upload(windows1252(lines), 'vob.csv', { fields: { parentRows: 'own' } });
    expect(res.statusCode).toBe(201);
    expect(stored(db, 'vob', 'staff_turnover', YEAR)).toEqual({ numerator: 10, denominator: 100, groupSize: null });
    expect(await figure(app, cookie, 'staff_turnover', 'vob', YEAR)).toMatchObject({ numerator: 18, denominator: 185 });
    const bad = await upload(windows1252(lines), 'vob.csv', { dryRun: true, fields: { parentRows: 'both' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.parentRows');
  });
});

describe('a CSV from Swedish Excel with a sep= line, a title row, and å ä ö only after the first 64 kB', () => {
  it('reads it as Windows-1252 from the first byte, names rows as Excel shows them, and imports', async () => {
    const units = db.prepare("SELECT id FROM units WHERE parent_id IN ('ifo', 'funktionsstod') AND valid_to IS NULL ORDER BY id").pluck().all() as string[];
    const lines = ['sep=;', 'Personalomsättning per enhet;;;;', 'Enhet;Nyckeltal;År;Täljare;Nämnare'];
    for (const u of units) for (let y = 1990; y < 2019; y++) for (const m of ['staff_turnover', 'manager_turnover_external', 'manager_mobility_internal']) lines.push(`${u};${m};${y};1;20`);
    lines.push(`Försörjningsstöd;Personalomsättning;${YEAR};2;25`, `Våld i nära relationer;Personalomsättning;${YEAR};3;30`);
    const file = windows1252(lines);
    expect(file.indexOf(Buffer.from('Försörjningsstöd', 'latin1'))).toBeGreaterThan(64 * 1024);

    const p = await previewOf(await upload(file, 'personec.csv', { dryRun: true }));
    expect(p).toMatchObject({ encoding: 'windows-1252', separator: ';', headerRow: 2, errors: [], rowsValid: lines.length - 3 });
    const res = await upload(file, 'personec.csv');
    expect(res.statusCode).toBe(201);
    expect(stored(db, 'ifo-forsorjningsstod', 'staff_turnover', YEAR)).toEqual({ numerator: 2, denominator: 25, groupSize: null });
    expect(await figure(app, cookie, 'staff_turnover', 'ifo', YEAR)).toMatchObject({ numerator: 5, denominator: 55 });
  });
});

describe('Excel’s "Unicode text": UTF-16, tab-separated, names typed on a Mac, a rate above 100 %, a missing group size', () => {
  const rows = [
    ['Rapport från Visma', '', '', '', '', ''],
    HEAD,
    ['Rehab Öster'.normalize('NFD'), 'Extern chefsomsättning', String(YEAR), '2', '1', ''],
    ['Rehab Väster'.normalize('NFD'), 'Extern chefsomsättning', String(YEAR), '0', '1', ''],
    ['Demensteamet', 'Sjukfrånvaro bland chefer', String(YEAR), '12,5', '1 234,50', ''],
    ['Hälso- och sjukvård'.normalize('NFD'), 'Extern chefsomsättning', String(YEAR), '2', '2', ''],
  ];

  it('previews: read as UTF-16, the NFD names found, the rate accepted, the missing group size warned about', async () => {
    const p = await previewOf(await upload(unicodeText(rows), 'visma.txt', { dryRun: true }));
    expect(p).toMatchObject({ encoding: 'utf-16le', separator: '\t', headerRow: 2, errors: [], rowsValid: 3 });
    expect(p.warnings).toEqual([{ row: 5, column: 'Gruppstorlek', message: GROUP_SIZE_WARNING }]);
    expect(p.totals).toEqual([expect.objectContaining({ row: 6, unitId: 'hsl', status: 'consistent', isStored: false })]);
  });

  it('imports: 200 % turnover stored for one unit, the area the sum of its units', async () => {
    const res = await upload(unicodeText(rows), 'visma.txt');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ warningsTotal: 1, totalsSkipped: 1 });
    expect(stored(db, 'hsl-rehab-oster', 'manager_turnover_external', YEAR)).toEqual({ numerator: 2, denominator: 1, groupSize: null });
    expect(stored(db, 'hsl-demensteamet', 'manager_sick_leave', YEAR)).toEqual({ numerator: 12.5, denominator: 1234.5, groupSize: null });
    expect(stored(db, 'hsl', 'manager_turnover_external', YEAR)).toBeUndefined();
    // The unit of one manager is hidden; the area's denominator is the units' 2, not 4.
    expect(await figure(app, cookie, 'manager_turnover_external', 'hsl-rehab-oster', YEAR)).toMatchObject({ suppressed: true, value: null });
    expect(stored(db, 'hsl-rehab-vaster', 'manager_turnover_external', YEAR)).toEqual({ numerator: 0, denominator: 1, groupSize: null });
  });
});

describe('a total row that names no unit ("Totalt")', () => {
  it('is checked against the whole file and never stored', async () => {
    const lines = ['Enhet;Nyckeltal;År;Täljare;Nämnare', `Mottagningsenheten;Personalomsättning;${YEAR};1;20`, `Vuxenenheten;Personalomsättning;${YEAR};2;21`, `Totalt;Personalomsättning;${YEAR};3;41`];
    const p = await previewOf(await upload(windows1252(lines), 'totalt.csv', { dryRun: true }));
    expect(p.totals).toEqual([expect.objectContaining({ row: 4, unitId: null, status: 'consistent', isStored: false })]);
    expect(p.totals[0]?.message).toMatch(/Raden namnger ingen enhet och sparas inte\.$/);
    expect(p).toMatchObject({ errors: [], rowsValid: 2 });
  });
});

describe('files a clerk can fix from the message', () => {
  it('refuses a share above 100 %, naming row, column, what was found and what to do, and stores nothing', async () => {
    const before = db.prepare('SELECT count(*) FROM metric_values').pluck().get();
    const res = await upload(windows1252(['Enhet;Nyckeltal;År;Täljare;Nämnare', `Ekbacken;Andel chefer som lett samma enhet i tre år eller mer;${YEAR};3;2`]), 'andel.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        row: 2,
        column: 'Täljare',
        message:
          'Täljaren (3) är större än nämnaren (2), men "Andel chefer som lett samma enhet i tre år eller mer" är en andel och kan inte överstiga 100 %. Kontrollera att täljare och nämnare inte har bytt plats.',
      },
    ]);
    expect(db.prepare('SELECT count(*) FROM metric_values').pluck().get()).toBe(before);
  });

  it('refuses a group size that contradicts a person-count denominator (tenure 1 of 1, group size 50)', async () => {
    const res = await upload(windows1252(['Enhet;Nyckeltal;År;Täljare;Nämnare;Gruppstorlek', `Boendestöd;manager_tenure_3y;${YEAR};1;1;50`]), 'grupp.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ row: 2, column: 'Gruppstorlek', message: expect.stringMatching(/^Gruppstorleken 50 stämmer inte med nämnaren 1: .* Lämna gruppstorlek tom eller skriv 1\.$/) }]);
    expect(stored(db, 'funktionsstod-boendestod', 'manager_tenure_3y', YEAR)).toBeUndefined();
  });

  it('shows a typed number with too many decimals as Excel shows it, with decimal comma', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow(HEAD);
    sheet.addRow(['Ekbacken', 'Sjukfrånvaro bland chefer', YEAR, 61.3333, 3680, 12]);
    const res = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'typed.xlsx');
    expect(res.json().errors).toEqual([{ row: 2, column: 'Täljare', message: '"61,3333" har fler än två decimaler. Avrunda till två decimaler (61,33).' }]);
  });

  it('names the header that could not be found and says where it should be', async () => {
    const res = await upload(windows1252(['Rapport', 'Enhet;Mått;År;Antal;Bas', `Ekbacken;staff_turnover;${YEAR};1;2`]), 'okand.csv', { dryRun: true });
    const p = await previewOf(res);
    expect(p).toMatchObject({ needsMapping: true, headerRow: 2, headers: ['Enhet', 'Mått', 'År', 'Antal', 'Bas'] });
    expect(p.errors[0]?.message).toMatch(/^Kolumnen "nyckeltal" saknas i rubrikraden\. Rubrikraden ska ha kolumnerna .* bland de 20 första raderna/);
  });
});
