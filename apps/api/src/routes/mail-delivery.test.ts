import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../test-app.js';
import { createMailTestApp, TEST_PUBLIC_URL, type MailTestApp } from '../test-mail-app.js';
import { startTestSmtp, type TestSmtp } from '../test-smtp.js';

// E-mail from the feedback loop against a real SMTP server on loopback (smtp-server): what each
// person gets, in which language, with which link, and what they can turn off.

const OSTER = 'hemtjanst-hemtjanst-oster';
let smtp: TestSmtp;
let t: MailTestApp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());
afterEach(async () => {
  await t?.app.close();
  smtp.messages.splice(0);
});

async function askAndAnswer(t: MailTestApp, text: string, update: object): Promise<number> {
  const asked = await t.as('enhetschef', 'POST', '/api/data-needs', { metricKey: 'manager_sick_leave', unitId: OSTER, text });
  expect(asked.statusCode).toBe(201);
  const id = asked.json<{ id: number }>().id;
  expect((await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, update)).statusCode).toBe(200);
  return id;
}

describe('the reply to a question reaches the person who asked', () => {
  it('in Swedish, as text and HTML, with the reply, the new status and a link to the exact question, once', async () => {
    t = await createMailTestApp({ smtpUrl: smtp.url });
    const id = await askAndAnswer(t, 'Vi behöver korttidsfrånvaron per månad.', { status: 'planned', reply: 'HR tar fram den från och med nästa år.' });
    // Written with the reply, waiting for the sender.
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE status = 'waiting'").pluck().get()).toBe(1);
    expect(await t.mail.sender.drain()).toEqual([{ id: expect.any(Number), result: 'sent' }]);

    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.to).toEqual(['enhetschef@example.org']);
    expect(m!.headers.get('from')).toBe('Tillit <tillit@kommun.example>');
    expect(m!.messageId).toMatch(/^<[0-9a-f-]{36}@kommun\.example>$/);
    expect(m!.subject).toBe('Svar på din fråga om Sjukfrånvaro bland chefer');
    const link = `${TEST_PUBLIC_URL}/data-needs/mine#data-need-${id}`;
    for (const body of [m!.text, m!.html]) {
      expect(body).toContain('HR tar fram den från och med nästa år.');
      expect(body).toContain('Status: Planerad');
      expect(body).toContain('Vi behöver korttidsfrånvaron per månad.');
      expect(body).toContain(link);
      expect(body).toContain(`${TEST_PUBLIC_URL}/settings`);
    }
    expect(m!.text).toContain('Utvecklingschef (demo) har svarat på din fråga om Sjukfrånvaro bland chefer (Hemtjänst Öster).');
    expect(m!.html).toContain(`<a href="${link}">Läs det i Tillit</a>`);
    expect(m!.html).toContain('<html lang="sv">');
    // Marked sent, and a second look sends nothing more.
    expect(t.db.prepare('SELECT status, sent_at IS NOT NULL AS hasSentAt FROM outbox').get()).toEqual({ status: 'sent', hasSentAt: 1 });
    expect(await t.mail.sender.drain()).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
  });

  it('carries no figure: the words around what people wrote have no digits besides the links and the date', async () => {
    t = await createMailTestApp({ smtpUrl: smtp.url });
    await askAndAnswer(t, 'Hur ser det ut för våra chefer?', { status: 'considering', reply: 'Vi tittar på det.' });
    await t.mail.sender.drain();
    const text = smtp.messages[0]!.text.replace(/https:\/\/\S+/g, '').replace(/\(\d{1,2} \p{L}+ \d{4}\)/u, '');
    expect(text).not.toMatch(/\d/);
  });

  it('in English for a person who chose English, and with a status change only when the reply stays', async () => {
    t = await createMailTestApp({ smtpUrl: smtp.url });
    expect((await t.as('enhetschef', 'PUT', '/api/settings', { language: 'en' })).statusCode).toBe(200);
    const id = await askAndAnswer(t, 'Sick leave per month, please.', { status: 'considering', reply: 'We are looking into it.' });
    expect((await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'planned' })).statusCode).toBe(200);
    // The same status and reply again is no news: no message.
    expect((await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'planned' })).statusCode).toBe(200);
    await t.mail.sender.drain();
    expect(smtp.messages.map((m) => m.subject)).toEqual([
      'Reply to your question about Sick leave among managers',
      'Your question about Sick leave among managers: Planned',
    ]);
    expect(smtp.messages[1]!.text).toContain('Utvecklingschef (demo) has changed the status of your question about Sick leave among managers (Hemtjänst Öster).');
    expect(smtp.messages[1]!.text).toContain('Status: Planned');
    expect(smtp.messages[1]!.text).toContain('We are looking into it.');
    expect(smtp.messages[1]!.text).toContain('Read it in Tillit');
    expect(smtp.messages[1]!.html).toContain('<html lang="en">');
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(2);
  });

  it('not when the person turned such e-mail off, nor to someone without an address', async () => {
    t = await createMailTestApp({ smtpUrl: smtp.url });
    expect((await t.as('enhetschef', 'PUT', '/api/settings', { mail: { data_need_reply: false } })).statusCode).toBe(200);
    await askAndAnswer(t, 'Fråga ett.', { status: 'planned', reply: 'Svar ett.' });
    expect((await t.as('enhetschef', 'PUT', '/api/settings', { mail: { data_need_reply: true } })).statusCode).toBe(200);
    t.db.prepare("UPDATE users SET email = NULL WHERE username = 'politiker'").run();
    const asked = await t.as('politiker', 'POST', '/api/data-needs', { metricKey: 'staff_turnover', text: 'Fråga två.' });
    await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${asked.json<{ id: number }>().id}`, { status: 'planned', reply: 'Svar två.' });
    await askAndAnswer(t, 'Fråga tre.', { status: 'planned', reply: 'Svar tre.' });
    await t.mail.sender.drain();
    expect(smtp.messages.map((m) => m.text.includes('Svar tre.'))).toEqual([true]);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });

  it('a rolled-back reply leaves no message behind', async () => {
    t = await createMailTestApp({ smtpUrl: smtp.url });
    const asked = await t.as('enhetschef', 'POST', '/api/data-needs', { metricKey: 'staff_turnover', text: 'En fråga.' });
    const id = asked.json<{ id: number }>().id;
    // The audit log refuses the write (as a full disk would), after the message was written in the same transaction.
    t.db.exec("CREATE TRIGGER no_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'data_need' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect((await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'planned', reply: 'Ja.' })).statusCode).toBe(500);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });
});

describe('a reply in a thread on a note', () => {
  it('reaches the note’s author and the others in the thread, not the one who replied, without quoting the notes', async () => {
    t = await createMailTestApp({ smtpUrl: smtp.url });
    const note = await t.as('enhetschef', 'POST', '/api/annotations', {
      unitId: OSTER,
      metricKey: 'manager_sick_leave',
      year: 2023,
      text: 'Två långa sjukskrivningar, båda tillbaka nu.',
      visibility: 'internal',
    });
    expect(note.statusCode).toBe(201);
    const noteId = note.json<{ id: number }>().id;
    // The author's own reply tells nobody; the development manager's reply tells the author.
    expect((await t.as('enhetschef', 'POST', `/api/annotations/${noteId}/replies`, { text: 'Och en ny chef från mars.' })).statusCode).toBe(201);
    expect((await t.as('utvecklingschef', 'POST', `/api/annotations/${noteId}/replies`, { text: 'Tack, bra att veta.' })).statusCode).toBe(201);
    await t.mail.sender.drain();
    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.to).toEqual(['enhetschef@example.org']);
    expect(m!.subject).toBe('Nytt svar på en anteckning om Sjukfrånvaro bland chefer, Hemtjänst Öster');
    expect(m!.text).toContain('Utvecklingschef (demo) har svarat i tråden på din anteckning om Sjukfrånvaro bland chefer för Hemtjänst Öster (2023).');
    expect(m!.text).toContain(`${TEST_PUBLIC_URL}/metrics/manager_sick_leave?unit=${OSTER}#annotation-${noteId}-title`);
    for (const body of [m!.text, m!.html]) {
      expect(body).not.toContain('sjukskrivningar');
      expect(body).not.toContain('Tack, bra att veta');
    }
    // Now the unit manager answers: the development manager, who is in the thread, hears of it.
    expect((await t.as('enhetschef', 'POST', `/api/annotations/${noteId}/replies`, { text: 'Varsågod.' })).statusCode).toBe(201);
    await t.mail.sender.drain();
    expect(smtp.messages.map((x) => x.to[0])).toEqual(['enhetschef@example.org', 'utvecklingschef@example.org']);
    expect(smtp.messages[1]!.text).toContain('har svarat i tråden på en anteckning om');
  });
});

describe('without SMTP_URL', () => {
  it('nothing changes: the reply is saved, no message is written, and the settings say mail is off', async () => {
    const { app, db } = await createTestApp();
    const dm = await signIn(app, 'utvecklingschef');
    const um = await signIn(app, 'enhetschef');
    const asked = await app.inject({ method: 'POST', url: '/api/data-needs', headers: { cookie: um }, payload: { metricKey: 'staff_turnover', text: 'En fråga.' } });
    const id = asked.json<{ id: number }>().id;
    const res = await app.inject({ method: 'PATCH', url: `/api/data-needs/${id}`, headers: { cookie: dm }, payload: { status: 'planned', reply: 'Ja.' } });
    expect(res.statusCode).toBe(200);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: um } })).json()).toMatchObject({ isMailOn: false });
    expect((await app.inject({ method: 'GET', url: '/api/mail/status', headers: { cookie: dm } })).json()).toMatchObject({ isMailOn: false, waiting: 0, failed: 0 });
    await app.close();
    expect(smtp.messages).toHaveLength(0);
  });
});
