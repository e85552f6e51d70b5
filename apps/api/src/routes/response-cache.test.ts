import { formatDate, summaryResponseSchema, valuesResponseSchema, type ValuesResponse } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { OTHER_WRITERS_EVERY_MS } from '../db/stamp.js';
import { createDataVersion } from '../services/index.js';
import { hashToken } from '../services/auth.js';
import { createResponseCache, scopeOf } from '../http/response-cache.js';
import { createTestApp, signIn } from '../test-app.js';

// The finished answers of /api/values and /api/summary are cached (http/response-cache.ts)
// and sessions are remembered between writes (services/auth.ts). These tests show that neither
// lets a stale, foreign or suppressed answer out.

let app: FastifyInstance;
let db: Db;
let dm: string;
let um: string;
let politician: string;
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  um = await signIn(app, 'enhetschef');
  politician = await signIn(app, 'politiker');
});
afterAll(() => app.close());

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = dm) =>
  app.inject({ method, url, payload, headers: { cookie } });
async function values(url: string, cookie = dm): Promise<ValuesResponse> {
  const res = await get(url, cookie);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return valuesResponseSchema.parse(res.json());
}

describe('cached /api/values', () => {
  it('keeps suppressed figures out of a cached answer, for every role that may read it', async () => {
    const url = '/api/values?metric=manager_sick_leave&unit=hemtjanst-hemtjanst-oster';
    for (const cookie of [dm, dm, um, um]) {
      const res = await get(url, cookie);
      const body = valuesResponseSchema.parse(res.json());
      const hidden = body.points.filter((p) => p.suppressed);
      expect(hidden.length).toBeGreaterThan(0);
      for (const p of hidden) expect(p).toMatchObject({ value: null, numerator: null, denominator: null, source: null });
      // Nothing beyond the schema: the raw text has no numbers for the hidden years either.
      expect(Object.keys(res.json().points[0]).sort()).toEqual(Object.keys(hidden[0]!).sort());
    }
  });

  it('answers a threshold change on the very next request', async () => {
    const url = '/api/values?metric=staff_turnover&unit=funktionsstod';
    expect((await values(url)).points.some((p) => !p.suppressed)).toBe(true);
    expect((await values(url)).points.some((p) => !p.suppressed)).toBe(true);
    expect((await send('PATCH', '/api/metrics/staff_turnover', { suppressionThreshold: 1000 })).statusCode).toBe(200);
    expect((await values(url)).points.every((p) => p.suppressed && p.value === null)).toBe(true);
    expect((await send('PATCH', '/api/metrics/staff_turnover', { suppressionThreshold: 10 })).statusCode).toBe(200);
    expect((await values(url)).points.some((p) => !p.suppressed)).toBe(true);
  });

  it('refuses bad input as before, and caches nothing for it', async () => {
    const res = await get('/api/values?metric=nope&unit=soc', dm);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('query.metric');
    expect((await get('/api/values?metric=nope&unit=soc', dm)).statusCode).toBe(400);
    expect((await get('/api/values?metric=staff_turnover&unit=soc', politician)).statusCode).toBe(403);
  });
});

describe('cached /api/summary', () => {
  it('says when it was put together, today, and no placeholder; a changed summary gets a new time', async () => {
    const before = Date.now();
    const first = await get('/api/summary', politician);
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('(generated-at)');
    const at = Date.parse(summaryResponseSchema.parse(first.json()).generatedAt);
    expect(at).toBeLessThanOrEqual(Date.now() + 1);
    // Today in Swedish time, as the printed summary says (formatDate in the web app).
    expect(formatDate(new Date(at), 'sv', 'numeric')).toBe(formatDate(new Date(), 'sv', 'numeric'));
    // The same answer again is the same answer, time included (it has one entity tag).
    expect((await get('/api/summary', politician)).body).toBe(first.body);
    const text = 'En ny offentlig anteckning ändrar sammanfattningen.';
    const res = await send('POST', '/api/annotations', { unitId: 'soc', metricKey: 'staff_turnover', year: 2023, text, visibility: 'public' });
    expect(res.statusCode, res.body).toBe(201);
    const changed = summaryResponseSchema.parse((await get('/api/summary', politician)).json());
    expect(Date.parse(changed.generatedAt)).toBeGreaterThanOrEqual(Math.min(at, before - 1));
    expect(changed.generatedAt >= summaryResponseSchema.parse(first.json()).generatedAt).toBe(true);
  });

  it('shows a new public note at once, though notes do not move the data version', async () => {
    const text = 'Synlig för nämnden direkt efter att den skrivits.';
    expect((await get('/api/summary', politician)).body).not.toContain(text);
    const res = await send('POST', '/api/annotations', { unitId: 'soc', metricKey: 'manager_sick_leave', year: 2022, text, visibility: 'public' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await get('/api/summary', politician)).body).toContain(text);
  });
});

describe('the response cache itself', () => {
  const schema = z.object({ who: z.string() });

  it('never hands an answer built for one scope to another', () => {
    const cache = createResponseCache(db, createDataVersion());
    const built: string[] = [];
    const answer = (user: Parameters<typeof scopeOf>[0]) =>
      cache.answer(['/x', scopeOf(user)], schema, () => {
        built.push(scopeOf(user));
        return { who: scopeOf(user) };
      }).body.toString();
    const dmUser = { role: 'development_manager', unitIds: [] };
    const oster = { role: 'unit_manager', unitIds: ['hemtjanst-hemtjanst-oster'] };
    const vaster = { role: 'unit_manager', unitIds: ['hemtjanst-hemtjanst-vaster'] };
    expect(JSON.parse(answer(dmUser)).who).toBe('development_manager');
    expect(JSON.parse(answer(oster)).who).toBe('unit_manager:hemtjanst-hemtjanst-oster');
    expect(JSON.parse(answer(vaster)).who).toBe('unit_manager:hemtjanst-hemtjanst-vaster');
    expect(JSON.parse(answer(null)).who).toBe('public');
    answer(oster);
    answer(dmUser);
    expect(built).toEqual(['development_manager', 'unit_manager:hemtjanst-hemtjanst-oster', 'unit_manager:hemtjanst-hemtjanst-vaster', 'public']);
  });

  it('checks what it caches against the schema: nothing outside it is kept', () => {
    const cache = createResponseCache(db, createDataVersion());
    const json = cache.answer(['/y'], schema, () => ({ who: 'a', secret: 42 }) as { who: string }).body.toString();
    expect(JSON.parse(json)).toEqual({ who: 'a' });
    expect(() => cache.answer(['/z'], schema, () => ({ who: 1 }) as unknown as { who: string })).toThrow();
    expect(cache.size).toBe(1);
  });

  it('rebuilds after the data version moves or anything is written', () => {
    const data = createDataVersion();
    const cache = createResponseCache(db, data);
    let n = 0;
    const answer = () => cache.answer(['/w'], schema, () => ({ who: String(++n) })).body.toString();
    expect(answer()).toBe('{"who":"1"}');
    expect(answer()).toBe('{"who":"1"}');
    data.bump();
    expect(answer()).toBe('{"who":"2"}');
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('cache-test', 'x')").run();
    expect(answer()).toBe('{"who":"3"}');
  });
});

describe('the response cache, bounded', () => {
  const schema = z.object({ n: z.number(), pad: z.string() });

  it('forgets the least recently used answer first, past its count of entries', () => {
    const cache = createResponseCache(db, createDataVersion(), { maxEntries: 2 });
    let builds = 0;
    const answer = (k: string) => cache.answer([k], schema, () => ({ n: ++builds, pad: '' }));
    answer('a');
    answer('b');
    answer('a'); // a is now the most recently used
    answer('c'); // so b goes
    expect(cache.size).toBe(2);
    expect(builds).toBe(3);
    answer('a');
    expect(builds).toBe(3);
    answer('b');
    expect(builds).toBe(4);
  });

  it('holds at most its bytes, compressed copies included', () => {
    const cache = createResponseCache(db, createDataVersion(), { maxBytes: 10_000 });
    for (let i = 0; i < 50; i++) cache.answer([`k${i}`], schema, () => ({ n: i, pad: 'x'.repeat(1000) })).encoded('gzip');
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.size).toBeGreaterThan(1);
    expect(cache.size).toBeLessThan(50);
  });

  it('keeps an answer that comes out the same after a write, with its entity tag and time', () => {
    const cache = createResponseCache(db, createDataVersion());
    let builds = 0;
    const answer = () => cache.answer(['/same'], schema, () => (builds++, { n: 1, pad: '' }), null, (json) => json.replace('"pad":""', `"pad":"${builds}"`));
    const first = answer();
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('cache-same', 'x')").run();
    const second = answer();
    expect(builds).toBe(2);
    expect(second.etag).toBe(first.etag);
    expect(second.body.toString()).toBe(first.body.toString());
  });
});

describe('remembered sessions', () => {
  it('signing out ends the session on the very next request', async () => {
    const cookie = await signIn(app, 'enhetschef');
    const url = '/api/values?metric=staff_turnover&unit=soc';
    expect((await get(url, cookie)).statusCode).toBe(200);
    expect((await get(url, cookie)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await get(url, cookie)).statusCode).toBe(401);
    expect((await get(url, um)).statusCode).toBe(200);
  });

  it('a role change or a deactivation takes effect on the very next request', async () => {
    const created = await send('POST', '/api/users', {
      username: 'cache.chef',
      displayName: 'Cache Chef',
      role: 'unit_manager',
      unitIds: ['ifo-vuxenenheten'],
      password: 'ett långt lösenord',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const url = '/api/values?metric=staff_turnover&unit=soc';
    let cookie = await signIn(app, 'cache.chef', 'ett långt lösenord');
    expect((await get(url, cookie)).statusCode).toBe(200);
    expect((await send('PATCH', `/api/users/${id}`, { role: 'politician' })).statusCode).toBe(200);
    expect((await get(url, cookie)).statusCode).toBe(401);

    cookie = await signIn(app, 'cache.chef', 'ett långt lösenord');
    expect((await get('/api/auth/me', cookie)).json().role).toBe('politician');
    expect((await get(url, cookie)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/users/${id}`, { isActive: false })).statusCode).toBe(200);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
  });

  it('an expired session is refused though it was remembered', async () => {
    const cookie = await signIn(app, 'enhetschef');
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(200);
    const token = cookie.slice('tillit_session='.length);
    db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ?").run(hashToken(token));
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
  });
});

describe('a write by another process (the import CLI while the server runs)', () => {
  it('shows in the figures on the next request once a millisecond has passed (db/stamp.ts)', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildApp } = await import('../app.js');
    const { migrate, openDatabase } = await import('../db/database.js');
    const { seed } = await import('../services/seed.js');
    const dir = mkdtempSync(join(tmpdir(), 'tillit-other-writer-'));
    const path = join(dir, 'tillit.db');
    const serverDb = openDatabase(path);
    migrate(serverDb);
    seed(serverDb, { demo: true });
    const server = await buildApp({ db: serverDb });
    const cli = openDatabase(path);
    try {
      const cookie = await signIn(server, 'utvecklingschef');
      const url = '/api/values?metric=staff_turnover&unit=soc&from=2024&to=2024';
      const figure = async () => valuesResponseSchema.parse((await server.inject({ method: 'GET', url, headers: { cookie } })).json()).points[0]!;
      const before = await figure();
      // Another connection doubles every unit's leavers in 2024, as an import by the CLI would.
      cli.prepare("UPDATE metric_values SET numerator_c = numerator_c * 2 WHERE metric_key = 'staff_turnover' AND year = 2024").run();
      // The server asks whether another connection committed at most every OTHER_WRITERS_EVERY_MS.
      await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_EVERY_MS + 1));
      const after = await figure();
      expect(after.numerator).toBeCloseTo(before.numerator! * 2, 2);
    } finally {
      cli.close();
      await server.close();
      serverDb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
