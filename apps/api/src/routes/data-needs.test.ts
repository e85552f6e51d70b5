import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  for (const u of ['utvecklingschef', 'enhetschef', 'politiker']) cookies[u] = await signIn(app, u);
});
afterAll(() => app.close());

const as = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

describe('"Vilka data behöver du?"', () => {
  let id: number;

  it('a unit manager asks; the answer is received, theirs, and audited', async () => {
    const res = await as('enhetschef', 'POST', '/api/data-needs', {
      metricKey: 'manager_sick_leave',
      unitId: 'hemtjanst-hemtjanst-oster',
      text: 'Korttidsfrånvaro per månad, så att vi ser mönster innan det blir långa sjukskrivningar.',
    });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(id).toEqual(expect.any(Number));
    const mine = (await as('enhetschef', 'GET', '/api/data-needs')).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id, status: 'received', reply: null, isOwn: true, isUnread: false });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'data_need' AND action = 'create'").pluck().get()).toBe(1);
  });

  it('anyone signed in may ask, a politician too; others do not see each other’s questions', async () => {
    expect((await as('politiker', 'POST', '/api/data-needs', { metricKey: 'staff_turnover', text: 'Jämförelse med andra kommuner.' })).statusCode).toBe(201);
    const theirs = (await as('politiker', 'GET', '/api/data-needs')).json();
    expect(theirs.map((n: { metricKey: string }) => n.metricKey)).toEqual(['staff_turnover']);
    expect((await as('enhetschef', 'GET', '/api/data-needs')).json()).toHaveLength(1);
  });

  it('the development manager sees all, filters them, and replies; the asker sees the reply as unread', async () => {
    const all = (await as('utvecklingschef', 'GET', '/api/data-needs')).json();
    expect(all).toHaveLength(2);
    expect((await as('utvecklingschef', 'GET', '/api/data-needs?metric=manager_sick_leave')).json()).toHaveLength(1);
    expect((await as('utvecklingschef', 'GET', '/api/data-needs?status=planned')).json()).toHaveLength(0);
    const res = await as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, {
      status: 'planned',
      reply: 'Bra idé. HR tar fram månadsvis korttidsfrånvaro från och med nästa år.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'planned', repliedBy: 'Utvecklingschef (demo)' });
    const mine = (await as('enhetschef', 'GET', '/api/data-needs')).json()[0];
    expect(mine).toMatchObject({ status: 'planned', reply: expect.stringContaining('HR tar fram'), isUnread: true });
    expect((await as('enhetschef', 'POST', `/api/data-needs/${id}/read`)).statusCode).toBe(204);
    expect((await as('enhetschef', 'GET', '/api/data-needs')).json()[0].isUnread).toBe(false);
  });

  it('only the development manager replies; a decline needs a reason', async () => {
    expect((await as('enhetschef', 'PATCH', `/api/data-needs/${id}`, { status: 'added' })).statusCode).toBe(403);
    const declined = await as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'declined' });
    expect(declined.statusCode).toBe(400);
    expect(JSON.stringify(declined.json().error)).toContain('reply');
    expect((await as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'kanske' })).statusCode).toBe(400);
    expect((await as('utvecklingschef', 'PATCH', '/api/data-needs/999', { status: 'planned' })).statusCode).toBe(404);
  });

  it('an answer of "added" can link to the new metric, which must exist', async () => {
    const bad = await as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'added', addedMetricKey: 'no_such_metric' });
    expect(bad.statusCode).toBe(400);
    const ok = await as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'added', addedMetricKey: 'staff_turnover' });
    expect(ok.json()).toMatchObject({ status: 'added', addedMetricKey: 'staff_turnover' });
  });

  it('refuses bad questions with 400 and writes nothing', async () => {
    const before = db.prepare('SELECT count(*) FROM data_needs').pluck().get();
    for (const payload of [
      { metricKey: 'manager_sick_leave', text: '' },
      { metricKey: 'nope', text: 'Något' },
      { metricKey: 'manager_sick_leave', text: 'Något', unitId: 'nowhere' },
      { metricKey: 'manager_sick_leave', text: 'x'.repeat(4001) },
    ]) {
      const res = await as('enhetschef', 'POST', '/api/data-needs', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    expect(db.prepare('SELECT count(*) FROM data_needs').pluck().get()).toBe(before);
  });

  it('shows the loop’s own health: open questions and median days to a reply', async () => {
    const stats = (await as('utvecklingschef', 'GET', '/api/data-needs/stats')).json();
    expect(stats).toMatchObject({ total: 2, open: 1, unanswered: 1, byStatus: { added: 1, received: 1 } });
    expect(stats.medianDaysToReply).toBe(0);
    expect((await as('enhetschef', 'GET', '/api/data-needs/stats')).statusCode).toBe(403);
  });

  it('only the asker marks a reply read', async () => {
    expect((await as('utvecklingschef', 'POST', `/api/data-needs/${id}/read`)).statusCode).toBe(403);
  });

  it('answers someone who may not see a question as if it did not exist, so ids cannot be probed', async () => {
    const someoneElses = await as('politiker', 'POST', `/api/data-needs/${id}/read`);
    const missing = await as('politiker', 'POST', '/api/data-needs/999999/read');
    expect(someoneElses.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const withoutId = (res: typeof missing) => ({ ...res.json().error, requestId: undefined, message: res.json().error.message.replace(/\d+/, 'N') });
    expect(withoutId(someoneElses)).toEqual(withoutId(missing));
  });
});
