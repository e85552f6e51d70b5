import {
  annotationReplySchema,
  annotationThreadSchema,
  annotationThreadsResponseSchema,
  errorEnvelopeSchema,
  recentAnnotationsResponseSchema,
  type AnnotationThread,
} from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { listPublicAnnotations } from '../services/annotations.js';
import { createTestApp, signIn } from '../test-app.js';

const OSTER = 'hemtjanst-hemtjanst-oster';
const VASTER = 'hemtjanst-hemtjanst-vaster';
const METRIC = 'manager_sick_leave';

let app: FastifyInstance;
let db: Db;
const cookies: Record<'dm' | 'um' | 'pol', string> = { dm: '', um: '', pol: '' };

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookies.dm = await signIn(app, 'utvecklingschef');
  cookies.um = await signIn(app, 'enhetschef');
  cookies.pol = await signIn(app, 'politiker');
});
afterAll(() => app.close());
// Each test starts without notes, so counts and lists say what that test wrote.
beforeEach(() => {
  db.prepare('DELETE FROM annotations').run();
  db.prepare("DELETE FROM audit_log WHERE entity = 'annotation'").run();
});

type Who = keyof typeof cookies | 'anonymous';
function call(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const headers = who === 'anonymous' ? {} : { cookie: cookies[who] };
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

const note = (overrides: Record<string, unknown> = {}) => ({
  unitId: OSTER,
  metricKey: METRIC,
  year: 2022,
  text: 'Två långa sjukskrivningar, båda tillbaka i tjänst.',
  visibility: 'internal',
  ...overrides,
});

async function create(who: Who, overrides: Record<string, unknown> = {}): Promise<AnnotationThread> {
  const res = await call(who, 'POST', '/api/annotations', note(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return annotationThreadSchema.parse(res.json());
}

const count = () => db.prepare('SELECT count(*) FROM annotations').pluck().get() as number;
const auditRows = () => listAudit(db, { limit: 100, entity: 'annotation' });

function expectError(res: { statusCode: number; json: () => unknown }, status: number, path?: string) {
  expect(res.statusCode).toBe(status);
  const envelope = errorEnvelopeSchema.parse(res.json());
  if (path) expect(envelope.error.details?.map((d) => d.path)).toContain(path);
  return envelope.error;
}

describe('POST /api/annotations: who may write where', () => {
  it("lets a unit manager annotate their own unit, with a year's span", async () => {
    const created = await create('um', { yearTo: 2023, visibility: 'public' });
    expect(created).toMatchObject({
      unitId: OSTER,
      metricKey: METRIC,
      yearFrom: 2022,
      yearTo: 2023,
      visibility: 'public',
      canEdit: true,
      replies: [],
      author: { username: 'enhetschef', displayName: 'Enhetschef, Hemtjänst Öster och Väster (demo)' },
    });
    expect(created.createdAt).toBe(created.updatedAt);
  });

  it('makes a single year when no end year is given', async () => {
    expect(await create('um', { unitId: VASTER })).toMatchObject({ yearFrom: 2022, yearTo: 2022 });
  });

  it("refuses a unit manager another area's unit and their own units' parent area, writing nothing", async () => {
    for (const unitId of ['ifo-vuxenenheten', 'hemtjanst']) {
      const error = expectError(await call('um', 'POST', '/api/annotations', note({ unitId })), 403);
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(count()).toBe(0);
    expect(auditRows()).toEqual([]);
  });

  it('refuses a politician (403) and anyone not signed in (401)', async () => {
    expectError(await call('pol', 'POST', '/api/annotations', note()), 403);
    expectError(await call('anonymous', 'POST', '/api/annotations', note()), 401);
    expect(count()).toBe(0);
  });

  it('lets the development manager annotate any unit, areas and the department included', async () => {
    for (const unitId of ['ifo-vuxenenheten', 'hemtjanst', 'soc']) expect((await create('dm', { unitId })).unitId).toBe(unitId);
  });
});

describe('POST /api/annotations: bad input is a 400 that names the field', () => {
  it.each([
    ['an unknown unit', { unitId: 'no-such-unit' }, 'body.unitId'],
    ['an unknown metric', { metricKey: 'no_such_metric' }, 'body.metricKey'],
    ['an empty text', { text: '   \n  ' }, 'body.text'],
    ['a text over 4000 characters', { text: 'x'.repeat(4001) }, 'body.text'],
    ['control characters', { text: 'a\u0007b' }, 'body.text'],
    ['a year that is not whole', { year: 2021.5 }, 'body.year'],
    ['a year before 1990', { year: 1989 }, 'body.year'],
    ['a year after 2100', { year: 2101 }, 'body.year'],
    ['a year as text', { year: '2022' }, 'body.year'],
    ['a span that ends before it starts', { yearTo: 2021 }, 'body.yearTo'],
    ['an unknown visibility', { visibility: 'secret' }, 'body.visibility'],
  ])('refuses %s', async (_label, overrides, path) => {
    const error = expectError(await call('um', 'POST', '/api/annotations', note(overrides)), 400, path);
    expect(error.code).toBe('VALIDATION');
    expect(error.message.length).toBeGreaterThan(0);
    expect(count()).toBe(0);
  });

  it('refuses a missing field', async () => {
    const { text: _text, ...withoutText } = note();
    expectError(await call('um', 'POST', '/api/annotations', withoutText), 400, 'body.text');
  });

  it('accepts exactly 4000 characters and trims the text', async () => {
    expect((await create('um', { text: `  ${'y'.repeat(4000)}  ` })).text).toBe('y'.repeat(4000));
  });
});

describe('plain text only', () => {
  it('stores markup as the literal text and gives it back unchanged', async () => {
    const text = '<script>alert(1)</script>\n<b>fet</b> & "citat"';
    const created = await create('um', { text });
    expect(created.text).toBe(text);
    const list = annotationThreadsResponseSchema.parse((await call('um', 'GET', `/api/annotations?metric=${METRIC}&unit=${OSTER}`)).json());
    expect(list[0]?.text).toBe(text);
    expect(db.prepare('SELECT text FROM annotations').pluck().get()).toBe(text);
  });

  it('keeps line breaks and tabs, making Windows line endings plain newlines', async () => {
    expect((await create('um', { text: 'rad ett\r\nrad två\n\tindrag' })).text).toBe('rad ett\nrad två\n\tindrag');
  });
});

describe('GET /api/annotations', () => {
  it("lists a unit's threads by year with replies oldest first, and canEdit for the author only", async () => {
    const later = await create('um', { year: 2024, text: 'Ny chef från mars.' });
    const earlier = await create('um', { year: 2020, yearTo: 2021, text: 'Pandemin.' });
    await call('dm', 'POST', `/api/annotations/${earlier.id}/replies`, { text: 'Tack, det förklarar toppen.' });
    await call('um', 'POST', `/api/annotations/${earlier.id}/replies`, { text: 'Ja, och vikarierna.' });

    const asManager = annotationThreadsResponseSchema.parse((await call('um', 'GET', `/api/annotations?metric=${METRIC}&unit=${OSTER}`)).json());
    expect(asManager.map((t) => t.id)).toEqual([earlier.id, later.id]);
    expect(asManager[0]?.replies.map((r) => [r.text, r.author.username, r.canEdit])).toEqual([
      ['Tack, det förklarar toppen.', 'utvecklingschef', false],
      ['Ja, och vikarierna.', 'enhetschef', true],
    ]);
    expect(asManager.map((t) => t.canEdit)).toEqual([true, true]);

    const asDevelopmentManager = annotationThreadsResponseSchema.parse((await call('dm', 'GET', `/api/annotations?metric=${METRIC}&unit=${OSTER}`)).json());
    expect(asDevelopmentManager.map((t) => t.canEdit)).toEqual([false, false]);
    expect(asDevelopmentManager[0]?.replies.map((r) => r.canEdit)).toEqual([true, false]);
  });

  it("shows a unit's own notes only: neither its children's on its chart, nor other metrics'", async () => {
    await create('um');
    await create('um', { metricKey: 'staff_turnover' });
    const parent = await call('dm', 'GET', `/api/annotations?metric=${METRIC}&unit=hemtjanst`);
    expect(parent.json()).toEqual([]);
    const turnover = annotationThreadsResponseSchema.parse((await call('dm', 'GET', `/api/annotations?metric=staff_turnover&unit=${OSTER}`)).json());
    expect(turnover).toHaveLength(1);
  });

  it('lets unit managers read any unit, refuses politicians and anonymous callers', async () => {
    await create('dm', { unitId: 'ifo-vuxenenheten' });
    const res = await call('um', 'GET', `/api/annotations?metric=${METRIC}&unit=ifo-vuxenenheten`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(1);
    expectError(await call('pol', 'GET', `/api/annotations?metric=${METRIC}&unit=ifo-vuxenenheten`), 403);
    expectError(await call('anonymous', 'GET', `/api/annotations?metric=${METRIC}&unit=ifo-vuxenenheten`), 401);
  });

  it('answers an unknown metric or unit, or a missing one, with a 400 naming it', async () => {
    expectError(await call('um', 'GET', `/api/annotations?metric=nope&unit=${OSTER}`), 400, 'query.metric');
    expectError(await call('um', 'GET', `/api/annotations?metric=${METRIC}&unit=nope`), 400, 'query.unit');
    expectError(await call('um', 'GET', `/api/annotations?unit=${OSTER}`), 400, 'querystring.metric');
  });
});

describe('GET /api/annotations/recent', () => {
  it('gives the latest threads of a unit and the units below it, newest first, with reply counts', async () => {
    const first = await create('um', { text: 'Äldst' });
    await create('um', { unitId: VASTER, metricKey: 'staff_turnover', text: 'Mitten' });
    const newest = await create('dm', { unitId: 'hemtjanst', metricKey: 'staff_per_manager', text: 'Nyast' });
    await create('dm', { unitId: 'ifo-vuxenenheten', text: 'Annat område' });
    await call('dm', 'POST', `/api/annotations/${first.id}/replies`, { text: 'Svar' });

    const res = await call('um', 'GET', '/api/annotations/recent?unit=hemtjanst');
    const recent = recentAnnotationsResponseSchema.parse(res.json());
    expect(recent.map((r) => r.text)).toEqual(['Nyast', 'Mitten', 'Äldst']);
    expect(recent[0]).toMatchObject({ id: newest.id, unitId: 'hemtjanst', metricKey: 'staff_per_manager', replyCount: 0, canEdit: false });
    expect(recent[2]?.replyCount).toBe(1);

    const limited = recentAnnotationsResponseSchema.parse((await call('um', 'GET', '/api/annotations/recent?unit=soc&limit=2')).json());
    expect(limited.map((r) => r.text)).toEqual(['Annat område', 'Nyast']);
    expect(recentAnnotationsResponseSchema.parse((await call('um', 'GET', `/api/annotations/recent?unit=${OSTER}`)).json())).toHaveLength(1);
  });

  it('refuses politicians and unknown units', async () => {
    expectError(await call('pol', 'GET', '/api/annotations/recent?unit=soc'), 403);
    expectError(await call('um', 'GET', '/api/annotations/recent?unit=nope'), 400, 'query.unit');
  });
});

describe('PATCH and DELETE: the author only', () => {
  it('lets the author change text, visibility and years; replies follow the thread', async () => {
    const created = await create('um');
    const reply = annotationReplySchema.parse((await call('dm', 'POST', `/api/annotations/${created.id}/replies`, { text: 'Svar' })).json());
    const res = await call('um', 'PATCH', `/api/annotations/${created.id}`, {
      text: 'Rättad text',
      visibility: 'public',
      year: 2021,
      yearTo: 2023,
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = annotationThreadSchema.parse(res.json());
    expect(updated).toMatchObject({ id: created.id, text: 'Rättad text', visibility: 'public', yearFrom: 2021, yearTo: 2023 });
    expect(updated.replies.map((r) => r.id)).toEqual([reply.id]);
    const stored = db.prepare('SELECT year_from, year_to, visibility FROM annotations WHERE id = ?').get(reply.id);
    expect(stored).toEqual({ year_from: 2021, year_to: 2023, visibility: 'public' });

    const single = annotationThreadSchema.parse((await call('um', 'PATCH', `/api/annotations/${created.id}`, { yearTo: null })).json());
    expect([single.yearFrom, single.yearTo]).toEqual([2021, 2021]);
  });

  it("refuses to change or delete someone else's note (403), and an unknown id is 404", async () => {
    const created = await create('um');
    expectError(await call('dm', 'PATCH', `/api/annotations/${created.id}`, { text: 'Inte min' }), 403);
    expectError(await call('dm', 'DELETE', `/api/annotations/${created.id}`), 403);
    expectError(await call('pol', 'DELETE', `/api/annotations/${created.id}`), 403);
    expectError(await call('anonymous', 'DELETE', `/api/annotations/${created.id}`), 401);
    expect(db.prepare('SELECT text FROM annotations WHERE id = ?').pluck().get(created.id)).toBe(created.text);
    expectError(await call('um', 'PATCH', '/api/annotations/999999', { text: 'x' }), 404);
    expectError(await call('um', 'DELETE', '/api/annotations/999999'), 404);
    expectError(await call('um', 'DELETE', '/api/annotations/abc'), 400);
  });

  it('refuses a unit manager who lost the unit: no edits, no making it public, no deleting; reading stays', async () => {
    const created = await create('um', { unitId: VASTER });
    const umId = db.prepare("SELECT id FROM users WHERE username = 'enhetschef'").pluck().get() as number;
    const units = (ids: string[]) => call('dm', 'PATCH', `/api/users/${umId}`, { unitIds: ids });
    expect((await units([OSTER])).statusCode).toBe(200);
    try {
      const threads = annotationThreadsResponseSchema.parse((await call('um', 'GET', `/api/annotations?metric=${METRIC}&unit=${VASTER}`)).json());
      expect(threads.map((t) => [t.id, t.canEdit])).toEqual([[created.id, false]]);
      const refused = expectError(await call('um', 'PATCH', `/api/annotations/${created.id}`, { visibility: 'public' }), 403);
      expect(refused.message).toMatch(/Hemtjänst Väster/);
      expectError(await call('um', 'PATCH', `/api/annotations/${created.id}`, { text: 'Ändrat efteråt' }), 403);
      expectError(await call('um', 'DELETE', `/api/annotations/${created.id}`), 403);
      expect(db.prepare('SELECT text, visibility FROM annotations WHERE id = ?').get(created.id)).toEqual({ text: created.text, visibility: 'internal' });
      // Their replies in other units stay theirs: anyone on the staff may reply anywhere.
      const reply = annotationReplySchema.parse((await call('um', 'POST', `/api/annotations/${created.id}/replies`, { text: 'Svar' })).json());
      expect((await call('um', 'PATCH', `/api/annotations/${reply.id}`, { text: 'Ändrat svar' })).statusCode).toBe(200);
    } finally {
      expect((await units([OSTER, VASTER])).statusCode).toBe(200);
    }
    expect((await call('um', 'PATCH', `/api/annotations/${created.id}`, { visibility: 'public' })).statusCode).toBe(200);
  });

  it('refuses bad changes with a 400: nothing to change, a backwards span, years or visibility on a reply', async () => {
    const created = await create('um', { year: 2022 });
    expectError(await call('um', 'PATCH', `/api/annotations/${created.id}`, {}), 400);
    expectError(await call('um', 'PATCH', `/api/annotations/${created.id}`, { text: '' }), 400, 'body.text');
    expectError(await call('um', 'PATCH', `/api/annotations/${created.id}`, { yearTo: 2020 }), 400, 'body.yearTo');
    const reply = annotationReplySchema.parse((await call('um', 'POST', `/api/annotations/${created.id}/replies`, { text: 'Svar' })).json());
    expectError(await call('um', 'PATCH', `/api/annotations/${reply.id}`, { visibility: 'public' }), 400, 'body.visibility');
    const edited = annotationThreadSchema.parse((await call('um', 'PATCH', `/api/annotations/${reply.id}`, { text: 'Ändrat svar' })).json());
    expect(edited.id).toBe(created.id);
    expect(edited.replies[0]?.text).toBe('Ändrat svar');
  });

  it("deletes a thread's first note with its replies, and a reply alone", async () => {
    const a = await create('um');
    const b = await create('um', { year: 2023 });
    await call('dm', 'POST', `/api/annotations/${a.id}/replies`, { text: 'Svar 1' });
    const keep = annotationReplySchema.parse((await call('dm', 'POST', `/api/annotations/${b.id}/replies`, { text: 'Svar 2' })).json());
    const gone = annotationReplySchema.parse((await call('um', 'POST', `/api/annotations/${b.id}/replies`, { text: 'Svar 3' })).json());

    expect((await call('um', 'DELETE', `/api/annotations/${a.id}`)).statusCode).toBe(204);
    expect((await call('um', 'DELETE', `/api/annotations/${gone.id}`)).statusCode).toBe(204);
    const left = db.prepare('SELECT id FROM annotations ORDER BY id').pluck().all();
    expect(left).toEqual([b.id, keep.id]);
  });
});

describe('POST /api/annotations/:id/replies', () => {
  it('lets any staff member reply, inheriting unit, metric, years and visibility; a reply to a reply joins the thread', async () => {
    const root = await create('um', { year: 2020, yearTo: 2021, visibility: 'public' });
    const first = await call('dm', 'POST', `/api/annotations/${root.id}/replies`, { text: 'Hur ser det ut nu?' });
    expect(first.statusCode, first.body).toBe(201);
    const firstReply = annotationReplySchema.parse(first.json());
    expect(firstReply).toMatchObject({ parentId: root.id, canEdit: true, author: { username: 'utvecklingschef' } });

    const nested = annotationReplySchema.parse((await call('um', 'POST', `/api/annotations/${firstReply.id}/replies`, { text: 'Bättre, se 2024.' })).json());
    expect(nested.parentId).toBe(root.id);
    const stored = db.prepare('SELECT unit_id, metric_key, year_from, year_to, visibility, parent_id FROM annotations WHERE id = ?').get(nested.id);
    expect(stored).toEqual({ unit_id: OSTER, metric_key: METRIC, year_from: 2020, year_to: 2021, visibility: 'public', parent_id: root.id });
  });

  it('lets a unit manager reply in a unit outside their own, but not a politician or anyone signed out', async () => {
    const root = await create('dm', { unitId: 'ifo-vuxenenheten' });
    expect((await call('um', 'POST', `/api/annotations/${root.id}/replies`, { text: 'Samma hos oss.' })).statusCode).toBe(201);
    expectError(await call('pol', 'POST', `/api/annotations/${root.id}/replies`, { text: 'Hej' }), 403);
    expectError(await call('anonymous', 'POST', `/api/annotations/${root.id}/replies`, { text: 'Hej' }), 401);
    expectError(await call('um', 'POST', '/api/annotations/999999/replies', { text: 'Hej' }), 404);
    expectError(await call('um', 'POST', `/api/annotations/${root.id}/replies`, { text: ' ' }), 400, 'body.text');
  });
});

describe('the audit log', () => {
  it('records every write with who, what, before and after', async () => {
    const created = await create('um');
    const reply = annotationReplySchema.parse((await call('dm', 'POST', `/api/annotations/${created.id}/replies`, { text: 'Svar' })).json());
    await call('um', 'PATCH', `/api/annotations/${created.id}`, { text: 'Ändrad' });
    await call('um', 'DELETE', `/api/annotations/${created.id}`);

    const rows = auditRows().reverse();
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.username])).toEqual([
      ['create', 'annotation', String(created.id), 'enhetschef'],
      ['reply', 'annotation', String(reply.id), 'utvecklingschef'],
      ['update', 'annotation', String(created.id), 'enhetschef'],
      ['delete', 'annotation', String(created.id), 'enhetschef'],
    ]);
    const [create_, reply_, update, delete_] = rows;
    expect(create_?.before).toBeNull();
    expect(create_?.after).toMatchObject({ unitId: OSTER, text: created.text, visibility: 'internal' });
    expect(reply_?.after).toMatchObject({ parentId: created.id, text: 'Svar' });
    expect(update?.before).toMatchObject({ text: created.text });
    expect(update?.after).toMatchObject({ text: 'Ändrad' });
    expect(delete_?.before).toMatchObject({ text: 'Ändrad', replies: [{ id: reply.id, text: 'Svar' }] });
    expect(delete_?.after).toBeNull();
    expect(rows.every((r) => r.requestId !== null)).toBe(true);
  });

  it('writes no audit entry for a refused write', async () => {
    const created = await create('um');
    await call('dm', 'PATCH', `/api/annotations/${created.id}`, { text: 'Inte min' });
    await call('um', 'POST', '/api/annotations', note({ year: 1900 }));
    expect(auditRows().map((r) => r.action)).toEqual(['create']);
  });
});

describe('listPublicAnnotations, for the read-only summary', () => {
  it('gives public first notes only, with the author display name and no username', async () => {
    const shown = await create('um', { visibility: 'public', text: 'Offentlig' });
    await create('um', { text: 'Intern' });
    await create('dm', { unitId: 'ifo-vuxenenheten', visibility: 'public', text: 'Annan enhet' });
    await call('dm', 'POST', `/api/annotations/${shown.id}/replies`, { text: 'Svar på offentlig' });

    const all = listPublicAnnotations(db);
    expect(all.map((a) => a.text).sort()).toEqual(['Annan enhet', 'Offentlig']);
    const mine = listPublicAnnotations(db, { unitIds: [OSTER] });
    expect(mine).toEqual([
      {
        id: shown.id,
        unitId: OSTER,
        metricKey: METRIC,
        yearFrom: 2022,
        yearTo: 2022,
        text: 'Offentlig',
        author: { displayName: 'Enhetschef, Hemtjänst Öster och Väster (demo)' },
        createdAt: shown.createdAt,
        updatedAt: shown.updatedAt,
      },
    ]);
    expect(listPublicAnnotations(db, { unitIds: [] })).toEqual([]);
  });
});
