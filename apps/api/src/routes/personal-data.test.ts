import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

// A data subject's requests: everything about one person as JSON (GDPR art. 15), and erasure
// (art. 17) after which no answer of the API names them.

const UNIT = 'hemtjanst-hemtjanst-oster';
const METRIC = 'staff_turnover';
const NAME = 'Greta Gustafsson';
const USERNAME = 'gretagus';
const PASSWORD = 'blåbärssylt på en torsdag';
const NOTE = 'Två långa sjukskrivningar under våren, båda tillbaka i augusti.';
const REPLY_IN_OTHERS_THREAD = 'Samma mönster hos oss i Väster.';
const QUESTION = 'Hur många timvikarier gick in under sommaren?';

let app: FastifyInstance;
let db: Db;
let dm: string;
let greta: string;
let gretaId: number;
let noteId: number;
let questionId: number;

type Json = Record<string, unknown>;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) {
  return app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

beforeEach(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  const created = await call('POST', '/api/users', dm, { username: USERNAME, displayName: NAME, role: 'unit_manager', unitIds: [UNIT], password: PASSWORD });
  expect(created.statusCode).toBe(201);
  gretaId = created.json<{ id: number }>().id;
  greta = await signIn(app, USERNAME, PASSWORD);

  const note = await call('POST', '/api/annotations', greta, { unitId: UNIT, metricKey: METRIC, year: 2023, text: NOTE, visibility: 'public' });
  expect(note.statusCode).toBe(201);
  noteId = note.json<{ id: number }>().id;
  expect((await call('POST', `/api/annotations/${noteId}/replies`, dm, { text: 'Tack, bra att veta inför nämnden.' })).statusCode).toBe(201);

  const others = await call('POST', '/api/annotations', dm, { unitId: UNIT, metricKey: METRIC, year: 2022, text: 'Omorganisation i mars.', visibility: 'internal' });
  expect((await call('POST', `/api/annotations/${others.json<{ id: number }>().id}/replies`, greta, { text: REPLY_IN_OTHERS_THREAD })).statusCode).toBe(201);

  const question = await call('POST', '/api/data-needs', greta, { metricKey: METRIC, unitId: UNIT, text: QUESTION });
  expect(question.statusCode).toBe(201);
  questionId = question.json<{ id: number }>().id;
  expect((await call('PATCH', `/api/data-needs/${questionId}`, dm, { status: 'planned', reply: 'Vi tar fram det till hösten.' })).statusCode).toBe(200);
});
afterEach(() => app.close());

/** Every answer a development manager and a unit manager can read that could name a person. */
async function everyAnswer(): Promise<{ url: string; body: string }[]> {
  const manager = await signIn(app, 'enhetschef');
  const politician = await signIn(app, 'politiker');
  const reads: [string, string][] = [
    ['/api/users', dm],
    ['/api/audit?limit=500', dm],
    ['/api/data-needs', dm],
    ['/api/data-needs/stats', dm],
    [`/api/annotations?metric=${METRIC}&unit=${UNIT}`, dm],
    [`/api/annotations?metric=${METRIC}&unit=${UNIT}`, manager],
    [`/api/annotations/recent?unit=${UNIT}&limit=50`, manager],
    ['/api/annotations/recent?unit=soc&limit=50', dm],
    ['/api/summary', politician],
    [`/api/summary?unit=${UNIT}`, dm],
    ['/api/public-links', dm],
    ['/api/auth/demo-accounts', dm],
  ];
  const answers = [];
  for (const [url, cookie] of reads) {
    const res = await call('GET', url, cookie);
    expect(res.statusCode, url).toBe(200);
    answers.push({ url, body: res.body });
  }
  return answers;
}

const naming = (answers: { url: string; body: string }[], ...terms: string[]) =>
  answers.filter((a) => terms.some((t) => a.body.toLowerCase().includes(t.toLowerCase()))).map((a) => a.url);

describe('GET /api/users/:id/personal-data', () => {
  it("hands out the person's account, notes and replies, questions with their replies, and the audit entries by and about them", async () => {
    await call('POST', '/api/annotations', await signIn(app, 'enhetschef'), {
      unitId: UNIT, metricKey: METRIC, year: 2024, text: `Frågade ${NAME} om bemanningen.`, visibility: 'internal',
    });

    const res = await call('GET', `/api/users/${gretaId}/personal-data`, dm);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="personuppgifter-${gretaId}.json"`);
    const data = res.json<Json & { account: Json; notes: Json[]; questions: Json[]; audit: { byThem: Json[]; aboutThem: Json[] }; sessions: Json[]; mentionedIn: Json[] }>();

    expect(data.account).toMatchObject({ id: gretaId, username: USERNAME, displayName: NAME, role: 'unit_manager', unitIds: [UNIT] });
    expect(JSON.stringify(data.account)).not.toMatch(/password|hash/i);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.notes.map((n) => n.text)).toEqual([NOTE, REPLY_IN_OTHERS_THREAD]);
    expect(data.questions).toEqual([expect.objectContaining({ id: questionId, text: QUESTION, status: 'planned', reply: 'Vi tar fram det till hösten.' })]);
    expect(data.audit.byThem.map((e) => `${String(e.action)} ${String(e.entity)}`)).toEqual(['create annotation', 'reply annotation', 'create data_need']);
    expect(data.audit.aboutThem.map((e) => `${String(e.action)} ${String(e.entity)} ${String(e.username)}`)).toEqual([
      'create user utvecklingschef',
      'reply data_need utvecklingschef',
    ]);
    expect(data.mentionedIn).toEqual([expect.objectContaining({ kind: 'note', text: `Frågade ${NAME} om bemanningen.` })]);
  });

  it('is for the development manager only, and 404 for someone who does not exist', async () => {
    expect((await call('GET', `/api/users/${gretaId}/personal-data`, greta)).statusCode).toBe(403);
    expect((await call('GET', '/api/users/9999/personal-data', dm)).statusCode).toBe(404);
  });
});

describe('POST /api/users/:id/erase', () => {
  it('keeping the content: the notes and question stay as "Borttagen användare", and no answer names the person any more', async () => {
    const before = await everyAnswer();
    // The check can see the person where they are named today: in the account list, the log,
    // the inbox, the notes, and the summary's public note.
    expect(naming(before, NAME, USERNAME)).toEqual(expect.arrayContaining(['/api/users', '/api/audit?limit=500', '/api/data-needs', `/api/summary?unit=${UNIT}`]));

    const res = await call('POST', `/api/users/${gretaId}/erase`, dm, { keepContent: true });
    expect(res.statusCode).toBe(200);
    const result = res.json<{ pseudonym: string; notes: number; questions: number; auditEntries: number }>();
    expect(result).toMatchObject({ keepContent: true, notes: 2, questions: 1 });
    expect(result.pseudonym).toMatch(/^borttagen-[0-9a-f]{8}$/);

    const after = await everyAnswer();
    expect(naming(after, NAME, USERNAME)).toEqual([]);
    expect(naming(after, 'Greta', 'Gustafsson')).toEqual([]);

    const thread = (await call('GET', `/api/annotations?metric=${METRIC}&unit=${UNIT}`, dm)).body;
    expect(thread).toContain(NOTE);
    expect(thread).toContain(REPLY_IN_OTHERS_THREAD);
    expect(thread).toContain('Borttagen användare');
    const inbox = (await call('GET', '/api/data-needs', dm)).json<{ text: string; author: { displayName: string } }[]>();
    expect(inbox.find((q) => q.text === QUESTION)?.author.displayName).toBe('Borttagen användare');

    const log = (await call('GET', '/api/audit?limit=500', dm)).json<{ username: string; action: string; entity: string; entityId: string }[]>();
    expect(log.filter((e) => e.username === result.pseudonym).map((e) => `${e.action} ${e.entity}`).sort()).toEqual(
      ['create annotation', 'create data_need', 'reply annotation'].sort(),
    );
    expect(log[0]).toMatchObject({ action: 'erase', entity: 'user', entityId: String(gretaId), username: 'utvecklingschef' });
  });

  it('deleting the content: their notes, replies and question are gone, from the log too', async () => {
    const res = await call('POST', `/api/users/${gretaId}/erase`, dm, { keepContent: false });
    expect(res.json()).toMatchObject({ keepContent: false, notes: 2, questions: 1 });

    const after = await everyAnswer();
    expect(naming(after, NAME, USERNAME, NOTE, REPLY_IN_OTHERS_THREAD, QUESTION)).toEqual([]);
    // Someone else's thread keeps its first note; the erased person's thread went with its replies.
    const thread = (await call('GET', `/api/annotations?metric=${METRIC}&unit=${UNIT}`, dm)).body;
    expect(thread).toContain('Omorganisation i mars.');
    expect(thread).not.toContain('Tack, bra att veta inför nämnden.');
  });

  it('ends their sessions and account: the old cookie and the password no longer work, and the account cannot be brought back', async () => {
    expect((await call('POST', `/api/users/${gretaId}/erase`, dm, { keepContent: true })).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', greta)).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERNAME, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect(db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(gretaId)).toBe(0);

    expect((await call('GET', `/api/users/${gretaId}/personal-data`, dm)).statusCode).toBe(404);
    expect((await call('POST', `/api/users/${gretaId}/erase`, dm, { keepContent: true })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/users/${gretaId}`, dm, { isActive: true })).statusCode).toBe(404);
    expect((await call('POST', `/api/users/${gretaId}/password`, dm, { password: 'ett helt nytt lösenord' })).statusCode).toBe(404);
    // The username is free for someone new.
    const again = await call('POST', '/api/users', dm, { username: USERNAME, displayName: 'Greta Nilsson', role: 'politician', password: PASSWORD });
    expect(again.statusCode).toBe(201);
    expect(again.json<{ id: number }>().id).not.toBe(gretaId);
  });

  it('asks the development manager to choose, refuses erasing oneself, and is theirs alone', async () => {
    const missing = await call('POST', `/api/users/${gretaId}/erase`, dm, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { details: [{ path: 'body.keepContent' }] } });
    const self = db.prepare("SELECT id FROM users WHERE username = 'utvecklingschef'").pluck().get() as number;
    expect((await call('POST', `/api/users/${self}/erase`, dm, { keepContent: true })).statusCode).toBe(409);
    expect((await call('POST', `/api/users/${gretaId}/erase`, greta, { keepContent: true })).statusCode).toBe(403);
    expect((await call('GET', `/api/users/${gretaId}/personal-data`, dm)).statusCode).toBe(200);
  });

  it("erasing a development manager also takes their username off the imports, reorganisations and definition changes they made", async () => {
    const created = await call('POST', '/api/users', dm, { username: 'hannahan', displayName: 'Hanna Hansson', role: 'development_manager', password: PASSWORD });
    const hannaId = created.json<{ id: number }>().id;
    const hanna = await signIn(app, 'hannahan', PASSWORD);

    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`Enhet;Nyckeltal;År;Täljare;Nämnare\n${UNIT};${METRIC};2024;6;40\n`)]), 'hanna.csv');
    const body = new Response(form);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { cookie: hanna, 'content-type': body.headers.get('content-type')! },
      payload: Buffer.from(await body.arrayBuffer()),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const reorganised = await call('POST', '/api/reorganisations', hanna, {
      kind: 'merge', year: 2024, from: ['funktionsstod', 'funktionsstod-boendestod'], to: { id: 'fs-ny', name: 'Funktionsstöd (ny)', parentId: 'soc' },
    });
    expect(reorganised.statusCode, reorganised.body).toBe(201);
    const changed = await call('PATCH', `/api/metrics/${METRIC}`, hanna, {
      definition: { sv: 'Personer som slutat under året delat med medelantalet anställda.', en: 'People who left during the year over the average headcount.' },
      definitionChange: { fromYear: 2023, note: 'Pensionsavgångar räknas inte längre.' },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const exported = (await call('GET', `/api/users/${hannaId}/personal-data`, dm)).json<{ otherRecords: { kind: string }[] }>();
    expect(exported.otherRecords.map((r) => r.kind).sort()).toEqual(['definition_change', 'import', 'reorganisation']);
    const reads = ['/api/imports', '/api/reorganisations', `/api/metrics/${METRIC}/versions`, '/api/audit?limit=500', '/api/users'];
    const read = async () => Promise.all(reads.map(async (url) => ({ url, body: (await call('GET', url, dm)).body })));
    expect(naming(await read(), 'hannahan', 'Hanna Hansson').sort()).toEqual([...reads].sort());

    const erased = await call('POST', `/api/users/${hannaId}/erase`, dm, { keepContent: true });
    expect(erased.json()).toMatchObject({ otherRecords: 3 });
    expect(naming(await read(), 'hannahan', 'Hanna Hansson')).toEqual([]);
  });
});
