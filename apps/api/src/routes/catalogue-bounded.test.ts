import { metricsResponseSchema } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { uploader, windows1252 } from '../import-test-files.js';
import { createTestApp, signIn } from '../test-app.js';

// Issue 15.4: whether a metric's value is bounded (a share, at most 100 %) or a rate is the
// catalogue's word, editable and audited, and the import follows it.

let app: FastifyInstance;
let db: Db;
let cookie: string;
let upload: ReturnType<typeof uploader>;
const YEAR = new Date().getFullYear();

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
  upload = uploader(app, cookie);
});
afterAll(() => app.close());

const patch = (key: string, payload: object) => app.inject({ method: 'PATCH', url: `/api/metrics/${key}`, headers: { cookie }, payload });
const file = (metric: string) => windows1252(['Enhet;Nyckeltal;År;Täljare;Nämnare', `Ekbacken;${metric};${YEAR};3;2`]);

describe('bounded in the catalogue', () => {
  it('says turnover and mobility are rates, sick leave and tenure shares', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/metrics', headers: { cookie } });
    const bounded = Object.fromEntries(metricsResponseSchema.parse(res.json()).map((m) => [m.key, m.bounded]));
    expect(bounded).toMatchObject({ manager_turnover_external: false, staff_turnover: false, manager_mobility_internal: false, manager_sick_leave: true, manager_tenure_3y: true });
  });

  it('is edited by the development manager, audited, and the import follows the new word at once', async () => {
    expect((await upload(file('manager_mobility_internal'), 'rate.csv', { dryRun: true })).json().errors).toEqual([]);

    const res = await patch('manager_mobility_internal', { bounded: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().bounded).toBe(true);
    const logged = db.prepare("SELECT before_json, after_json FROM audit_log WHERE entity = 'metric' AND entity_id = 'manager_mobility_internal' ORDER BY id DESC").get() as { before_json: string; after_json: string };
    expect([JSON.parse(logged.before_json).bounded, JSON.parse(logged.after_json).bounded]).toEqual([false, true]);

    const refused = await upload(file('manager_mobility_internal'), 'share.csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ row: 2, column: 'Täljare', message: expect.stringMatching(/^Täljaren \(3\) är större än nämnaren \(2\), men "Intern chefsrörlighet" är en andel/) });

    expect((await patch('manager_mobility_internal', { bounded: false })).statusCode).toBe(200);
    expect((await upload(file('manager_mobility_internal'), 'rate.csv')).statusCode).toBe(201);
  });

  it('refuses a bounded that is not true or false, naming the field', async () => {
    const res = await patch('staff_turnover', { bounded: 'ja' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.bounded');
  });
});
