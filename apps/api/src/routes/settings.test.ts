import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';
import { createMailTestApp } from '../test-mail-app.js';
import { freePort } from '../test-smtp.js';

// "Mina inställningar": each person's language for e-mail and the kinds of e-mail they want.

let app: FastifyInstance;
let db: Db;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  for (const u of ['utvecklingschef', 'enhetschef', 'politiker']) cookies[u] = await signIn(app, u);
});
afterAll(() => app.close());

const as = (who: string, method: 'GET' | 'PUT', payload?: object) =>
  app.inject({ method, url: '/api/settings', headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

describe('GET /api/settings', () => {
  it('offers each role the e-mail it can get, all on, in Swedish, with the address it goes to', async () => {
    expect((await as('utvecklingschef', 'GET')).json()).toEqual({
      language: 'sv',
      email: 'utvecklingschef@example.org',
      isEmailFromProvider: false,
      isMailOn: false,
      mail: [
        { kind: 'data_need_reply', isOn: true },
        { kind: 'annotation_reply', isOn: true },
        { kind: 'data_need_digest', isOn: true },
      ],
    });
    expect((await as('enhetschef', 'GET')).json().mail.map((m: { kind: string }) => m.kind)).toEqual(['data_need_reply', 'annotation_reply']);
    expect((await as('politiker', 'GET')).json().mail).toEqual([{ kind: 'data_need_reply', isOn: true }]);
    expect((await app.inject({ method: 'GET', url: '/api/settings' })).statusCode).toBe(401);
  });
});

describe('PUT /api/settings', () => {
  it('changes only what is sent, keeps it, and writes the change to the audit log', async () => {
    const res = await as('enhetschef', 'PUT', { language: 'en', mail: { annotation_reply: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: 'en', mail: [{ kind: 'data_need_reply', isOn: true }, { kind: 'annotation_reply', isOn: false }] });
    expect((await as('enhetschef', 'PUT', { mail: { data_need_reply: false } })).json()).toMatchObject({
      language: 'en',
      mail: [{ kind: 'data_need_reply', isOn: false }, { kind: 'annotation_reply', isOn: false }],
    });
    expect((await as('enhetschef', 'PUT', { mail: { data_need_reply: true, annotation_reply: true } })).json().mail).toEqual([
      { kind: 'data_need_reply', isOn: true },
      { kind: 'annotation_reply', isOn: true },
    ]);
    expect((await as('enhetschef', 'GET')).json().language).toBe('en');
    // Another person's settings are their own.
    expect((await as('utvecklingschef', 'GET')).json().language).toBe('sv');
    const entries = db.prepare("SELECT username, entity_id AS entityId, before_json AS b, after_json AS a FROM audit_log WHERE entity = 'settings' ORDER BY id").all() as {
      username: string;
      entityId: string;
      b: string;
      a: string;
    }[];
    expect(entries).toHaveLength(3);
    expect(entries[0]!.username).toBe('enhetschef');
    expect(JSON.parse(entries[0]!.b)).toEqual({ language: 'sv', mail: { data_need_reply: true, annotation_reply: true } });
    expect(JSON.parse(entries[0]!.a)).toEqual({ language: 'en', mail: { data_need_reply: true, annotation_reply: false } });
  });

  it('refuses what it cannot take with 400, naming the field, and changes nothing', async () => {
    const before = db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'settings'").pluck().get();
    for (const [payload, field] of [
      [{}, ''],
      [{ language: 'de' }, 'language'],
      [{ mail: { newsletter: true } }, 'mail'],
      [{ mail: { data_need_reply: 'ja' } }, 'mail.data_need_reply'],
      [{ language: 'sv', theme: 'dark' }, ''],
    ] as const) {
      const res = await as('enhetschef', 'PUT', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json().error), JSON.stringify(payload)).toContain(field);
    }
    // A politician gets no digest, so cannot turn it on or off.
    const digest = await as('politiker', 'PUT', { mail: { data_need_digest: false } });
    expect(digest.statusCode).toBe(400);
    expect(digest.json().error.details).toEqual([{ path: 'body.mail.data_need_digest', message: 'Det slaget av e-post skickas inte till din roll' }]);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'settings'").pluck().get()).toBe(before);
  });
});

describe('a person’s data (GDPR)', () => {
  it('their export holds their e-mail language, opt-outs and messages; erasing them takes all three', async () => {
    const t = await createMailTestApp({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
    expect((await t.as('enhetschef', 'PUT', '/api/settings', { language: 'en', mail: { annotation_reply: false } })).statusCode).toBe(200);
    const asked = await t.as('enhetschef', 'POST', '/api/data-needs', { metricKey: 'staff_turnover', text: 'En fråga.' });
    await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${asked.json<{ id: number }>().id}`, { status: 'planned', reply: 'Ja.' });
    const id = t.db.prepare("SELECT id FROM users WHERE username = 'enhetschef'").pluck().get() as number;
    expect(t.db.prepare('SELECT count(*) FROM outbox WHERE recipient_id = ?').pluck().get(id)).toBe(1);
    const exported = (await t.as('utvecklingschef', 'GET', `/api/users/${id}/personal-data`)).json();
    expect(exported.mail).toEqual({
      language: 'en',
      optOuts: ['annotation_reply'],
      messages: [{ kind: 'data_need_reply', subject: 'Reply to your question about Staff turnover', status: 'waiting', createdAt: expect.any(String), sentAt: null }],
    });
    expect((await t.as('utvecklingschef', 'POST', `/api/users/${id}/erase`, { keepContent: true })).statusCode).toBe(200);
    expect(t.db.prepare('SELECT count(*) FROM outbox WHERE recipient_id = ?').pluck().get(id)).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM mail_opt_outs WHERE user_id = ?').pluck().get(id)).toBe(0);
    expect(t.db.prepare('SELECT language FROM users WHERE id = ?').pluck().get(id)).toBeNull();
    await t.app.close();
  });
});
