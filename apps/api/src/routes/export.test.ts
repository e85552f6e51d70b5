import { valuesResponseSchema } from '@tillit/domain';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SOURCE } from '../demo/generate.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  ({ app } = await createTestApp());
  for (const who of ['utvecklingschef', 'enhetschef', 'politiker']) cookies[who] = await signIn(app, who);
});
afterAll(() => app.close());

const get = (url: string, who: string | null = 'utvecklingschef') =>
  app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who]! } : {} });

/** Splits a CSV without quoted separators (enough for these rows; the domain tests cover quoting). */
const rowsOf = (body: string, separator: string) =>
  body.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').map((l) => l.split(separator));

interface TreeNode {
  id: string;
  children: TreeNode[];
}
const leaves = (n: TreeNode): TreeNode[] => (n.children.length === 0 ? [n] : n.children.flatMap(leaves));

describe('GET /api/export/values.csv', () => {
  it("gives the department's sick leave for Swedish Excel: BOM, ;, decimal comma, CRLF, the real source", async () => {
    const res = await get('/api/export/values.csv?metric=manager_sick_leave&unit=soc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sjukfranvaro-bland-chefer_socialforvaltningen\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toContain('\r\n');
    const [header, ...rows] = rowsOf(res.body, ';');
    expect(header).toEqual(['År', 'Enhet', 'Nyckeltal', 'Värde', 'Täljare', 'Nämnare', 'Status', 'Källa']);
    const y2019 = rows.find((r) => r[0] === '2019')!;
    expect(y2019[3]).toBe('3,42');
    expect(y2019[6]).toBe('visas');
    expect(res.body).toContain(REAL_SOURCE);
  });

  it('gives the plain format on request: no BOM, commas, decimal point', async () => {
    const res = await get('/api/export/values.csv?metric=manager_sick_leave&unit=soc&format=plain');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload[0]).not.toBe(0xef);
    expect(res.body).toMatch(/\r\n2019,[^\r]*,3\.42,/);
  });

  it('writes no number for a hidden year of a unit, only why it is hidden', async () => {
    const tree = (await get('/api/units')).json() as TreeNode[];
    let checked = 0;
    for (const leaf of leaves(tree[0]!)) {
      const points = valuesResponseSchema.parse((await get(`/api/values?metric=manager_sick_leave&unit=${leaf.id}`)).json()).points;
      const hidden = new Set(points.filter((p) => p.suppressed).map((p) => String(p.year)));
      if (hidden.size === 0) continue;
      const [, ...rows] = rowsOf((await get(`/api/export/values.csv?metric=manager_sick_leave&unit=${leaf.id}`)).body, ';');
      for (const row of rows.filter((r) => hidden.has(r[0]!))) {
        expect(row.slice(3, 6)).toEqual(['', '', '']);
        expect(row[6]).toMatch(/^dold/);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lets a unit manager export, not a politician; asks for sign-in first', async () => {
    const url = '/api/export/values.csv?metric=manager_sick_leave&unit=soc';
    expect((await get(url, 'enhetschef')).statusCode).toBe(200);
    expect((await get(url, 'politiker')).statusCode).toBe(403);
    expect((await get(url, null)).statusCode).toBe(401);
    expect((await get('/api/export/values.xlsx?metric=manager_sick_leave&unit=soc', 'politiker')).statusCode).toBe(403);
    expect((await get('/api/export/values.xlsx?metric=manager_sick_leave&unit=soc', null)).statusCode).toBe(401);
  });

  it.each([
    'metric=manager_sick_leave',
    'unit=soc',
    'metric=manager_sick_leave&unit=soc&format=ods',
    'metric=nope&unit=soc',
    'metric=manager_sick_leave&unit=nope',
  ])('refuses %s with 400', async (query) => {
    const res = await get(`/api/export/values.csv?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toHaveProperty('error.code');
  });
});

describe('GET /api/export/values.xlsx', () => {
  it('parses back with numeric cells, a header row and an "Om" sheet', async () => {
    const res = await get('/api/export/values.xlsx?metric=manager_sick_leave&unit=soc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="sjukfranvaro-bland-chefer_socialforvaltningen\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Värden')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Värde');
    const y2019 = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 2019)!;
    expect(y2019.getCell(4).value).toBe(3.42);
    expect(typeof y2019.getCell(5).value).toBe('number');
    expect(typeof y2019.getCell(6).value).toBe('number');
    const about = workbook.getWorksheet('Om')!;
    const text = about.getSheetValues().flat().join(' ');
    expect(text).toContain('Sjukfrånvaro bland chefer');
    expect(text).toContain(REAL_SOURCE);
    expect(text).toMatch(/10 personer eller färre/);
  });

  it('refuses missing parameters with 400', async () => {
    expect((await get('/api/export/values.xlsx?metric=manager_sick_leave')).statusCode).toBe(400);
  });
});
