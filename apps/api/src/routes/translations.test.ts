import { auditEntrySchema, metricResponseSchema, metricsResponseSchema, summaryResponseSchema, valuesResponseSchema } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let dm: string;
let um: string;

beforeAll(async () => {
  ({ app } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  um = await signIn(app, 'enhetschef');
});
afterAll(() => app.close());

const KEY = 'staff_turnover';

async function patch(body: Record<string, unknown>) {
  const res = await app.inject({ method: 'PATCH', url: `/api/metrics/${KEY}`, payload: body, headers: { cookie: dm } });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

async function current(cookie = dm) {
  const res = await app.inject({ method: 'GET', url: '/api/metrics', headers: { cookie } });
  return metricsResponseSchema.parse(res.json()).find((m) => m.key === KEY)!;
}

describe('an English text that no longer says what the Swedish says', () => {
  it('is marked when only the Swedish definition is edited, for the catalogue and for readers', async () => {
    const metric = await current();
    expect(metric.englishOutdated).toEqual([]);
    const res = await patch({
      definition: { sv: `${metric.definition.sv} Visstidsanställda räknas inte.`, en: metric.definition.en },
      definitionChange: { fromYear: 2025, note: 'Visstidsanställda räknas inte längre.' },
    });
    expect(res.status).toBe(200);
    expect(metricResponseSchema.parse(res.body).englishOutdated).toEqual(['definition']);
    // The English text stays as it was, marked, wherever the metric is read.
    expect((await current(um)).englishOutdated).toEqual(['definition']);
    const values = await app.inject({ method: 'GET', url: `/api/values?metric=${KEY}&unit=soc`, headers: { cookie: um } });
    const read = valuesResponseSchema.parse(values.json()).metric;
    expect(read.englishOutdated).toEqual(['definition']);
    expect(read.definition.en).toBe(metric.definition.en);
    const politician = await signIn(app, 'politiker');
    const summary = await app.inject({ method: 'GET', url: '/api/summary?unit=soc', headers: { cookie: politician } });
    const inSummary = summaryResponseSchema.parse(summary.json()).metrics.find((m) => m.key === KEY);
    expect(inSummary?.englishOutdated).toEqual(['definition']);
  });

  it('stays marked through other edits, and adds the name when its Swedish changes', async () => {
    const metric = await current();
    expect((await patch({ decimals: 2 })).status).toBe(200);
    expect((await current()).englishOutdated).toEqual(['definition']);
    const res = await patch({ name: { sv: 'Personalomsättning (tillsvidare)', en: metric.name.en } });
    expect(res.status).toBe(200);
    expect((await current()).englishOutdated).toEqual(['name', 'definition']);
  });

  it('is cleared when the English text is saved, and the log says so', async () => {
    const metric = await current();
    const res = await patch({
      definition: { sv: metric.definition.sv, en: `${metric.definition.en} Fixed-term staff are not counted.` },
      definitionChange: { fromYear: 2025, note: 'Engelsk översättning.' },
    });
    expect(res.status).toBe(200);
    expect((await current()).englishOutdated).toEqual(['name']);
    const log = await app.inject({ method: 'GET', url: '/api/audit?entity=metric&limit=1', headers: { cookie: dm } });
    const [entry] = z.array(auditEntrySchema).parse(log.json());
    expect(entry).toMatchObject({ action: 'update', entityId: KEY, before: { englishOutdated: ['name', 'definition'] }, after: { englishOutdated: ['name'] } });
  });

  it('is cleared when the development manager confirms the English still says the same', async () => {
    const res = await patch({ englishConfirmed: ['name'] });
    expect(res.status).toBe(200);
    expect((await current()).englishOutdated).toEqual([]);
  });

  it('refuses a confirmation of a text that does not exist, naming the field', async () => {
    const res = await patch({ englishConfirmed: ['colour'] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('englishConfirmed');
  });

  it('cannot be set or confirmed by anyone but the development manager', async () => {
    const res = await app.inject({ method: 'PATCH', url: `/api/metrics/${KEY}`, payload: { englishConfirmed: ['name'] }, headers: { cookie: um } });
    expect(res.statusCode).toBe(403);
    const direct = await patch({ englishOutdated: [] });
    expect(direct.status).toBe(400);
  });
});
