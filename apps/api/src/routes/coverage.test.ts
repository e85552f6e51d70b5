import {
  comparisonResponseSchema,
  finalYearsResponseSchema,
  metricResponseSchema,
  metricsResponseSchema,
  principlesOverviewResponseSchema,
  summaryResponseSchema,
  valuesResponseSchema,
} from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
let dm: string;
let um: string;
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  um = await signIn(app, 'enhetschef');
});
afterAll(() => app.close());

const json = { 'content-type': 'application/json' };
const get = async (url: string, cookie = dm) => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
};
const values = async (metric: string, unit: string) => valuesResponseSchema.parse(await get(`/api/values?metric=${metric}&unit=${unit}`)).points;
const summary = async (unit: string) => summaryResponseSchema.parse(await get(`/api/summary?unit=${unit}`));

/** Imports 2026 staff turnover for two of Hemtjänst's eight units, as the development manager would. */
async function importPartialYear() {
  const csv = [
    'Enhet;Nyckeltal;År;Täljare;Nämnare;Källa',
    'hemtjanst-hemtjanst-oster;staff_turnover;2026;2;40;Lönesystemet',
    'hemtjanst-hemtjanst-vaster;staff_turnover;2026;2;40;Lönesystemet',
  ].join('\r\n');
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(csv, 'latin1')]), 'delar-2026.csv');
  const body = new Response(form);
  const res = await app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { cookie: dm, 'content-type': body.headers.get('content-type')! },
    payload: Buffer.from(await body.arrayBuffer()),
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('coverage: a year only some units have reported', () => {
  beforeAll(importPartialYear);

  it('carries how many units reported with every point, at every level', async () => {
    const at = async (unit: string, year: number) => (await values('staff_turnover', unit)).find((p) => p.year === year)!.coverage;
    expect(await at('hemtjanst', 2026)).toEqual({ reported: 2, expected: 8, isFinal: false });
    expect(await at('soc', 2026)).toEqual({ reported: 2, expected: 40, isFinal: false });
    expect(await at('hemtjanst-hemtjanst-oster', 2026)).toEqual({ reported: 1, expected: 1, isFinal: false });
    expect(await at('hemtjanst-hemtjanst-norr', 2026)).toEqual({ reported: 0, expected: 1, isFinal: false });
    expect(await at('hemtjanst', 2025)).toEqual({ reported: 8, expected: 8, isFinal: false });
    // Before 2022 Hemtjänst Landsbygd was two units (norra, södra), merged into it: both counted below it.
    expect(await at('hemtjanst', 2021)).toEqual({ reported: 9, expected: 9, isFinal: false });
    expect(await at('hemtjanst-hemtjanst-landsbygd', 2021)).toEqual({ reported: 2, expected: 2, isFinal: false });
    expect(await at('hemtjanst-hemtjanst-landsbygd', 2022)).toEqual({ reported: 1, expected: 1, isFinal: false });
  });

  it('never makes the partial year the summary’s latest year, and says how many reported', async () => {
    const s = await summary('hemtjanst');
    const turnover = s.metrics.find((m) => m.key === 'staff_turnover')!;
    expect(turnover.latest?.year).toBe(2025);
    expect(turnover.previous?.year).toBe(2024);
    expect(turnover.incomplete).toEqual([{ year: 2026, reported: 2, expected: 8 }]);
    expect(turnover.sentences.sv.join(' ')).not.toMatch(/till [\d,]+\s% 2026/);
    expect(turnover.sentences.sv).toContain('Siffrorna för 2026 är inte kompletta än: 2 av 8 enheter har rapporterat, så året räknas inte med här.');
    expect(turnover.points.find((p) => p.year === 2026)!.coverage).toEqual({ reported: 2, expected: 8, isFinal: false });
    expect(s.latestYear).toBe(2025);
  });

  it('keeps the partial year off the overview and the comparison’s default year', async () => {
    const overview = principlesOverviewResponseSchema.parse(await get('/api/principles/overview?unit=hemtjanst'));
    const cards = overview.principles.flatMap((p) => p.metrics).filter((m) => m.key === 'staff_turnover');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.latest?.year).toBe(2025);
    const c = comparisonResponseSchema.parse(await get('/api/compare?metric=staff_turnover&unit=soc', um));
    expect(c.spread.year).toBe(2025);
    const chosen = comparisonResponseSchema.parse(await get('/api/compare?metric=staff_turnover&unit=soc&year=2026', um));
    // Hemtjänst's bar is drawn but not judged; the other areas have nothing for 2026.
    expect(chosen.spread).toMatchObject({ year: 2026, members: 5, shown: 1, incomplete: 1, noData: 4, meetingTarget: 0 });
    expect(chosen.missedTarget.map((m) => m.id)).not.toContain('hemtjanst');
  });

  it('lets the development manager mark the year final (audited), after which it counts as whole', async () => {
    const put = (cookie: string, year = 2026) =>
      app.inject({ method: 'PUT', url: `/api/metrics/staff_turnover/final-years/${year}`, headers: { cookie } });
    expect((await put(um)).statusCode).toBe(403);
    const refused = await put(dm, 2030);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('2030');

    const marked = await put(dm);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(finalYearsResponseSchema.parse(marked.json())).toMatchObject([{ metricKey: 'staff_turnover', year: 2026, markedBy: 'utvecklingschef' }]);
    const turnover = (await summary('hemtjanst')).metrics.find((m) => m.key === 'staff_turnover')!;
    expect(turnover.latest?.year).toBe(2026);
    expect(turnover.incomplete).toEqual([]);
    expect((await values('staff_turnover', 'hemtjanst')).find((p) => p.year === 2026)!.coverage).toEqual({ reported: 2, expected: 8, isFinal: true });

    const audit = db.prepare("SELECT action, entity_id, username FROM audit_log WHERE entity = 'final_year'").all();
    expect(audit).toEqual([{ action: 'mark_final', entity_id: 'staff_turnover:2026', username: 'utvecklingschef' }]);

    const unmarked = await app.inject({ method: 'DELETE', url: '/api/metrics/staff_turnover/final-years/2026', headers: { cookie: dm } });
    expect(unmarked.json()).toEqual([]);
    expect((await summary('hemtjanst')).metrics.find((m) => m.key === 'staff_turnover')!.latest?.year).toBe(2025);
  });
});

describe('targets by year', () => {
  const patch = (payload: object) =>
    app.inject({ method: 'PATCH', url: '/api/metrics/manager_sick_leave', headers: { cookie: dm, ...json }, payload });
  const sick = async (unit = 'soc') => (await summary(unit)).metrics.find((m) => m.key === 'manager_sick_leave')!;

  it('judges each year by the target in force that year, and keeps the earlier ones in the catalogue', async () => {
    const before = await sick();
    const value2025 = before.latest!.value!;
    expect(before.latest?.year).toBe(2025);
    expect(before.isTargetMet).toBe(true);

    // A target the 2025 figure misses, from 2026 on: 2025 keeps its verdict.
    const lower = Math.floor(value2025 * 10) / 10 - 0.1;
    const res = await patch({ target: { min: null, max: lower }, targetFrom: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    const after = await sick();
    expect(after.isTargetMet).toBe(true);
    expect(after.target).toEqual({ min: null, max: 2.5 });

    const metric = metricsResponseSchema.parse(await get('/api/metrics')).find((m) => m.key === 'manager_sick_leave')!;
    expect(metric.target).toEqual({ min: null, max: lower });
    expect(metric.targetHistory).toEqual([
      { validFrom: 1990, target: { min: null, max: 2.5 } },
      { validFrom: 2026, target: { min: null, max: lower } },
    ]);

    // A new target cannot go back before the newest one; the newest one can be corrected.
    const back = await patch({ target: { min: null, max: 2.3 }, targetFrom: 2025 });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toContain('2026');
    const corrected = await patch({ target: { min: null, max: 2.4 }, targetFrom: 2026 });
    expect(corrected.statusCode).toBe(200);
    expect(metricResponseSchema.parse(corrected.json()).targetHistory).toEqual([
      { validFrom: 1990, target: { min: null, max: 2.5 } },
      { validFrom: 2026, target: { min: null, max: 2.4 } },
    ]);
  });

  it('compares and lists who misses by the year’s own target', async () => {
    // At most 10 staff per manager from 2025 on; 25 before.
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/metrics/staff_per_manager',
      headers: { cookie: dm, ...json },
      payload: { target: { min: null, max: 10 }, targetFrom: 2025 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const year = async (y: number) => comparisonResponseSchema.parse(await get(`/api/compare?metric=staff_per_manager&unit=soc&year=${y}`, um));
    const y2024 = await year(2024);
    expect(y2024.spread.meetingTarget).toBe(5);
    expect(y2024.missedTarget).toEqual([]);
    const y2025 = await year(2025);
    expect(y2025.spread.meetingTarget).toBe(0);
    // Every level: the department, its five areas and their units.
    expect(y2025.missedTarget[0]).toMatchObject({ id: 'soc', depth: 0, parentName: null });
    expect(y2025.missedTarget.filter((m) => m.depth === 1)).toHaveLength(5);
    expect(y2025.missedTarget.filter((m) => m.depth === 2).length).toBeGreaterThan(30);
  });

  it('refuses a target change without the year it applies from, naming the field', async () => {
    const res = await patch({ target: { min: null, max: 2.2 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.targetFrom');
  });
});

describe('the summary with the notes of the units below', () => {
  it('shows a unit manager’s public note in the area’s and the organisation’s summary and the public link, never an internal one', async () => {
    const post = (text: string, visibility: string, year = 2024) =>
      app.inject({
        method: 'POST',
        url: '/api/annotations',
        headers: { cookie: um, ...json },
        payload: { unitId: 'hemtjanst-hemtjanst-oster', metricKey: 'manager_sick_leave', year, text, visibility },
      });
    expect((await post('Två chefer började samma vecka.', 'public', 2023)).statusCode).toBe(201);
    expect((await post('Nytt schema för helgerna.', 'public')).statusCode).toBe(201);
    expect((await post('Internt: en lång sjukskrivning.', 'internal')).statusCode).toBe(201);
    const link = await app.inject({ method: 'POST', url: '/api/public-links', headers: { cookie: dm, ...json }, payload: { label: 'Nämnden' } });
    const token = link.json().token as string;

    const readers = [
      { s: await summary('hemtjanst'), hasAuthor: true },
      { s: await summary('soc'), hasAuthor: true },
      { s: summaryResponseSchema.parse(await get(`/api/public/${token}/summary?unit=hemtjanst`, '')), hasAuthor: false },
      { s: summaryResponseSchema.parse(await get(`/api/public/${token}/summary`, '')), hasAuthor: false },
    ];
    for (const { s, hasAuthor } of readers) {
      const notes = s.metrics.find((m) => m.key === 'manager_sick_leave')!.annotations;
      // Newest first, each with its unit named.
      expect(notes.map((n) => n.text)).toEqual(['Nytt schema för helgerna.', 'Två chefer började samma vecka.']);
      expect(notes.every((n) => n.unitName === 'Hemtjänst Öster')).toBe(true);
      expect(notes.every((n) => (n.author !== null) === hasAuthor)).toBe(true);
      expect(JSON.stringify(s)).not.toContain('Internt');
    }
    // Not in another area's summary.
    expect((await summary('ifo')).metrics.find((m) => m.key === 'manager_sick_leave')!.annotations).toEqual([]);
  });
});

describe('the summary sentence across a definition change', () => {
  it('names the year the definition changed when the trend spans it', async () => {
    const definition = { sv: 'Ny definition: sjukfrånvarotimmar delat med schemalagd tid.', en: 'New definition: sick-leave hours over scheduled time.' };
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/metrics/manager_sick_leave',
      headers: { cookie: dm, ...json },
      payload: { definition, definitionChange: { fromYear: 2025, note: 'SKR:s nya nyckeltal' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const sick = (await summary('soc')).metrics.find((m) => m.key === 'manager_sick_leave')!;
    expect(sick.sentences.sv[0]).toMatch(/ 2019 till .* 2025\. Definitionen ändrades 2025, så åren före och efter är inte helt jämförbara\.$/);
    expect(sick.sentences.en[0]).toContain('The definition changed in 2025');
  });
});
