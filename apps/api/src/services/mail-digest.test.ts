import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailTestApp, TEST_PUBLIC_URL, testLog, type MailTestApp } from '../test-mail-app.js';
import { startTestSmtp, type TestSmtp } from '../test-smtp.js';
import { DIGEST_META_KEY } from './mail-notify.js';

// The daily digest of new questions to the development managers, against a real SMTP server.

let smtp: TestSmtp;
let t: MailTestApp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());
afterEach(async () => {
  await t?.mail.stop();
  await t?.app.close();
  smtp.messages.splice(0);
});

// The app's clock runs with the real one (questions are stamped with real time) plus what a test adds.
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
/** Runs the daily job now, or after moving the clock on by `seconds`. */
const runDailyAfter = (seconds = 0) => {
  offsetMs += seconds * 1000;
  return t.mail.runDaily();
};
const mailApp = () => {
  offsetMs = 0;
  return createMailTestApp({ smtpUrl: smtp.url, sender: { now } });
};

async function ask(who: string, body: object): Promise<number> {
  // Strictly after the last digest's moment (timestamps are in milliseconds).
  await new Promise((r) => setTimeout(r, 2));
  const res = await t.as(who, 'POST', '/api/data-needs', body);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: number }>().id;
}

describe('the daily digest of new questions', () => {
  it('lists the new, unanswered questions in one message to the development manager, with a link to the inbox', async () => {
    t = await mailApp();
    await ask('enhetschef', { metricKey: 'manager_sick_leave', unitId: 'hemtjanst-hemtjanst-oster', text: 'Korttidsfrånvaro per månad.' });
    await ask('politiker', { metricKey: 'staff_turnover', text: 'Jämförelse med grannkommunerna.' });
    const answered = await ask('enhetschef', { metricKey: 'staff_turnover', text: 'Redan besvarad.' });
    expect((await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${answered}`, { status: 'planned', reply: 'Ja.' })).statusCode).toBe(200);
    // The development manager's own question is not news to them.
    await ask('utvecklingschef', { metricKey: 'staff_turnover', text: 'Min egen fråga.' });
    await t.mail.sender.drain();
    smtp.messages.splice(0);

    expect(runDailyAfter()).toMatchObject({ digests: 1 });
    await t.mail.sender.drain();
    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.to).toEqual(['utvecklingschef@example.org']);
    expect(m!.subject).toBe('Nya frågor i Tillit');
    for (const body of [m!.text, m!.html]) {
      expect(body).toContain('Sjukfrånvaro bland chefer, Hemtjänst Öster: Enhetschef, Hemtjänst Öster och Väster (demo)');
      expect(body).toContain('Korttidsfrånvaro per månad.');
      expect(body).toContain('Personalomsättning, hela organisationen: Ledamot i socialnämnden (demo)');
      expect(body).toContain('Jämförelse med grannkommunerna.');
      expect(body).toContain(`${TEST_PUBLIC_URL}/data-needs?status=received`);
      expect(body).not.toContain('Redan besvarad.');
      expect(body).not.toContain('Min egen fråga.');
    }
    expect(m!.text.indexOf('Korttidsfrånvaro')).toBeLessThan(m!.text.indexOf('grannkommunerna'));
  });

  it('sends nothing when nothing is new, and each question only once', async () => {
    t = await mailApp();
    expect(runDailyAfter()).toMatchObject({ digests: 0 });
    await ask('enhetschef', { metricKey: 'staff_turnover', text: 'En ny fråga.' });
    expect(runDailyAfter()).toMatchObject({ digests: 1 });
    expect(runDailyAfter()).toMatchObject({ digests: 0 });
    await t.mail.sender.drain();
    expect(smtp.messages.map((m) => m.subject)).toEqual(['En ny fråga i Tillit']);
  });

  it('respects the opt-out, and is in English for a development manager who chose English', async () => {
    t = await mailApp();
    expect((await t.as('utvecklingschef', 'PUT', '/api/settings', { mail: { data_need_digest: false } })).statusCode).toBe(200);
    await ask('enhetschef', { metricKey: 'staff_turnover', text: 'Första frågan.' });
    expect(runDailyAfter()).toMatchObject({ digests: 0 });
    expect((await t.as('utvecklingschef', 'PUT', '/api/settings', { language: 'en', mail: { data_need_digest: true } })).statusCode).toBe(200);
    await ask('enhetschef', { metricKey: 'staff_turnover', text: 'Andra frågan.' });
    expect(runDailyAfter()).toMatchObject({ digests: 1 });
    await t.mail.sender.drain();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toBe('A new question in Tillit');
    expect(smtp.messages[0]!.text).toContain('Staff turnover, the whole organisation: Enhetschef, Hemtjänst Öster och Väster (demo)');
    expect(smtp.messages[0]!.text).toContain('Andra frågan.');
    // Turned off at the time, the first question is not sent later either.
    expect(smtp.messages[0]!.text).not.toContain('Första frågan.');
  });

  it('counts from when mail was turned on, and a digest missed while the server was stopped is made at start', async () => {
    t = await mailApp();
    await ask('enhetschef', { metricKey: 'staff_turnover', text: 'Från innan e-posten slogs på.' });
    t.mail.start(testLog());
    await t.mail.stop();
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'data_need_digest'").pluck().get()).toBe(0);
    expect(runDailyAfter()).toMatchObject({ digests: 0 });
    await t.app.close();

    t = await mailApp();
    await ask('enhetschef', { metricKey: 'staff_turnover', text: 'Medan servern var stoppad.' });
    // The last digest was two days ago: this morning's was missed.
    t.db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(DIGEST_META_KEY, new Date(Date.now() - 2 * 86_400_000).toISOString());
    t.mail.start(testLog());
    await expect.poll(() => smtp.messages.length).toBe(1);
    expect(smtp.messages[0]!.text).toContain('Medan servern var stoppad.');
  });

  it('clears sent messages after thirty days', async () => {
    t = await mailApp();
    await ask('enhetschef', { metricKey: 'staff_turnover', text: 'En fråga.' });
    runDailyAfter();
    await t.mail.sender.drain();
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE status = 'sent'").pluck().get()).toBe(1);
    expect(runDailyAfter(29 * 86_400)).toMatchObject({ deleted: 0 });
    expect(runDailyAfter(2 * 86_400)).toMatchObject({ deleted: 1 });
  });
});
