import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KOLADA_SYNTHETIC_SOURCE,
  koladaImportResultSchema,
  koladaMappingSchema,
  koladaMappingsResponseSchema,
  koladaPreviewSchema,
  referenceSeriesResponseSchema,
} from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { KOLADA_DEMO_DIR, seedKoladaDemo } from '../services/kolada-demo.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
let cookie: string;

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
});
afterAll(() => app.close());

async function upload(text: string | Uint8Array, fileName: string, options: { query?: string; as?: string } = {}) {
  const form = new FormData();
  form.append('file', new Blob([text]), fileName);
  const res = new Response(form);
  return app.inject({
    method: 'POST',
    url: `/api/kolada/imports${options.query ?? ''}`,
    headers: { cookie: options.as ?? cookie, 'content-type': res.headers.get('content-type')! },
    payload: Buffer.from(await res.arrayBuffer()),
  });
}

const snapshot = () => ({
  values: db.prepare('SELECT * FROM kolada_values ORDER BY kpi, municipality, ou, period, gender').all(),
  imports: db.prepare('SELECT count(*) FROM kolada_imports').pluck().get(),
  audit: db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'kolada_import'").pluck().get(),
});

const series = async (metric: string, as = cookie) => {
  const res = await app.inject({ method: 'GET', url: `/api/reference-series?metric=${metric}`, headers: { cookie: as } });
  expect(res.statusCode, res.body).toBe(200);
  return referenceSeriesResponseSchema.parse(res.json());
};

/** A real-looking page (not synthetic): what a user saves from api.kolada.se. */
const page = (period: number, total: number | null, extra: object = {}) =>
  JSON.stringify({
    values: [
      {
        kpi: 'N00090',
        municipality: '0680',
        period,
        values: [
          { gender: 'T', status: total === null ? 'Saknas' : '', value: total, count: 1 },
          { gender: 'K', status: '', value: 9.1, count: 1 },
        ],
      },
    ],
    count: 1,
    next_url: null,
    ...extra,
  });

describe('the demo', () => {
  it('loads the synthetic example pages, labelled synthetic, as the reference line for sick leave', async () => {
    const [s] = await series('manager_sick_leave');
    expect(s).toMatchObject({ kpi: 'N00090', municipality: '0680', gender: 'T', isSynthetic: true, source: KOLADA_SYNTHETIC_SOURCE, sourceUrl: null });
    expect(s!.label.sv).toBe('Sjukfrånvaro, alla anställda i kommunen (Kolada N00090)');
    expect(s!.points.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    // Plausible for all municipal employees: 6–8 %.
    for (const p of s!.points) expect(p.value! >= 6 && p.value! <= 8.5).toBe(true);
    const [turnover] = await series('staff_turnover');
    expect(turnover).toMatchObject({ kpi: 'N00216', isSynthetic: true });
  });

  it('gives an empty list for a metric without a mapping, and 400 for an unknown metric', async () => {
    expect(await series('manager_tenure_3y')).toEqual([]);
    const res = await app.inject({ method: 'GET', url: '/api/reference-series?metric=nope', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('query.metric');
  });

  it('lets every signed-in role read reference series: they are published municipality-wide figures', async () => {
    for (const user of ['enhetschef', 'politiker']) expect((await series('manager_sick_leave', await signIn(app, user))).length).toBe(1);
    const anonymous = await app.inject({ method: 'GET', url: '/api/reference-series?metric=manager_sick_leave' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('POST /api/kolada/imports', () => {
  it('previews without writing: rows read and valid, what it would replace, and unmapped KPIs', async () => {
    const before = snapshot();
    const text = JSON.stringify([JSON.parse(page(2023, 7.4)), { values: [{ kpi: 'U00002', municipality: '0680', period: 2023, values: [{ gender: 'T', value: 1 }] }], count: 1 }]);
    const res = await upload(text, 'kolada.json', { query: '?dryRun=true' });
    expect(res.statusCode, res.body).toBe(200);
    const body = koladaPreviewSchema.parse(res.json());
    expect(body).toMatchObject({ importId: null, rowsRead: 3, rowsValid: 3, replaced: 3, isSynthetic: false, unmappedKpis: ['U00002'], errors: [] });
    expect(body.rows[0]).toMatchObject({ kpi: 'N00090', period: 2023, gender: 'T', value: 7.4, metricKey: 'manager_sick_leave', old: { value: 7.2 } });
    expect(snapshot()).toEqual(before);
  });

  it('imports a real page in one transaction: the year is replaced, with the Kolada source and URL', async () => {
    const res = await upload(page(2023, null), 'n00090-2023.json');
    expect(res.statusCode, res.body).toBe(201);
    const body = koladaImportResultSchema.parse(res.json());
    expect(body).toMatchObject({ rowsRead: 2, rowsWritten: 2, replaced: 3, isSynthetic: false });
    const [s] = await series('manager_sick_leave');
    const p2023 = s!.points.find((p) => p.year === 2023)!;
    expect(p2023).toMatchObject({ value: null, status: 'Saknas', isSynthetic: false });
    expect(p2023.source).toMatch(/^Kolada \(RKA\), N00090, importerad \d{4}-\d{2}-\d{2} från filen n00090-2023\.json$/);
    // Mixed now: the series says synthetic as long as any point is.
    expect(s!.isSynthetic).toBe(true);
    expect(s!.source).toContain(KOLADA_SYNTHETIC_SOURCE);
    expect(s!.sourceUrl).toBe('https://api.kolada.se/v3/data/kpi/N00090/municipality/0680/year/2023');
    // The M figure of 2023 (from the demo page) is gone: a re-import replaces the whole year.
    expect(db.prepare("SELECT gender FROM kolada_values WHERE kpi = 'N00090' AND period = 2023 ORDER BY gender").pluck().all()).toEqual(['K', 'T']);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'kolada_import'").pluck().get()).toBe(1);
  });

  it('never loads the demo pages over figures already stored', () => {
    const before = snapshot();
    expect(seedKoladaDemo(db)).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('keeps a saved demo page synthetic however it is imported', async () => {
    const text = readFileSync(join(KOLADA_DEMO_DIR, 'n00216-0680-v2.json'), 'utf8');
    const res = await upload(text, 'exempel.json');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().isSynthetic).toBe(true);
    const [s] = await series('staff_turnover');
    expect(s!.points.every((p) => p.isSynthetic && p.source === KOLADA_SYNTHETIC_SOURCE)).toBe(true);
  });

  it('refuses a page with errors (422, the preview body) and writes nothing', async () => {
    const before = snapshot();
    const bad = JSON.stringify({ values: [{ kpi: 'N00090', municipality: '0680', period: 2022, values: [{ gender: 'X', value: 1 }, { gender: 'T', value: 5 }] }] });
    const res = await upload(bad, 'trasig.json');
    expect(res.statusCode).toBe(422);
    const body = koladaPreviewSchema.parse(res.json());
    expect(body.errors).toEqual([{ file: 'trasig.json', page: 1, path: 'values[0].values[0].gender', message: expect.stringMatching(/T \(totalt\)/) }]);
    expect(body.rowsRead).toBe(2);
    expect(body.rowsValid).toBe(1);
    expect(snapshot()).toEqual(before);
  });

  it('says a file that is not Kolada JSON is not, and writes nothing', async () => {
    const before = snapshot();
    const csv = await upload('Enhet;År;Värde\n', 'fel.csv');
    expect(csv.statusCode).toBe(422);
    expect(csv.json().errors[0].message).toMatch(/inte JSON/);
    const meta = await upload(JSON.stringify({ rows: [] }), 'meta.json', { query: '?dryRun=true' });
    expect(meta.statusCode).toBe(200);
    expect(meta.json().errors[0].message).toMatch(/saknar "values"/);
    expect(snapshot()).toEqual(before);
  });

  it('reads a page saved as UTF-16 with a byte-order mark (PowerShell 5.1’s Out-File)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(2021, 6.9), 'utf16le')]);
    const res = await upload(utf16, 'powershell.json', { query: '?dryRun=true' });
    expect(res.statusCode).toBe(200);
    expect(koladaPreviewSchema.parse(res.json())).toMatchObject({ errors: [], rowsValid: 2, rows: [{ kpi: 'N00090', period: 2021, gender: 'T', value: 6.9 }, { gender: 'K' }] });
  });

  it('says a saved KPI metadata page (/v3/kpi) is metadata, in Swedish', async () => {
    const meta = JSON.stringify({ count: 1, values: [{ id: 'N00090', title: 'Sjukfrånvaro, kommunalt anställda, andel (%)', description: '…', is_divided_by_gender: true }] });
    const res = await upload(meta, 'kpi.json');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ file: 'kpi.json', page: 1, path: '', message: expect.stringMatching(/^Sidan ser ut som Kolada-metadata .*inte värden/) }]);
  });

  it('creates no import for a page without values', async () => {
    const before = snapshot();
    const res = await upload(JSON.stringify({ values: [], count: 0, next_url: null }), 'tom.json');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toMatch(/^Inga värden att importera/);
    expect(snapshot()).toEqual(before);
  });

  it('asks for a file, and only the development manager may import', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/api/kolada/imports',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(none.statusCode).toBe(400);
    const um = await upload(page(2022, 7), 'a.json', { as: await signIn(app, 'enhetschef') });
    expect(um.statusCode).toBe(403);
  });
});

describe('/api/kolada/mappings', () => {
  const url = '/api/kolada/mappings';
  const label = { sv: 'Chefers sjukfrånvaro (exempel)', en: "Managers' sick leave (example)" };

  it('lists the two default mappings', async () => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const { mappings } = koladaMappingsResponseSchema.parse(res.json());
    expect(mappings.map((m) => [m.kpi, m.metricKey])).toEqual([
      ['N00090', 'manager_sick_leave'],
      ['N00216', 'staff_turnover'],
    ]);
  });

  it('adds, changes and removes a mapping, each audited; a reference series follows the mapping', async () => {
    const created = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { kpi: 'N00091', metricKey: 'manager_sick_leave', label } });
    expect(created.statusCode, created.body).toBe(201);
    expect(koladaMappingSchema.parse(created.json())).toMatchObject({ kpi: 'N00091', label });
    const again = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { kpi: 'N00091', metricKey: 'manager_sick_leave', label } });
    expect(again.statusCode).toBe(409);

    const moved = await app.inject({ method: 'PUT', url: `${url}/N00216`, headers: { cookie }, payload: { metricKey: 'manager_turnover_external', label } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await series('staff_turnover')).length).toBe(0);
    expect((await series('manager_turnover_external'))[0]).toMatchObject({ kpi: 'N00216', label });

    const removed = await app.inject({ method: 'DELETE', url: `${url}/N00091`, headers: { cookie } });
    expect(removed.statusCode).toBe(204);
    const actions = db.prepare("SELECT action FROM audit_log WHERE entity = 'kolada_mapping' ORDER BY id").pluck().all();
    expect(actions).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input with 400 naming the field, an unknown KPI with 404, and changes nothing', async () => {
    const before = db.prepare('SELECT * FROM kolada_mappings ORDER BY kpi').all();
    const badKpi = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { kpi: 'n90', metricKey: 'staff_turnover', label } });
    expect(badKpi.statusCode).toBe(400);
    expect(badKpi.json().error.details[0].path).toBe('body.kpi');
    const badMetric = await app.inject({ method: 'PUT', url: `${url}/N00090`, headers: { cookie }, payload: { metricKey: 'nope', label } });
    expect(badMetric.statusCode).toBe(400);
    expect(badMetric.json().error.details[0].path).toBe('body.metricKey');
    const emptyLabel = await app.inject({ method: 'PUT', url: `${url}/N00090`, headers: { cookie }, payload: { metricKey: 'staff_turnover', label: { sv: ' ', en: 'x' } } });
    expect(emptyLabel.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'DELETE', url: `${url}/N99999`, headers: { cookie } });
    expect(unknown.statusCode).toBe(404);
    expect(db.prepare('SELECT * FROM kolada_mappings ORDER BY kpi').all()).toEqual(before);
  });
});
