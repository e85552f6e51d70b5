import { publicLinkCreatedSchema, publicLinkSchema, summaryResponseSchema, type SummaryResponse } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

// Public links: what an anonymous reader sees, and which summaries a link opens.

let app: FastifyInstance;
let db: Db;
let dm: string;
let politician: string;
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  politician = await signIn(app, 'politiker');
});
afterAll(() => app.close());

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = dm) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string) => app.inject({ method: 'GET', url });

async function createLink(payload: object) {
  const res = await send('POST', '/api/public-links', payload);
  expect(res.statusCode, res.body).toBe(201);
  return publicLinkCreatedSchema.parse(res.json());
}

async function publicSummary(token: string, unit?: string): Promise<SummaryResponse> {
  const res = await get(`/api/public/${token}/summary${unit ? `?unit=${unit}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return summaryResponseSchema.parse(res.json());
}

const sickLeaveNotes = (s: SummaryResponse) => s.metrics.find((m) => m.key === 'manager_sick_leave')!.annotations;

describe("authors' names on a public link", () => {
  let noteId: number;
  beforeAll(async () => {
    const res = await send('POST', '/api/annotations', {
      unitId: 'soc',
      metricKey: 'manager_sick_leave',
      year: 2023,
      text: 'Chefsstödet byggdes ut 2023.',
      visibility: 'public',
    });
    expect(res.statusCode, res.body).toBe(201);
    noteId = res.json().id;
  });

  it('are not shown to anonymous readers unless the development manager chooses so', async () => {
    const link = await createLink({ label: 'Socialnämnden' });
    expect(link.showAuthors).toBe(false);
    const notes = sickLeaveNotes(await publicSummary(link.token));
    expect(notes.map((n) => [n.id, n.text, n.author])).toEqual([[noteId, 'Chefsstödet byggdes ut 2023.', null]]);
    const body = (await get(`/api/public/${link.token}/summary`)).body;
    expect(body).not.toContain('Utvecklingschef (demo)');
    // Signed-in politicians still see who wrote it.
    const signedIn = summaryResponseSchema.parse((await app.inject({ url: '/api/summary', headers: { cookie: politician } })).json());
    expect(sickLeaveNotes(signedIn)[0]!.author).toEqual({ displayName: 'Utvecklingschef (demo)' });
  });

  it('are shown when the link says so, at creation or changed later, and the change is audited', async () => {
    const shown = await createLink({ label: 'Med namn', showAuthors: true });
    expect(sickLeaveNotes(await publicSummary(shown.token))[0]!.author).toEqual({ displayName: 'Utvecklingschef (demo)' });

    const link = await createLink({ label: 'Ändras' });
    const changed = await send('PATCH', `/api/public-links/${link.id}`, { showAuthors: true });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(publicLinkSchema.parse(changed.json()).showAuthors).toBe(true);
    expect(sickLeaveNotes(await publicSummary(link.token))[0]!.author).toEqual({ displayName: 'Utvecklingschef (demo)' });
    expect((await send('PATCH', `/api/public-links/${link.id}`, { showAuthors: false })).statusCode).toBe(200);
    expect(sickLeaveNotes(await publicSummary(link.token))[0]!.author).toBeNull();

    const audit = db
      .prepare("SELECT action, before_json AS b, after_json AS a FROM audit_log WHERE entity = 'public_link' AND entity_id = ? ORDER BY id")
      .all(String(link.id)) as { action: string; b: string | null; a: string }[];
    expect(audit.map((r) => [r.action, r.b && JSON.parse(r.b).showAuthors, JSON.parse(r.a).showAuthors])).toEqual([
      ['create', null, false],
      ['update', false, true],
      ['update', true, false],
    ]);
  });

  it('is the development manager’s choice only, and a bad value is a 400 naming the field', async () => {
    const link = await createLink({ label: 'Behörighet' });
    expect((await send('PATCH', `/api/public-links/${link.id}`, { showAuthors: true }, politician)).statusCode).toBe(403);
    const bad = await send('PATCH', `/api/public-links/${link.id}`, { showAuthors: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('showAuthors');
    expect((await send('PATCH', '/api/public-links/99999', { showAuthors: true })).statusCode).toBe(404);
  });
});

describe('which summaries a public link opens', () => {
  let token: string;
  beforeAll(async () => {
    token = (await createLink({ label: 'Enheter' })).token;
  });

  it('the organisation and its areas', async () => {
    const root = await publicSummary(token);
    expect(root.unit.id).toBe('soc');
    for (const area of root.areas) expect((await publicSummary(token, area.id)).unit.id).toBe(area.id);
  });

  it('not a single unit, nor a closed one, nor an unknown one: 404 with a message, as for everyone', async () => {
    const closed = db.prepare("SELECT id FROM units WHERE valid_to IS NOT NULL AND valid_to < date('now') LIMIT 1").pluck().get() as string;
    for (const unit of ['hemtjanst-hemtjanst-oster', closed, 'finns-inte']) {
      const res = await get(`/api/public/${token}/summary?unit=${unit}`);
      expect(res.statusCode, unit).toBe(404);
      expect(res.json().error.message).toMatch(/hela organisationen och dess områden/);
    }
  });

  it('stops serving an area once it no longer qualifies, and leaves it out of the choices', async () => {
    const created = await send('POST', '/api/units', { id: 'gamla-omradet', name: 'Gamla området', kind: 'area', parentId: 'soc', validFrom: '2015-01-01' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await publicSummary(token, 'gamla-omradet')).unit.id).toBe('gamla-omradet');

    expect((await send('POST', '/api/units/gamla-omradet/close', { validTo: '2020-12-31' })).statusCode).toBe(200);
    expect((await get(`/api/public/${token}/summary?unit=gamla-omradet`)).statusCode).toBe(404);
    expect((await publicSummary(token)).areas.map((a) => a.id)).not.toContain('gamla-omradet');

    // An area that becomes a single unit no longer qualifies either.
    expect((await send('PATCH', '/api/units/hsl', { kind: 'unit' })).statusCode).toBe(200);
    try {
      expect((await get(`/api/public/${token}/summary?unit=hsl`)).statusCode).toBe(404);
      expect((await publicSummary(token)).areas.map((a) => a.id)).not.toContain('hsl');
    } finally {
      expect((await send('PATCH', '/api/units/hsl', { kind: 'area' })).statusCode).toBe(200);
    }
  });
});
