import { importPreviewSchema, importResultSchema, valuesResponseSchema } from '@tillit/domain';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      `soc;staff_turnover;${YEAR};10;200`,
      `soc;staff_turnover;${YEAR - 1};10;abc`,
      `hemtjanst;staff_turnover;${YEAR};10;200`,
    ]);
    const res = await upload(bad, 'fel.csv');
    expect(res.statusCode).toBe(422);
    const body = importPreviewSchema.parse(res.json());
    expect(body.errors).toEqual([{ row: 3, column: 'nämnare', message: '"abc" är inte ett tal.' }]);
    expect(body).toMatchObject({ rowsRead: 3, rowsValid: 2, batchId: null });
    expect(snapshot()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(batches);
  });

  it('reports a duplicate row', async () => {
    const dup = excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `soc;staff_turnover;${YEAR};1;20`, `soc;Personalomsättning;${YEAR};2;20`]);
    const res = await upload(dup, 'dubbel.csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ row: 3, column: null, message: 'Dubblett: samma enhet, nyckeltal och år som rad 2.' }]);
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
    const first = await upload(excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `soc;staff_turnover;${YEAR};50;1000`]), 'a.csv');
    const later = await upload(excel(['Enhet;Nyckeltal;År;Täljare;Nämnare', `soc;staff_turnover;${YEAR};60;1000`]), 'b.csv');
    const del = (id: number) => app.inject({ method: 'DELETE', url: `/api/imports/${id}`, headers: { cookie } });
    const blocked = await del(first.json().batchId);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/senare import/);
    expect((await del(later.json().batchId)).statusCode).toBe(200);
    expect((await del(first.json().batchId)).statusCode).toBe(200);
    expect(db.prepare("SELECT count(*) FROM metric_values WHERE unit_id = 'soc' AND year = ?").pluck().get(YEAR)).toBe(0);
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
    expect(bad.json().errors).toEqual([{ row: 3, column: 'Nämnare', message: '"noll" är inte ett tal.' }]);
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
    const padded = Buffer.from(`Enhet;Nyckeltal;År;Täljare;Nämnare\r\nsoc;staff_turnover;${YEAR};1;20\r\n${'\r\n'.repeat(1_500_000)}`);
    const res = await upload(padded, 'lang.csv', { query: '?dryRun=1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rowsRead: 1, rowsValid: 1, errors: [] });
  });

  it('refuses a file over 50 MB with 413', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x61);
    const res = await upload(big, 'stor.csv');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/50 MB/);
  });
});
