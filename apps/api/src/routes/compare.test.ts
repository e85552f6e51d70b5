import { comparisonResponseSchema } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let cookie: string;
beforeAll(async () => {
  ({ app } = await createTestApp());
  cookie = await signIn(app, 'enhetschef');
});
afterAll(() => app.close());

const compare = async (query: string) => {
  const res = await app.inject({ url: `/api/compare?${query}`, headers: { cookie } });
  return { status: res.statusCode, body: res.json() };
};

describe('GET /api/compare', () => {
  it('compares the department through its five areas, and counts those five areas for the latest year', async () => {
    const { status, body } = await compare('metric=staff_turnover&unit=soc');
    expect(status).toBe(200);
    const c = comparisonResponseSchema.parse(body);
    expect(c.reference.id).toBe('soc');
    expect(c.members.map((m) => m.name)).toEqual([
      'Funktionsstöd',
      'Hemtjänst',
      'Hälso- och sjukvård',
      'Individ- och familjeomsorg',
      'Vård- och omsorgsboende',
    ]);
    // The sentence counts what the chart draws: the five areas, not the forty units below them.
    expect(c.spread).toMatchObject({ year: 2025, members: 5, shown: 5, hidden: 0 });
  });

  it('says how many of the five areas have 25 staff per manager or fewer in 2024, and lists who misses at any level', async () => {
    const { body } = await compare('metric=staff_per_manager&unit=soc&year=2024');
    const c = comparisonResponseSchema.parse(body);
    expect(c.spread).toEqual({ year: 2024, members: 5, shown: 5, hidden: 0, noData: 0, incomplete: 0, meetingTarget: 5 });
    expect(c.missedTarget).toEqual([]);
    const before = comparisonResponseSchema.parse((await compare('metric=staff_per_manager&unit=soc&year=2019')).body);
    // In 2019 some units had more than 25 staff per manager: each is listed, at whatever level.
    expect(before.missedTarget.length).toBeGreaterThan(0);
    for (const m of before.missedTarget) expect(m.value).toBeGreaterThan(25.04);
    const units = before.missedTarget.filter((m) => m.kind === 'unit');
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((m) => m.depth === 2 && m.parentName !== null)).toBe(true);
  });

  it('compares a unit with its siblings against its area, and says how many units meet the target', async () => {
    const { body } = await compare('metric=staff_per_manager&unit=hemtjanst-hemtjanst-oster&year=2024');
    const c = comparisonResponseSchema.parse(body);
    expect(c.reference.id).toBe('hemtjanst');
    expect(c.members).toHaveLength(8);
    expect(c.members.filter((m) => m.isFocus).map((m) => m.id)).toEqual(['hemtjanst-hemtjanst-oster']);
    // Every unit has 25 staff per manager or fewer in 2024.
    expect(c.spread).toEqual({ year: 2024, members: 8, shown: 8, hidden: 0, noData: 0, incomplete: 0, meetingTarget: 8 });
  });

  it('keeps suppression: unit-level sick leave is hidden for every sibling and counted as hidden', async () => {
    const { body } = await compare('metric=manager_sick_leave&unit=hemtjanst-hemtjanst-oster&year=2024');
    const c = comparisonResponseSchema.parse(body);
    expect(c.spread).toMatchObject({ shown: 0, hidden: 8, meetingTarget: 0 });
    // A hidden figure never counts as missing the target either.
    expect(c.missedTarget).toEqual([]);
    for (const m of c.members) {
      for (const p of m.points) expect(p).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
    }
    expect(c.reference.points.find((p) => p.year === 2024)?.value).not.toBeNull();
  });

  it('answers bad parameters with 400 and the field', async () => {
    for (const [query, field] of [
      ['metric=staff_turnover', 'unit'],
      ['metric=staff_turnover&unit=soc&year=tjugo', 'year'],
      ['metric=nope&unit=soc', 'metric'],
    ] as const) {
      const { status, body } = await compare(query);
      expect(status).toBe(400);
      expect(JSON.stringify(body.error.details)).toContain(field);
    }
  });
});
