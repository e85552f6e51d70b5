import { importPreviewSchema, importResultSchema, valuesResponseSchema } from '@tillit/domain';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
let cookie: string;
const YEAR = new Date().getFullYear();

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
});
afterAll(() => app.close());

/** A real multipart/form-data body, as a browser would send it. */
async function multipart(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), fileName);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

async function upload(bytes: Uint8Array, fileName: string, options: { query?: string; fields?: Record<string, string>; as?: string } = {}) {
  const { payload, contentType } = await multipart(bytes, fileName, options.fields);
  return app.inject({
    method: 'POST',
    url: `/api/imports${options.query ?? ''}`,
    headers: { cookie: options.as ?? cookie, 'content-type': contentType },
    payload,
  });
}

const NOT_A_NUMBER = (text: string) => `"${text}" är inte ett tal. Skriv bara siffror, med decimalkomma (t.ex. 12,5), utan enhet eller procenttecken.`;
const DUPLICATE = (row: number) => `Dubblett: samma enhet, nyckeltal och år som rad ${row}. Ta bort en av raderna, eller rätta enhet, nyckeltal eller år.`;

/** The bytes Swedish Excel writes with "Spara som CSV": `;`, decimal comma, Windows-1252. */
const excel = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');

const snapshot = () =>
  db.prepare('SELECT unit_id, metric_key, year, numerator_c, denominator_c, group_size, source_id, batch_id FROM metric_values ORDER BY 1, 2, 3').all();

async function point(metric: string, unit: string, year: number) {
  const res = await app.inject({ method: 'GET', url: `/api/values?metric=${metric}&unit=${unit}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return valuesResponseSchema.parse(res.json()).points.find((p) => p.year === year);
}

describe('POST /api/imports', () => {
  const file = excel([
    'Enhet;Nyckeltal;År;Täljare;Nämnare;Källa',
    `Hemtjänst Öster;Personalomsättning;${YEAR};6;40;Äldreomsorg HR-system`,
    `hemtjanst-hemtjanst-oster;manager_sick_leave;${YEAR};12,5;1 234,50;`,
  ]);

  it('previews a Swedish Excel CSV (Windows-1252) without writing anything', async () => {
    const before = snapshot();
    const res = await upload(file, 'export.csv', { query: '?dryRun=true' });
    expect(res.statusCode).toBe(200);
    const body = importPreviewSchema.parse(res.json());
    expect(body).toMatchObject({ batchId: null, rowsRead: 2, rowsValid: 2, errors: [], fileName: 'export.csv' });
    expect(body.changes).toContainEqual({
      unitId: 'hemtjanst-hemtjanst-oster',
      metricKey: 'manager_sick_leave',
      year: YEAR,
      old: null,
      oldReason: null,
      new: { numerator: 12.5, denominator: 1234.5 },
    });
    expect(snapshot()).toEqual(before);
  });

  it('takes dryRun as a form field too', async () => {
    const res = await upload(file, 'export.csv', { fields: { dryRun: 'true' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().batchId).toBeNull();
  });

  let batchId: number;
  it('imports it, and /api/values shows the new figure with its source', async () => {
    const res = await upload(file, 'export.csv');
    expect(res.statusCode).toBe(201);
    const body = importResultSchema.parse(res.json());
    expect(body).toMatchObject({ rowsRead: 2, rowsValid: 2, errors: [] });
    batchId = body.batchId;
    const p = await point('staff_turnover', 'hemtjanst-hemtjanst-oster', YEAR);
    expect(p).toMatchObject({ numerator: 6, denominator: 40, value: 15, source: 'Äldreomsorg HR-system' });
    const stored = db
      .prepare("SELECT v.batch_id, s.name FROM metric_values v JOIN sources s ON s.id = v.source_id WHERE metric_key = 'manager_sick_leave' AND year = ? AND unit_id = 'hemtjanst-hemtjanst-oster'")
      .get(YEAR);
    expect(stored).toEqual({ batch_id: batchId, name: 'Import: export.csv' });
    const list = await app.inject({ method: 'GET', url: '/api/imports', headers: { cookie } });
    expect(list.json().batches[0]).toMatchObject({ id: batchId, fileName: 'export.csv', createdBy: 'utvecklingschef', rowsWritten: 2, undoneAt: null });
    const logged = db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'import' AND entity_id = ?").pluck().get(String(batchId));
    expect(logged).toBe(1);
  });

  it('refuses a file with one bad row (422), naming the row and column, and writes nothing', async () => {
    const before = snapshot();
    const batches = db.prepare('SELECT count(*) FROM import_batches').pluck().get();
    const bad = excel([
      'enhet;nyckeltal;år;täljare;nämnare',
      `vob-ekbacken;staff_turnover;${YEAR};10;200`,
      `vob-ekbacken;staff_turnover;${YEAR - 1};10;abc`,
      `vob-lindgarden;staff_turnover;${YEAR};10;200`,
    ]);
    const res = await upload(bad, 'fel.csv');
    expect(res.statusCode).toBe(422);
    const body = importPreviewSchema.parse(res.json());
    expect(body.errors).toEqual([{ row: 3, column: 'nämnare', message: NOT_A_NUMBER('abc') }]);
    expect(body).toMatchObject({ rowsRead: 3, rowsValid: 2, batchId: null });
    expect(snapshot()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(batches);
  });

  it('reports a duplicate row', async () => {
    const dup = excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `soc;staff_turnover;${YEAR};1;20`, `soc;Personalomsättning;${YEAR};2;20`]);
    const res = await upload(dup, 'dubbel.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ row: 3, column: null, message: DUPLICATE(2) }]);
  });

  it('undo restores the earlier values exactly, and removes the added ones', async () => {
    const [year] = db.prepare("SELECT max(year) FROM metric_values WHERE unit_id = 'hemtjanst-hemtjanst-norr' AND metric_key = 'staff_turnover'").raw().get() as [number];
    const before = snapshot();
    const res = await upload(
      excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `hemtjanst-hemtjanst-norr;staff_turnover;${year};3;33`, `hemtjanst-hemtjanst-norr;staff_turnover;${YEAR};1;30`]),
      'andra.csv',
    );
    expect(res.statusCode).toBe(201);
    const second = res.json().batchId as number;
    expect(await point('staff_turnover', 'hemtjanst-hemtjanst-norr', year)).toMatchObject({ numerator: 3, denominator: 33 });

    const undo = await app.inject({ method: 'DELETE', url: `/api/imports/${second}`, headers: { cookie } });
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toEqual({ batchId: second, restored: 2 });
    expect(snapshot()).toEqual(before);
    expect((await point('staff_turnover', 'hemtjanst-hemtjanst-norr', year))?.denominator).not.toBe(33);

    const again = await app.inject({ method: 'DELETE', url: `/api/imports/${second}`, headers: { cookie } });
    expect(again.statusCode).toBe(409);
    const unknown = await app.inject({ method: 'DELETE', url: '/api/imports/9999', headers: { cookie } });
    expect(unknown.statusCode).toBe(404);
  });

  it('will not undo a batch whose values a later batch has changed (409), until that one is undone', async () => {
    const first = await upload(excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `hemtjanst-nattpatrullen;staff_turnover;${YEAR};50;1000`]), 'a.csv');
    const later = await upload(excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `hemtjanst-nattpatrullen;staff_turnover;${YEAR};60;1000`]), 'b.csv');
    const del = (id: number) => app.inject({ method: 'DELETE', url: `/api/imports/${id}`, headers: { cookie } });
    const blocked = await del(first.json().batchId);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/senare import/);
    expect((await del(later.json().batchId)).statusCode).toBe(200);
    expect((await del(first.json().batchId)).statusCode).toBe(200);
    expect(db.prepare("SELECT count(*) FROM metric_values WHERE unit_id = 'hemtjanst-nattpatrullen' AND year = ?").pluck().get(YEAR)).toBe(0);
  });

  it('lets neither a unit manager nor a politician import', async () => {
    for (const username of ['enhetschef', 'politiker']) {
      const res = await upload(file, 'export.csv', { as: await signIn(app, username) });
      expect(res.statusCode).toBe(403);
    }
  });

  it('imports the first sheet of an XLSX workbook, naming rows as Excel does', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Värden');
    sheet.addRow(['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare', 'Källa']);
    sheet.addRow(['Hemtjänst Väster', 'Sjukfrånvaro bland chefer', YEAR, 3.42, 100, 'Äldreomsorg HR']);
    sheet.addRow(['hemtjanst-hemtjanst-vaster', 'staff_turnover', YEAR, { formula: '1+2', result: 3 }, 50]);
    workbook.addWorksheet('Annat').addRow(['ignoreras']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const preview = await upload(bytes, 'hr.xlsx', { query: '?dryRun=true' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ rowsRead: 2, rowsValid: 2, errors: [] });
    const res = await upload(bytes, 'hr.xlsx');
    expect(res.statusCode).toBe(201);
    expect(await point('staff_turnover', 'hemtjanst-hemtjanst-vaster', YEAR)).toMatchObject({ numerator: 3, denominator: 50 });

    sheet.getRow(3).getCell(5).value = 'noll';
    const bad = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'hr.xlsx');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ row: 3, column: 'Nämnare', message: NOT_A_NUMBER('noll') }]);
  });

  it('answers garbage, broken XLSX and old XLS files with 415, not 500', async () => {
    const garbage = new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]);
    const res = await upload(garbage, 'bild.png');
    expect(res.statusCode).toBe(415);
    const xlsx = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'data.xlsx');
    expect(xlsx.statusCode).toBe(415);
    expect(xlsx.json().error.message).toMatch(/CSV/);
    const xls = await upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'gammal.xls');
    expect(xls.statusCode).toBe(415);
    expect(xls.json().error.message).toMatch(/\.xls/);
    const json = await app.inject({ method: 'POST', url: '/api/imports', headers: { cookie, 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(415);
  });

  it('names the missing columns of a text file that is not an import (422)', async () => {
    const res = await upload(Buffer.from('hello world\nfoo bar\n'), 'notes.txt');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ row: 1, column: 'enhet' });
  });

  it('accepts files above the default 1 MB body limit', async () => {
    const padded = Buffer.from(`Enhet;Nyckeltal;År;Täljare;Nämnare\r\nvob-ekbacken;staff_turnover;${YEAR};1;20\r\n${'\r\n'.repeat(1_500_000)}`);
    const res = await upload(padded, 'lang.csv', { query: '?dryRun=1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rowsRead: 1, rowsValid: 1, errors: [] });
  });

  it('refuses a file over the configured size (IMPORT_MAX_MB) with 413, and writes nothing', async () => {
    const small = await buildApp({ db, importMaxBytes: 1024 * 1024 });
    await small.ready();
    try {
      const before = snapshot();
      const big = Buffer.concat([Buffer.from(`Enhet;Nyckeltal;År;Täljare;Nämnare\r\nsoc;staff_turnover;${YEAR};1;20\r\n`), Buffer.alloc(1024 * 1024, 0x0a)]);
      const { payload, contentType } = await multipart(big, 'stor.csv');
      const res = await small.inject({ method: 'POST', url: '/api/imports', headers: { cookie, 'content-type': contentType }, payload });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toMatch(/1 MB/);
      expect(snapshot()).toEqual(before);
    } finally {
      await small.close();
    }
  });
});

describe('POST /api/imports with headers it does not know', () => {
  const unfamiliar = excel(['Enhetskod;KPI;Period;Antal;Bas', `vob-ekbacken;staff_turnover;${YEAR};3;30`, `hemtjanst-hemtjanst-oster;staff_turnover;${YEAR - 1};3;30`]);
  const chosen = { unit: 'Enhetskod', metric: 'KPI', year: 'Period', numerator: 'Antal', denominator: 'Bas' };

  it('answers the dry run with the file\'s headers and a suggested mapping', async () => {
    const res = await upload(unfamiliar, 'kpi.csv', { query: '?dryRun=true' });
    expect(res.statusCode).toBe(200);
    const body = importPreviewSchema.parse(res.json());
    expect(body).toMatchObject({ needsMapping: true, headers: ['Enhetskod', 'KPI', 'Period', 'Antal', 'Bas'], mapping: chosen, rowsValid: 0, changes: [] });
    expect(body.errors.map((e) => e.column)).toEqual(['enhet', 'nyckeltal', 'år', 'täljare', 'nämnare']);
  });

  it('previews and imports with an explicit mapping, sent before or after the file', async () => {
    const preview = await upload(unfamiliar, 'kpi.csv', { query: '?dryRun=true', fields: { mapping: JSON.stringify(chosen) } });
    expect(preview.statusCode).toBe(200);
    expect(importPreviewSchema.parse(preview.json())).toMatchObject({ needsMapping: false, rowsRead: 2, rowsValid: 2, errors: [], changesTotal: 2, mapping: chosen });

    // Fields after the file part: the route reads the whole body before it imports.
    const form = new FormData();
    form.append('file', new Blob([unfamiliar]), 'kpi.csv');
    form.append('mapping', JSON.stringify(chosen));
    const r = new Response(form);
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { cookie, 'content-type': r.headers.get('content-type')! },
      payload: Buffer.from(await r.arrayBuffer()),
    });
    expect(res.statusCode).toBe(201);
    expect(await point('staff_turnover', 'hemtjanst-hemtjanst-oster', YEAR - 1)).toMatchObject({ numerator: 3, denominator: 30 });
    expect((await app.inject({ method: 'DELETE', url: `/api/imports/${res.json().batchId}`, headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a mapping that is not JSON of our fields (400), or names a header the file lacks', async () => {
    for (const mapping of ['{not json', '{"colour":"Bas"}', '["unit"]']) {
      const res = await upload(unfamiliar, 'kpi.csv', { query: '?dryRun=true', fields: { mapping } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.mapping');
    }
    const res = await upload(unfamiliar, 'kpi.csv', { query: '?dryRun=true', fields: { mapping: JSON.stringify({ ...chosen, year: 'År' }) } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ needsMapping: true, errors: [{ row: 1, column: 'År', message: 'Kolumnen "År" finns inte i filens rubrikrad.' }] });
  });
});

describe('POST /api/imports with large files', () => {
  it('lists the first 200 errors and changes, with their totals', async () => {
    const units = db.prepare("SELECT id FROM units WHERE kind = 'unit' ORDER BY id LIMIT 30").pluck().all() as string[];
    const lines = ['Enhet;Nyckeltal;År;Täljare;Nämnare'];
    for (const u of units) for (let y = 1991; y <= 2000; y++) lines.push(`${u};staff_turnover;${y};1;20`);
    for (let i = 0; i < 250; i++) lines.push(`okänd-${i};staff_turnover;2000;1;20`);
    const valid = units.length * 10;
    expect(valid).toBeGreaterThan(200);
    const res = await upload(excel(lines), 'stor.csv', { query: '?dryRun=true' });
    expect(res.statusCode).toBe(200);
    const body = importPreviewSchema.parse(res.json());
    expect(body).toMatchObject({ rowsRead: valid + 250, rowsValid: valid, errorsTotal: 250, changesTotal: valid });
    expect(body.errors).toHaveLength(200);
    expect(body.errors[0]).toEqual({ row: valid + 2, column: 'Enhet', message: expect.stringMatching(/^Enheten "okänd-0" finns inte\./) });
    expect(body.changes).toHaveLength(200);
    expect(body.changes[0]).toMatchObject({ unitId: units[0], year: 1991, old: null, oldReason: null });
  });

  it('names the row where a file that began as UTF-8 stops being UTF-8', async () => {
    const head = ['Enhet;Nyckeltal;År;Täljare;Nämnare;Källa'];
    const metrics = ['staff_turnover', 'manager_turnover_external', 'manager_tenure_3y', 'manager_sick_leave', 'manager_mobility_internal'];
    for (const m of metrics) for (let y = 1990; y < 2020; y++) head.push(`soc;${m};${y};1;20;Källa ${'å'.repeat(480)}`);
    const bytes = Buffer.concat([Buffer.from(head.join('\n') + '\n', 'utf8'), Buffer.from('soc;staff_turnover;2021;1;20;Östra\n', 'latin1')]);
    expect(bytes.indexOf(Buffer.from('Östra', 'latin1'))).toBeGreaterThan(64 * 1024);
    const res = await upload(bytes, 'blandad.csv', { query: '?dryRun=true' });
    const body = importPreviewSchema.parse(res.json());
    expect(body.errorsTotal).toBe(1);
    expect(body.errors[0]).toMatchObject({ row: 152, column: null, message: expect.stringMatching(/blandar två teckenkodningar/) });
  });

  it('finds a duplicate of a row that itself has errors', async () => {
    const res = await upload(excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `soc;staff_turnover;${YEAR};x;20`, `soc;staff_turnover;${YEAR};1;20`]), 'd.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 2, column: 'Täljare', message: NOT_A_NUMBER('x') },
      { row: 3, column: null, message: DUPLICATE(2) },
    ]);
  });
});
