import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retryDelaySeconds } from '@tillit/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailTestApp, testLog, type MailTestApp } from '../test-mail-app.js';
import { freePort, startTestSmtp, type TestSmtp } from '../test-smtp.js';

// The outbox's guarantee against a real SMTP server on loopback: a server that is down, slow or
// refusing, a restart in the middle of a send, and the development manager's resend.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock the test moves by hand, so back-off is tested without waiting. */
function testClock(start = Date.now()) {
  let ms = start;
  return { now: () => new Date(ms), advance: (seconds: number) => void (ms += seconds * 1000) };
}

async function mailApp(options: Parameters<typeof createMailTestApp>[0]): Promise<MailTestApp> {
  const t = await createMailTestApp(options);
  cleanups.push(async () => {
    await t.mail.stop();
    await t.app.close();
    if (t.db.open) t.db.close();
  });
  return t;
}

async function smtpServer(port?: number): Promise<TestSmtp> {
  const s = await startTestSmtp({ port });
  cleanups.push(() => s.close());
  return s;
}

/** The unit manager asks, the development manager replies: one message to the unit manager waits in the outbox. */
async function replyToQuestion(t: MailTestApp, reply = 'HR tar fram det.'): Promise<void> {
  const asked = await t.as('enhetschef', 'POST', '/api/data-needs', { metricKey: 'staff_turnover', text: 'Hur många slutar första året?' });
  const id = asked.json<{ id: number }>().id;
  expect((await t.as('utvecklingschef', 'PATCH', `/api/data-needs/${id}`, { status: 'planned', reply })).statusCode).toBe(200);
}

const row = (t: MailTestApp) =>
  t.db.prepare('SELECT id, status, attempts, last_error AS lastError, next_attempt_at AS nextAttemptAt, message_id AS messageId FROM outbox').get() as {
    id: number;
    status: string;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string;
    messageId: string;
  };

describe('the back-off', () => {
  it('starts at MAIL_RETRY_SECONDS, doubles, and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelaySeconds(n, 60))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(retryDelaySeconds(1, 3600)).toBe(3600);
  });
});

describe('the mail server down, then up', () => {
  it('keeps the message, tries again after the back-off, and delivers it once when the server is back', async () => {
    const port = await freePort();
    const clock = testClock();
    const t = await mailApp({ smtpUrl: `smtp://127.0.0.1:${port}`, sender: { now: clock.now } });
    await replyToQuestion(t);

    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'retry', error: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/) }]);
    expect(row(t)).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 60_000).toISOString() });
    // Not due yet: nothing is tried.
    expect(await t.mail.sender.drain()).toEqual([]);
    clock.advance(60);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'retry' }]);
    expect(row(t)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(clock.now().getTime() + 120_000).toISOString() });
    const status = (await t.as('utvecklingschef', 'GET', '/api/mail/status')).json();
    expect(status).toMatchObject({ isMailOn: true, waiting: 1, failed: 0, lastDeliveryAt: null, lastError: expect.stringMatching(/ECONN|ESOCKET/) });

    const smtp = await smtpServer(port);
    clock.advance(120);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'sent' }]);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.text).toContain('HR tar fram det.');
    expect(row(t)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    clock.advance(3600);
    expect(await t.mail.sender.drain()).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
    expect((await t.as('utvecklingschef', 'GET', '/api/mail/status')).json()).toMatchObject({ waiting: 0, lastDeliveryAt: expect.any(String) });
  });

  it('a server that answers nothing (slow) is a passing failure too', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      silent.close(() => r());
    }));
    const port = (silent.address() as { port: number }).port;
    const t = await mailApp({ smtpUrl: `smtp://127.0.0.1:${port}`, sender: { timeouts: { connection: 300, greeting: 300, socket: 300 } } });
    await replyToQuestion(t);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'retry', error: expect.stringMatching(/ETIMEDOUT|Greeting never received/i) }]);
    expect(row(t)).toMatchObject({ status: 'waiting', attempts: 1 });
  });

  it('gives up after three days of passing failures, with the reason', async () => {
    const port = await freePort();
    const clock = testClock();
    const t = await mailApp({ smtpUrl: `smtp://127.0.0.1:${port}`, sender: { now: clock.now } });
    await replyToQuestion(t);
    clock.advance(72 * 3600);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'failed' }]);
    expect(row(t)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^Gav upp efter 72 timmar utan leverans: /) });
  });
});

describe('a permanent refusal', () => {
  it('fails the message with the server’s reason; the development manager sees it and resends it to the corrected address', async () => {
    const smtp = await smtpServer();
    const t = await mailApp({ smtpUrl: smtp.url });
    smtp.behave({ kind: 'refuse', code: 550, message: '5.1.1 Mailbox unavailable' });
    await replyToQuestion(t);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'failed', error: expect.stringContaining('550') }]);
    expect(row(t)).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 5.1.1 Mailbox unavailable' });
    // Failed for good: nothing is tried again by itself.
    expect(await t.mail.sender.drain()).toEqual([]);

    const status = (await t.as('utvecklingschef', 'GET', '/api/mail/status')).json();
    expect(status).toMatchObject({ waiting: 0, failed: 1 });
    expect(status.failedMessages).toEqual([
      expect.objectContaining({ kind: 'data_need_reply', to: 'enhetschef@example.org', recipient: 'Enhetschef, Hemtjänst Öster och Väster (demo)', reason: expect.stringContaining('550') }),
    ]);
    const { id, messageId } = row(t);
    // The unit manager may not resend; a message that has not failed cannot be.
    expect((await t.as('enhetschef', 'POST', `/api/mail/outbox/${id}/resend`)).statusCode).toBe(403);
    expect((await t.as('utvecklingschef', 'POST', '/api/mail/outbox/999/resend')).statusCode).toBe(404);

    // The address is corrected under Användare, and the message resent there, with the same Message-ID.
    const users = (await t.as('utvecklingschef', 'GET', '/api/users')).json<{ id: number; username: string }[]>();
    const um = users.find((u) => u.username === 'enhetschef')!;
    expect((await t.as('utvecklingschef', 'PATCH', `/api/users/${um.id}`, { email: 'enhetschef.ny@example.org' })).statusCode).toBe(200);
    smtp.behave({ kind: 'accept' });
    expect((await t.as('utvecklingschef', 'POST', `/api/mail/outbox/${id}/resend`)).statusCode).toBe(204);
    expect((await t.as('utvecklingschef', 'POST', `/api/mail/outbox/${id}/resend`)).statusCode).toBe(409);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'sent' }]);
    expect(smtp.messages.map((m) => [m.to[0], m.messageId])).toEqual([['enhetschef.ny@example.org', messageId]]);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'outbox_message' AND action = 'resend'").pluck().get()).toBe(1);
    expect((await t.as('utvecklingschef', 'GET', '/api/mail/status')).json()).toMatchObject({ failed: 0, failedMessages: [] });
  });

  it('an address the server cannot take fails at once', async () => {
    const smtp = await smtpServer();
    const t = await mailApp({ smtpUrl: smtp.url });
    t.db.prepare("UPDATE users SET email = 'inte en adress' WHERE username = 'enhetschef'").run();
    await replyToQuestion(t);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'failed' }]);
    expect(row(t)).toMatchObject({ status: 'failed', lastError: 'Ogiltig e-postadress: inte en adress' });
    expect(smtp.messages).toHaveLength(0);
  });

  it('a 4xx is a passing failure', async () => {
    const smtp = await smtpServer();
    const t = await mailApp({ smtpUrl: smtp.url });
    smtp.behave({ kind: 'refuse', code: 451, message: '4.3.0 Try again later' });
    await replyToQuestion(t);
    expect(await t.mail.sender.drain()).toMatchObject([{ result: 'retry', error: expect.stringContaining('451') }]);
    expect(row(t).status).toBe('waiting');
  });
});

describe('a restart in the middle', () => {
  it('a server stopped while the mail server had not yet accepted: the next one sends it, and it arrives once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-outbox-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databasePath = join(dir, 'tillit.db');
    const smtp = await smtpServer();
    const first = await createMailTestApp({ smtpUrl: smtp.url, databasePath });
    smtp.behave({ kind: 'hold' });
    await replyToQuestion(first);
    // The first server is mid-send: the mail server has the message and has not answered.
    const inFlight = first.mail.sender.drain();
    await expect.poll(() => smtp.held.length).toBe(1);
    expect(row(first).status).toBe('sending');

    // It is gone (no graceful stop); a new server opens the same database file.
    smtp.behave({ kind: 'accept' });
    const second = await mailApp({ smtpUrl: smtp.url, databasePath });
    const log = testLog();
    second.mail.start(log);
    await expect.poll(() => smtp.messages.length).toBe(1);
    expect(smtp.messages[0]!.messageId).toBe(smtp.held[0]!.messageId);
    await expect.poll(() => row(second).status).toBe('sent');
    expect(log.lines).toContainEqual({ details: { released: 1 }, message: expect.stringContaining('sent again') });

    // The old attempt ends (its connection closes) and changes nothing: it was no longer the latest.
    await smtp.close();
    await inFlight;
    expect(row(second)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messages).toHaveLength(1);
    await first.app.close();
    first.db.close();
  });

  it('a server stopped after the mail server accepted but before it was marked: sent once more, as the same message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-outbox-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databasePath = join(dir, 'tillit.db');
    const smtp = await smtpServer();
    const first = await createMailTestApp({ smtpUrl: smtp.url, databasePath });
    await replyToQuestion(first);
    await first.mail.sender.drain();
    // What a SIGKILL between the server's 250 and our UPDATE leaves behind.
    first.db.prepare("UPDATE outbox SET status = 'sending', sent_at = NULL").run();
    await first.app.close();
    first.db.close();

    const second = await mailApp({ smtpUrl: smtp.url, databasePath });
    second.mail.start(testLog());
    await expect.poll(() => smtp.messages.length).toBe(2);
    await expect.poll(() => row(second).status).toBe('sent');
    expect(smtp.messages[1]!.messageId).toBe(smtp.messages[0]!.messageId);
    const same = (m: (typeof smtp.messages)[number]) => [m.to, m.subject, m.headers.get('date'), m.text, m.html];
    expect(same(smtp.messages[1]!)).toEqual(same(smtp.messages[0]!));
  });
});

describe('the backlog on /metrics', () => {
  it('counts the messages not yet accepted', async () => {
    const port = await freePort();
    const token = 'a-metrics-token-for-the-test';
    const t = await mailApp({ smtpUrl: `smtp://127.0.0.1:${port}`, metricsToken: token });
    const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })).body;
    expect(await scrape()).toMatch(/^tillit_outbox_backlog 0$/m);
    await replyToQuestion(t);
    await replyToQuestion(t, 'Ett andra svar.');
    expect(await scrape()).toMatch(/^tillit_outbox_backlog 2$/m);
    await t.mail.sender.drain();
    expect(await scrape()).toMatch(/^tillit_outbox_backlog 2$/m);
  });
});
