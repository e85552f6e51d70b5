import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../test-app.js';

// Cached answers carry an entity tag of the caller's scope and the answer (http/response-cache.ts):
// the same request again with `If-None-Match` costs a 304, a write that changes the answer gives
// a new tag, and a tag of one scope is never honoured for another.

let app: FastifyInstance;
let dm: string;
let um: string;
let politician: string;
beforeAll(async () => {
  ({ app } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  um = await signIn(app, 'enhetschef');
  politician = await signIn(app, 'politiker');
});
afterAll(() => app.close());

const get = (url: string, cookie: string | null, etag?: string) =>
  app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...(etag ? { 'if-none-match': etag } : {}) } });
const write = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie: dm } });

/** The first answer's tag, and that asking again with it gives a 304 with no body. */
async function tagOf(url: string, cookie: string | null): Promise<string> {
  const first = await get(url, cookie);
  expect(first.statusCode, first.body).toBe(200);
  const etag = first.headers.etag;
  expect(etag).toMatch(/^W\/"[^"]+"$/);
  const again = await get(url, cookie, String(etag));
  expect(again.statusCode).toBe(304);
  expect(again.body).toBe('');
  expect(again.headers.etag).toBe(etag);
  return String(etag);
}

async function publicLink(): Promise<{ id: number; token: string }> {
  const res = await write('POST', '/api/public-links', { label: 'Nämnden' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('conditional requests on cached answers', () => {
  it.each([
    ['/api/values?metric=staff_turnover&unit=soc', 'dm'],
    ['/api/summary', 'politician'],
    ['/api/units', 'dm'],
    ['/api/units?include=closed', 'dm'],
    ['/api/metrics', 'um'],
    ['/api/principles', 'politician'],
  ])('%s answers 304 to its own entity tag, and may be kept only by the browser', async (url, who) => {
    const cookie = { dm, um, politician }[who]!;
    await tagOf(url, cookie);
    expect((await get(url, cookie)).headers['cache-control']).toBe('private, no-cache');
  });

  it('a public link answers 304 too, and stops answering at all once revoked', async () => {
    const link = await publicLink();
    const url = `/api/public/${link.token}/summary`;
    const etag = await tagOf(url, null);
    expect((await get(url, null)).headers['cache-control']).toBe('no-cache');
    expect((await write('DELETE', `/api/public-links/${link.id}`)).statusCode).toBe(200);
    const gone = await get(url, null, etag);
    expect(gone.statusCode).toBe(404);
  });

  it('gives a new answer and tag after a write that changes it', async () => {
    const values = '/api/values?metric=staff_turnover&unit=funktionsstod';
    const summary = '/api/summary';
    const tree = '/api/units';
    const catalogue = '/api/metrics';
    const before = { values: await tagOf(values, dm), summary: await tagOf(summary, politician), tree: await tagOf(tree, dm), catalogue: await tagOf(catalogue, dm) };

    expect((await write('PATCH', '/api/metrics/staff_turnover', { suppressionThreshold: 1000 })).statusCode).toBe(200);
    const note = { unitId: 'soc', metricKey: 'manager_sick_leave', year: 2022, text: 'Ny notering för nämnden.', visibility: 'public' };
    expect((await write('POST', '/api/annotations', note)).statusCode).toBe(201);
    expect((await write('PATCH', '/api/units/funktionsstod', { name: 'Funktionsstöd (nytt namn)' })).statusCode).toBe(200);

    for (const [url, cookie, old] of [
      [values, dm, before.values],
      [summary, politician, before.summary],
      [tree, dm, before.tree],
      [catalogue, dm, before.catalogue],
    ] as const) {
      const res = await get(url, cookie, old);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers.etag, url).not.toBe(old);
    }
    expect((await get(values, dm)).json().points.every((p: { suppressed: boolean }) => p.suppressed)).toBe(true);
    expect((await get(tree, dm)).body).toContain('Funktionsstöd (nytt namn)');
    expect((await write('PATCH', '/api/metrics/staff_turnover', { suppressionThreshold: 10 })).statusCode).toBe(200);
  });

  it('keeps the tag through a write that leaves the answer as it was', async () => {
    const url = '/api/values?metric=manager_sick_leave&unit=soc';
    const etag = await tagOf(url, dm);
    // A question about data is a write, but no figure changes.
    const asked = await app.inject({ method: 'POST', url: '/api/data-needs', payload: { metricKey: 'staff_turnover', text: 'Fördelat per kön?' }, headers: { cookie: um } });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await get(url, dm, etag)).statusCode).toBe(304);
  });

  it("never honours one scope's tag for another", async () => {
    // The development manager and a unit manager see the same department differently.
    const url = '/api/values?metric=manager_sick_leave&unit=soc';
    const dmTag = await tagOf(url, dm);
    const res = await get(url, um, dmTag);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).not.toBe(dmTag);

    // Another unit manager (other units) never gets the first one's 304, even for an answer
    // that reads the same.
    const created = await write('POST', '/api/users', {
      username: 'etag.chef', displayName: 'Etag Chef', role: 'unit_manager', unitIds: ['ifo-vuxenenheten'], password: 'ett långt lösenord',
    });
    expect(created.statusCode, created.body).toBe(201);
    const other = await signIn(app, 'etag.chef', 'ett långt lösenord');
    const umTag = await tagOf(url, um);
    expect((await get(url, other, umTag)).statusCode).toBe(200);

    // The summary: a politician's tag is not a public link's, nor the development manager's.
    const link = await publicLink();
    const summaryTag = await tagOf('/api/summary', politician);
    expect((await get(`/api/public/${link.token}/summary`, null, summaryTag)).statusCode).toBe(200);
    expect((await get('/api/summary', dm, summaryTag)).statusCode).toBe(200);
    expect((await get('/api/summary', politician, summaryTag)).statusCode).toBe(304);
  });

  it('refuses a caller first, whatever tag they hold', async () => {
    const url = '/api/values?metric=staff_turnover&unit=soc';
    const etag = await tagOf(url, dm);
    expect((await get(url, politician, etag)).statusCode).toBe(403);
    expect((await get(url, null, etag)).statusCode).toBe(401);
  });
});
