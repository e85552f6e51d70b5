import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
let dm: string;
let um: string;
let pol: string;

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  um = await signIn(app, 'enhetschef');
  pol = await signIn(app, 'politiker');
});
afterAll(() => app.close());

type Json = Record<string, unknown>;
const get = async (url: string, cookie = dm) => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.json() as Json & Json[] };
};
const send = async (method: 'PATCH' | 'POST' | 'PUT', url: string, payload: unknown, cookie = dm) => {
  const res = await app.inject({ method, url, payload: payload as Json, headers: { cookie } });
  return { status: res.statusCode, body: res.json() as Json };
};

interface SummaryMetric {
  key: string;
  target: { min: number | null; max: number | null } | null;
  isTargetMet: boolean | null;
}
interface OverviewBody {
  principles: { key: string; metrics: SummaryMetric[] }[];
}

const sickLeaveIn = async () => {
  const metrics = (await get('/api/metrics')).body as unknown as SummaryMetric[];
  const summary = (await get('/api/summary?unit=soc')).body as unknown as { metrics: SummaryMetric[] };
  const overview = (await get('/api/principles/overview?unit=soc')).body as unknown as OverviewBody;
  const inOverview = overview.principles.flatMap((p) => p.metrics).filter((m) => m.key === 'manager_sick_leave');
  return {
    catalogue: metrics.find((m) => m.key === 'manager_sick_leave')!,
    summary: summary.metrics.find((m) => m.key === 'manager_sick_leave')!,
    overview: inOverview,
  };
};

describe('editing the catalogue', () => {
  it('a new target for the latest year shows everywhere: the catalogue, the summary and the principles overview', async () => {
    const before = await sickLeaveIn();
    expect(before.summary.isTargetMet).toBe(true);
    expect(before.overview.length).toBeGreaterThan(0);
    expect(before.overview.every((m) => m.isTargetMet === true)).toBe(true);

    // A changed target needs the year it applies from: the years before keep theirs.
    const refused = await send('PATCH', '/api/metrics/manager_sick_leave', { target: { min: null, max: 1 } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('body.targetFrom');

    const res = await send('PATCH', '/api/metrics/manager_sick_leave', { target: { min: null, max: 1 }, targetFrom: 2025 });
    expect(res.status).toBe(200);
    expect(res.body.target).toEqual({ min: null, max: 1 });

    const after = await sickLeaveIn();
    expect(after.catalogue.target).toEqual({ min: null, max: 1 });
    expect(after.summary.target).toEqual({ min: null, max: 1 });
    expect(after.summary.isTargetMet).toBe(false);
    expect(after.overview.every((m) => m.isTargetMet === false && m.target?.max === 1)).toBe(true);
    // A target is not part of the definition: no new version.
    expect((await get('/api/metrics/manager_sick_leave/versions')).body).toEqual([]);
  });

  it('a definition change needs the year it applies from and a note, and shows in the versions', async () => {
    const definition = { sv: 'Ny definition: sjukfrånvarotimmar delat med schemalagd tid.', en: 'New definition: sick-leave hours over scheduled time.' };
    const refused = await send('PATCH', '/api/metrics/staff_turnover', { definition });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('body.definitionChange');

    const ok = await send('PATCH', '/api/metrics/staff_turnover', {
      definition,
      definitionChange: { fromYear: 2023, note: 'Pensionsavgångar räknas inte längre.' },
    });
    expect(ok.status).toBe(200);
    const { body } = await get('/api/metrics/staff_turnover/versions', pol);
    const versions = body as unknown as { version: number; validFromYear: number; note: string | null; definition: { sv: string } }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ validFromYear: 2023, note: 'Pensionsavgångar räknas inte längre.', definition });
    expect(versions[1]!.validFromYear).toBe(2019);
    expect(versions[1]!.definition.sv).not.toBe(definition.sv);
  });

  it('raising the suppression threshold hides more at once (the cached figures are recomputed)', async () => {
    // An area (a few hundred persons) is hidden by a threshold of 1000; the department (about 1 300) is not.
    const url = '/api/values?metric=staff_turnover&unit=funktionsstod';
    const before = (await get(url)).body as unknown as { points: { suppressed: boolean }[] };
    expect(before.points.some((p) => !p.suppressed)).toBe(true);
    expect((await send('PATCH', '/api/metrics/staff_turnover', { suppressionThreshold: 1000 })).status).toBe(200);
    const after = (await get(url)).body as unknown as { points: { suppressed: boolean; value: number | null }[] };
    expect(after.points.every((p) => p.suppressed && p.value === null)).toBe(true);
    expect((await send('PATCH', '/api/metrics/staff_turnover', { suppressionThreshold: 10 })).status).toBe(200);
  });

  it('refuses a threshold below 10 for health data, naming the field', async () => {
    const res = await send('PATCH', '/api/metrics/manager_sick_leave', { suppressionThreshold: 5 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('body.suppressionThreshold');
  });

  it('keeps health data health data: the sensitivity cannot be changed, nor the floor removed with it', async () => {
    const before = (await get('/api/metrics')).body.find((m) => m.key === 'manager_sick_leave');
    for (const payload of [
      { sensitivity: 'none', suppressionThreshold: null },
      { sensitivity: 'personal', suppressionThreshold: 3 },
      { sensitivity: 'none' },
    ]) {
      const res = await send('PATCH', '/api/metrics/manager_sick_leave', payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.body)).toContain('body.sensitivity');
      expect(String((res.body.error as Json).message)).toMatch(/Hälsodata/);
    }
    expect((await get('/api/metrics')).body.find((m) => m.key === 'manager_sick_leave')).toEqual(before);
    // Saying the same sensitivity again, with a threshold of ten or more, is fine.
    expect((await send('PATCH', '/api/metrics/manager_sick_leave', { sensitivity: 'health', suppressionThreshold: 12 })).status).toBe(200);
    expect((await send('PATCH', '/api/metrics/manager_sick_leave', { suppressionThreshold: 10 })).status).toBe(200);
  });

  it.each([
    [{ decimals: 9 }, 'decimals'],
    [{ goodDirection: 'sideways' }, 'goodDirection'],
    [{ target: { min: 5, max: 1 } }, 'target'],
    [{ suppressionThreshold: 0 }, 'suppressionThreshold'],
  ])('bad input %j is a 400 naming %s', async (payload, field) => {
    const res = await send('PATCH', '/api/metrics/staff_turnover', payload);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('an unknown metric is a 404', async () => {
    expect((await send('PATCH', '/api/metrics/no_such_metric', { decimals: 1 })).status).toBe(404);
    expect((await get('/api/metrics/no_such_metric/versions')).status).toBe(404);
  });

  it('unit managers and politicians may not write', async () => {
    for (const cookie of [um, pol]) {
      expect((await send('PATCH', '/api/metrics/staff_turnover', { decimals: 2 }, cookie)).status).toBe(403);
      expect((await send('PUT', '/api/principles/tillit', { name: { sv: 'x', en: 'x' }, description: { sv: 'x', en: 'x' } }, cookie)).status).toBe(403);
      expect((await send('PUT', '/api/principles/tillit/metrics', { metricKeys: [] }, cookie)).status).toBe(403);
    }
  });

  it('adds a metric and a principle, links them, and the overview shows the link', async () => {
    const metrics = (await get('/api/metrics')).body as unknown as Json[];
    const base = metrics.find((m) => m.key === 'staff_turnover')!;
    const created = await send('POST', '/api/metrics', { ...base, key: 'overtime_hours', principles: [], sortOrder: 99 });
    expect(created.status).toBe(201);
    expect((await send('POST', '/api/metrics', { ...base, key: 'overtime_hours' })).status).toBe(409);

    const principle = {
      key: 'langsiktighet',
      name: { sv: 'Långsiktighet', en: 'Long-term thinking' },
      description: { sv: 'Styr med långsiktiga mål.', en: 'Govern with long-term goals.' },
    };
    const p = await send('POST', '/api/principles', principle);
    expect(p.status).toBe(201);
    expect(p.body.sortOrder).toBe(8);
    const linked = await send('PUT', '/api/principles/langsiktighet/metrics', { metricKeys: ['overtime_hours', 'manager_tenure_3y'] });
    expect(linked.status).toBe(200);
    expect(linked.body.metrics).toEqual(expect.arrayContaining(['overtime_hours', 'manager_tenure_3y']));
    expect((await send('PUT', '/api/principles/langsiktighet/metrics', { metricKeys: ['nope_metric'] })).status).toBe(400);

    const renamed = await send('PUT', '/api/principles/langsiktighet', { ...principle, key: undefined, name: { sv: 'Långsiktighet', en: 'Long-termism' } });
    expect(renamed.status).toBe(200);

    const overview = (await get('/api/principles/overview', um)).body as unknown as OverviewBody;
    expect(overview.principles).toHaveLength(8);
    const lang = overview.principles.find((x) => x.key === 'langsiktighet')!;
    expect(lang.metrics.map((m) => m.key).sort()).toEqual(['manager_tenure_3y', 'overtime_hours']);
    const overtime = lang.metrics.find((m) => m.key === 'overtime_hours') as SummaryMetric & { direction: string; latest: unknown };
    expect(overtime).toMatchObject({ direction: 'no_data', latest: null });
  });

  it('records every write in the audit log with before and after', () => {
    const rows = db.prepare("SELECT action, entity, entity_id, before_json, after_json FROM audit_log WHERE entity IN ('metric', 'principle', 'principle_links')").all() as Json[];
    expect(rows.some((r) => r.entity === 'metric' && r.entity_id === 'manager_sick_leave' && r.action === 'update')).toBe(true);
    expect(rows.some((r) => r.entity === 'metric' && r.action === 'create')).toBe(true);
    expect(rows.some((r) => r.entity === 'principle' && r.action === 'create')).toBe(true);
    expect(rows.some((r) => r.entity === 'principle_links')).toBe(true);
    const target = rows.find((r) => r.entity_id === 'manager_sick_leave')!;
    expect(String(target.before_json)).toContain('"max":2.5');
    expect(String(target.after_json)).toContain('"max":1');
  });
});
