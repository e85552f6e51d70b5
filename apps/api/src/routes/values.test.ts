import { pointSchema, roundTo, valuesResponseSchema, type Point } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_FIGURES, REAL_SOURCE } from '../demo/generate.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let cookie: string;
beforeAll(async () => {
  ({ app } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
});
const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
afterAll(() => app.close());

async function values(query: string) {
  const res = await get(`/api/values?${query}`);
  return { status: res.statusCode, body: res.json() };
}

async function series(metric: string, unit: string): Promise<Point[]> {
  const { status, body } = await values(`metric=${metric}&unit=${unit}`);
  expect(status).toBe(200);
  return valuesResponseSchema.parse(body).points;
}

describe('GET /api/values', () => {
  it.each(REAL_FIGURES)(
    "gives the department's real $metricKey for $year ($value) with its real source",
    async ({ metricKey, year, value }) => {
      const { body } = await values(`metric=${metricKey}&unit=soc`);
      const point = valuesResponseSchema.parse(body).points.find((p) => p.year === year)!;
      expect(roundTo(point.value!, body.metric.decimals)).toBe(value);
      expect(point.suppressed).toBe(false);
      expect(point.source).toBe(REAL_SOURCE);
      expect(point.isSynthetic).toBe(false);
    },
  );

  it('labels the years between as synthetic', async () => {
    const points = await series('staff_turnover', 'soc');
    expect(points.map((p) => p.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const between = points.filter((p) => p.year !== 2019 && p.year !== 2024);
    for (const p of between) {
      expect(p.isSynthetic).toBe(true);
      expect(p.source).toMatch(/Syntetiska demodata/);
    }
  });

  it('aggregates a unit with children from its subtree: sums, not a mean of ratios', async () => {
    const [area] = await series('staff_per_manager', 'vob');
    const tree = (await get('/api/units')).json() as { id: string; children: { id: string; children: { id: string }[] }[] }[];
    const vob = tree[0]!.children.find((c) => c.id === 'vob')!;
    let numerator = 0;
    let denominator = 0;
    for (const unit of vob.children) {
      const [p] = await series('staff_per_manager', unit.id);
      numerator += p!.numerator!;
      denominator += p!.denominator!;
    }
    expect(area!.numerator).toBe(numerator);
    expect(area!.denominator).toBe(denominator);
    expect(area!.value).toBeCloseTo(numerator / denominator, 10);
  });

  it('gives every unit 25 staff per manager or fewer in 2024', async () => {
    const tree = (await get('/api/units')).json() as { children: { children: { id: string }[] }[] }[];
    const units = tree[0]!.children.flatMap((a) => a.children);
    expect(units).toHaveLength(40);
    for (const unit of units) {
      const p = (await series('staff_per_manager', unit.id)).find((x) => x.year === 2024)!;
      expect(p.value).not.toBeNull();
      expect(p.value!).toBeLessThanOrEqual(25);
    }
  });

  it('never lets a suppressed figure leave the server, for any unit, metric or year', async () => {
    const units = (await get('/api/units')).json() as { id: string; children: unknown[] }[];
    const ids: string[] = [];
    const walk = (n: { id: string; children: unknown[] }) => {
      ids.push(n.id);
      (n.children as { id: string; children: unknown[] }[]).forEach(walk);
    };
    units.forEach(walk);
    const metrics = ((await get('/api/metrics')).json() as { key: string }[]).map((m) => m.key);
    let suppressed = 0;
    for (const metric of metrics) {
      for (const unit of ids) {
        const res = await get(`/api/values?metric=${metric}&unit=${unit}`);
        const raw = res.json() as { points: Record<string, unknown>[] };
        for (const p of raw.points) {
          pointSchema.parse(p);
          if (p.suppressed) {
            suppressed++;
            expect(p).toMatchObject({ value: null, numerator: null, denominator: null, source: null });
            expect(p.reason).toMatch(/small_group|secondary|unknown_group_size/);
          }
        }
      }
    }
    // Unit-level manager sick leave is the typical case: every unit has one to three managers.
    expect(suppressed).toBeGreaterThan(40 * 7);
  });

  it('hides unit-level manager sick leave with the reason, and shows the department', async () => {
    const unit = await series('manager_sick_leave', 'ifo-vuxenenheten');
    expect(unit.every((p) => p.suppressed && p.reason === 'small_group')).toBe(true);
    const dept = await series('manager_sick_leave', 'soc');
    expect(dept.every((p) => !p.suppressed && p.value !== null)).toBe(true);
  });

  it('cannot be undone by subtraction: a hidden area is never the only hidden part of the department', async () => {
    const areas = ['vob', 'hemtjanst', 'ifo', 'funktionsstod', 'hsl'];
    for (const metric of ['manager_sick_leave', 'manager_turnover_external', 'manager_tenure_3y']) {
      const byArea = await Promise.all(areas.map((a) => series(metric, a)));
      for (let y = 0; y < 7; y++) {
        const hidden = byArea.filter((s) => s[y]!.suppressed).length;
        expect(hidden === 0 || hidden >= 2, `${metric} ${2019 + y}: ${hidden} hidden area(s)`).toBe(true);
      }
    }
  });

  it('limits the years to from..to and fills years without data with empty points', async () => {
    const { body } = await values('metric=staff_turnover&unit=soc&from=2017&to=2020');
    const points = valuesResponseSchema.parse(body).points;
    expect(points.map((p) => p.year)).toEqual([2017, 2018, 2019, 2020]);
    expect(points[0]).toMatchObject({ value: null, suppressed: false, reason: null, source: null });
    expect(points[2]!.value).not.toBeNull();
  });

  it.each([
    ['metric=staff_turnover', 'query.unit'],
    ['unit=soc', 'query.metric'],
    ['metric=staff_turnover&unit=soc&from=abc', 'from'],
    ['metric=staff_turnover&unit=soc&from=1800', 'from'],
    ['metric=staff_turnover&unit=soc&from=2024&to=2019', 'from'],
    ['metric=staff_turnover&unit=soc&to=20.5', 'to'],
    ['metric=no_such_metric&unit=soc', 'query.metric'],
    ['metric=staff_turnover&unit=no-such-unit', 'query.unit'],
    ['metric=staff_turnover&unit=%00%27;DROP', 'query.unit'],
  ])('answers a bad query (%s) with 400 and the error envelope naming %s', async (query, field) => {
    const { status, body } = await values(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.requestId).toEqual(expect.any(String));
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(body.error.details)).toContain(field.split('.').at(-1));
  });
});
