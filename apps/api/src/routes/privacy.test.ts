/**
 * What a reader can work out from everything the API shows, checked by linear programming
 * (issues 16 and 17): on the demo as it is, and across a sequence of changes where the reader
 * keeps what they saw before.
 */
import { valuesResponseSchema, type Point } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';
import { lpProblems, statesOfMetric } from '../test-privacy.js';

const PERSON_METRICS = [
  ['manager_turnover_external', false],
  ['manager_tenure_3y', true],
  ['staff_turnover', false],
  ['manager_sick_leave', true],
  ['manager_mobility_internal', false],
] as const;

/** A Swedish Excel CSV as the browser sends it (multipart), to `/api/imports`. */
async function importCsv(app: FastifyInstance, cookie: string, lines: string[], query = ''): Promise<{ statusCode: number; body: string; json: () => unknown }> {
  const form = new FormData();
  form.append('file', new Blob([lines.join('\r\n')]), 'import.csv');
  const body = new Response(form);
  return app.inject({
    method: 'POST',
    url: `/api/imports${query}`,
    headers: { cookie, 'content-type': body.headers.get('content-type')! },
    payload: Buffer.from(await body.arrayBuffer()),
  });
}

describe('the demo, as every reader sees it', () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  beforeAll(async () => {
    ({ app, db } = await createTestApp());
    cookie = await signIn(app, 'utvecklingschef'); // sees every unit; suppression is the same for all
  });
  afterAll(() => app.close());

  it('no longer pins the hidden areas of 2020 at zero leavers (department 4 − 0 − 1 − 3)', async () => {
    const points = async (unit: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/values?metric=manager_turnover_external&unit=${unit}`, headers: { cookie } });
      return valuesResponseSchema.parse(res.json()).points.find((p) => p.year === 2020)!;
    };
    const areaIds = db.prepare("SELECT id FROM units WHERE parent_id = 'soc'").pluck().all() as string[];
    const department = await points('soc');
    const areas: Point[] = await Promise.all(areaIds.map((id) => points(id)));
    expect(areas.length).toBe(5);
    const shown = areas.filter((p) => !p.suppressed);
    if (!department.suppressed && shown.length < areas.length) {
      const rest = department.numerator! - shown.reduce((s, p) => s + p.numerator!, 0);
      expect(rest).toBeGreaterThan(0);
    }
  });

  it.each(PERSON_METRICS)('no hidden figure of %s is worked out, pinned at 0 or at 100 %% in any year', async (metric, bounded) => {
    const states = await statesOfMetric(app, db, cookie, metric);
    for (const [year, state] of states) {
      expect(await lpProblems([state], { bounded, threshold: 10 }), `${metric} ${year}`).toEqual([]);
    }
  }, 60_000);
});

describe('across releases: the scenario of issue 16', () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  beforeAll(async () => {
    ({ app, db } = await createTestApp());
    cookie = await signIn(app, 'utvecklingschef');
  });
  afterAll(() => app.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
  const point = async (unit: string, year: number) => {
    const res = await call('GET', `/api/values?metric=staff_turnover&unit=${unit}`);
    return valuesResponseSchema.parse(res.json()).points.find((p) => p.year === year)!;
  };

  it('a small unit merged with Nattpatrullen cannot be worked out as the successor minus what Nattpatrullen showed', async () => {
    const created = await call('POST', '/api/units', {
      id: 'hemtjanst-liten',
      name: 'Lilla hemtjänstgruppen',
      kind: 'unit',
      parentId: 'hemtjanst',
      validFrom: '2025-01-01',
      validTo: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    const imported = await importCsv(app, cookie, ['Enhet;Nyckeltal;År;Täljare;Nämnare;Källa', 'hemtjanst-liten;staff_turnover;2025;1;6;Lönesystemet']);
    expect(imported.statusCode, imported.body).toBe(201);

    // A unit manager looks, and keeps what they saw.
    const small = await point('hemtjanst-liten', 2025);
    expect(small).toMatchObject({ suppressed: true, value: null });
    const nightBefore = await point('hemtjanst-nattpatrullen', 2025);
    const before = await statesOfMetric(app, db, cookie, 'staff_turnover');

    const merged = await call('POST', '/api/reorganisations', {
      kind: 'merge',
      year: 2026,
      from: ['hemtjanst-nattpatrullen', 'hemtjanst-liten'],
      to: { id: 'hemtjanst-natt-liten', name: 'Natt och liten' },
    });
    expect(merged.statusCode, merged.body).toBe(201);

    const successor = await point('hemtjanst-natt-liten', 2025);
    // Before the memory of releases the successor showed 3 of 48.19 here, and 3 − 2, 48.19 − 42.19
    // gave the small unit exactly.
    if (!nightBefore.suppressed && !successor.suppressed) {
      expect([successor.numerator! - nightBefore.numerator!, successor.denominator! - nightBefore.denominator!]).not.toEqual([1, 6]);
    }
    const after = await statesOfMetric(app, db, cookie, 'staff_turnover');
    const problems = await lpProblems([before.get(2025)!, after.get(2025)!], { bounded: false, threshold: 10 });
    expect(problems).toEqual([]);
    // What was released is recorded, once per distinct release.
    const releases = db.prepare("SELECT count(*) FROM releases WHERE metric_key = 'staff_turnover' AND year = 2025").pluck().get() as number;
    expect(releases).toBe(2);
  }, 60_000);
});

describe('previews warn before something already shown is hidden', () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  beforeAll(async () => {
    ({ app, db } = await createTestApp());
    cookie = await signIn(app, 'utvecklingschef');
  });
  afterAll(() => app.close());

  const tables = () => ({
    units: db.prepare('SELECT count(*) FROM units').pluck().get(),
    reorganisations: db.prepare('SELECT count(*) FROM reorganisations').pluck().get(),
    values: db.prepare('SELECT count(*) FROM metric_values').pluck().get(),
    audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  });

  it('a reorganisation tried with dryRun writes nothing, and does not name figures gone for other reasons', async () => {
    await app.inject({ method: 'GET', url: '/api/values?metric=staff_turnover&unit=hemtjanst', headers: { cookie } });
    // A figure for 2026 is shown, then its import is undone: it is gone, but not by the merger.
    const imported = await importCsv(app, cookie, ['Enhet;Nyckeltal;År;Täljare;Nämnare;Källa', 'hemtjanst-hemtjanst-oster;staff_turnover;2026;2;40;Lönesystemet']);
    expect(imported.statusCode, imported.body).toBe(201);
    await app.inject({ method: 'GET', url: '/api/values?metric=staff_turnover&unit=hemtjanst', headers: { cookie } });
    const batchId = (imported.json() as { batchId: number }).batchId;
    expect((await app.inject({ method: 'DELETE', url: `/api/imports/${batchId}`, headers: { cookie } })).statusCode).toBe(200);
    const before = tables();
    const res = await app.inject({
      method: 'POST',
      url: '/api/reorganisations?dryRun=true',
      headers: { cookie },
      payload: { kind: 'merge', year: 2026, from: ['hemtjanst-nattpatrullen', 'hemtjanst-trygghetsteamet'], to: { id: 'hemtjanst-natt-trygg', name: 'Natt och trygghet' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    // The predecessors were shown before and stay known: nothing already shown is hidden by it.
    expect(res.json()).toEqual({ warnings: [] });
    expect(tables()).toEqual(before);
  });

  it('names a total already shown that a late unit would hide: "Hemtjänst 2025 har redan visats"', async () => {
    const { releaseWarnings } = await import('../services/release-preview.js');
    await app.inject({ method: 'GET', url: '/api/values?metric=staff_turnover&unit=hemtjanst', headers: { cookie } });
    const before = tables();
    const warnings = releaseWarnings(db, () => {
      db.prepare("INSERT INTO units (id, name, kind, parent_id, valid_from, valid_to) VALUES ('sen', 'Sen enhet', 'unit', 'hemtjanst', '2025-01-01', NULL)").run();
      const source = db.prepare('SELECT id FROM sources LIMIT 1').pluck().get();
      db.prepare(
        "INSERT INTO metric_values (unit_id, metric_key, year, numerator_c, denominator_c, group_size, source_id) VALUES ('sen', 'staff_turnover', 2025, 100, 600, NULL, ?)",
      ).run(source);
    });
    expect(warnings.map((w) => w.message)).toContain('Hemtjänst 2025 (Personalomsättning) har redan visats; efter ändringen döljs den.');
    expect(tables()).toEqual(before);
  });
});

describe('the import preview says what it would hide of what has been shown', () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  beforeAll(async () => {
    ({ app, db } = await createTestApp());
    cookie = await signIn(app, 'utvecklingschef');
  });
  afterAll(() => app.close());

  it('a late small unit for 2025: "Hemtjänst 2025 … har redan visats; efter ändringen döljs den", and nothing is written', async () => {
    await app.inject({ method: 'GET', url: '/api/values?metric=staff_turnover&unit=hemtjanst', headers: { cookie } });
    const created = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie },
      payload: { id: 'hemtjanst-sen', name: 'Sen grupp', kind: 'unit', parentId: 'hemtjanst', validFrom: '2025-01-01', validTo: null },
    });
    expect(created.statusCode, created.body).toBe(201);
    const values = () => db.prepare('SELECT count(*) FROM metric_values').pluck().get();
    const before = values();
    const res = await importCsv(app, cookie, ['Enhet;Nyckeltal;År;Täljare;Nämnare;Källa', 'hemtjanst-sen;staff_turnover;2025;1;6;Lönesystemet'], '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as { hidesShown: { message: string }[]; hidesShownTotal: number };
    expect(preview.hidesShown.map((w) => w.message)).toContain('Hemtjänst 2025 (Personalomsättning) har redan visats; efter ändringen döljs den.');
    expect(preview.hidesShownTotal).toBe(preview.hidesShown.length);
    expect(values()).toBe(before);
  });
});

describe('a row without a group size (issue 15)', () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  beforeAll(async () => {
    ({ app, db } = await createTestApp());
    cookie = await signIn(app, 'utvecklingschef');
  });
  afterAll(() => app.close());

  it('hides the unit, but the area and the department stay shown, each the sum of all their units', async () => {
    // The README's own example: hours of sick leave without the number of managers.
    const res = await importCsv(app, cookie, ['Enhet;Nyckeltal;År;Täljare;Nämnare;Källa', 'Hemtjänst Öster;Sjukfrånvaro bland chefer;2024;12,5;1 234,50;HR']);
    expect(res.statusCode, res.body).toBe(201);
    const point = async (unit: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/values?metric=manager_sick_leave&unit=${unit}`, headers: { cookie } });
      return valuesResponseSchema.parse(r.json()).points.find((p) => p.year === 2024)!;
    };
    expect(await point('hemtjanst-hemtjanst-oster')).toMatchObject({ suppressed: true, reason: 'unknown_group_size', value: null });
    const sums = db
      .prepare("SELECT sum(numerator_c) / 100.0, sum(denominator_c) / 100.0 FROM metric_values WHERE metric_key = 'manager_sick_leave' AND year = 2024")
      .raw()
      .get() as [number, number];
    const department = await point('soc');
    expect(department.suppressed).toBe(false);
    expect([department.numerator, department.denominator]).toEqual(sums);
    expect((await point('hemtjanst')).suppressed).toBe(false);
  });
});
