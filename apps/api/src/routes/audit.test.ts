import { AUDIT_ENTITIES, auditEntrySchema, valuesResponseSchema } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let cookie: string;
const YEAR = new Date().getFullYear();
const OSTER = 'hemtjanst-hemtjanst-oster';

beforeAll(async () => {
  ({ app } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
});
afterAll(() => app.close());

async function log(entity?: string) {
  const res = await app.inject({ method: 'GET', url: `/api/audit?limit=500${entity ? `&entity=${entity}` : ''}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return { text: res.body, entries: z.array(auditEntrySchema).parse(res.json()) };
}

async function importCsv(lines: string[]) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(lines.join('\r\n') + '\r\n', 'latin1')]), 'hr-export.csv');
  const res = new Response(form);
  return app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { cookie, 'content-type': res.headers.get('content-type')! },
    payload: Buffer.from(await res.arrayBuffer()),
  });
}

describe('GET /api/audit', () => {
  it("holds no figure of an imported cell, not even a hidden one's", async () => {
    // One manager's sick leave at one unit: a group of one, hidden from everyone.
    const res = await importCsv(['Enhet;Nyckeltal;År;Täljare;Nämnare;Källa', `${OSTER};manager_sick_leave;${YEAR};37,25;1 789,75;HR`]);
    expect(res.statusCode).toBe(201);
    const values = await app.inject({ method: 'GET', url: `/api/values?metric=manager_sick_leave&unit=${OSTER}`, headers: { cookie } });
    const point = valuesResponseSchema.parse(values.json()).points.find((p) => p.year === YEAR);
    expect(point).toMatchObject({ suppressed: true, value: null });

    const undo = await app.inject({ method: 'DELETE', url: `/api/imports/${res.json().batchId}`, headers: { cookie } });
    expect(undo.statusCode).toBe(200);

    const { text, entries } = await log();
    expect(entries.filter((e) => e.entity === 'import').map((e) => e.action)).toEqual(['undo', 'create']);
    for (const figure of ['37.25', '1789.75', '37,25', '1 789,75', '3725', '178975']) expect(text).not.toContain(figure);
    expect(text).not.toMatch(/"(numerator|denominator|value|groupSize)"\s*:\s*\d/);
  });

  it('filters on every kind of entry it can hold', async () => {
    for (const entity of AUDIT_ENTITIES) {
      const { entries } = await log(entity);
      expect(entries.every((e) => e.entity === entity), entity).toBe(true);
    }
    expect((await log('import')).entries.length).toBeGreaterThan(0);
  });
});
