import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { startTestSmtp, type TestSmtp } from '../apps/api/src/test-smtp.js';
import { expectNoSeriousA11yViolations } from './axe.js';
import { DataNeedsPages } from './pages/data-needs.js';
import { signInAs } from './pages/login.js';

// E-mail from the feedback loop in Chromium: a Tillit server of its own (the built one) with
// SMTP_URL pointing at a real SMTP server on loopback (smtp-server, apps/api/src/test-smtp.ts),
// three ports after E2E_PORT (the sign-in spec uses the two before).

const PORT = Number(process.env.E2E_PORT ?? 3101) + 3;
const BASE = `http://127.0.0.1:${PORT}`;
const OSTER = 'hemtjanst-hemtjanst-oster';

test.describe.configure({ mode: 'serial' });

let smtp: TestSmtp;
let server: ChildProcess;
let databasePath: string;

/** Starts the built server over `databasePath`, sending to the test SMTP server. */
async function startTillit(): Promise<void> {
  server = spawn(process.execPath, ['apps/api/dist/server.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      TILLIT_DEMO: '1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: BASE,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Tillit <tillit@kommun.example>',
      MAIL_RETRY_SECONDS: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await expect.poll(async () => (await fetch(`${BASE}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
}

test.beforeAll(async () => {
  smtp = await startTestSmtp();
  databasePath = join(mkdtempSync(join(tmpdir(), 'tillit-mail-')), 'tillit.db');
  await startTillit();
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await smtp?.close();
});

/** A signed-in person in a browser context of their own, on this spec's server. */
async function personAt(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

test('a unit manager asks, the development manager answers in the browser, and the reply arrives by e-mail with its link', async ({ browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  const question = `Vi behöver se hur många som slutar under första året. (${stamp})`;
  const answer = `Bra förslag – HR tar fram det till nästa år. (${stamp})`;

  const asker = await personAt(browser, 'enhetschef');
  await new DataNeedsPages(asker).ask('staff_turnover', OSTER, question);
  await expect(asker.getByRole('status').filter({ hasText: 'Tack! Din fråga har skickats till utvecklingschefen.' })).toBeVisible();

  const dm = await personAt(browser, 'utvecklingschef');
  const inbox = new DataNeedsPages(dm);
  await inbox.openInbox();
  await inbox.reply(question, 'Planerad', answer);
  await expect(inbox.question(question).getByRole('status')).toContainText('Status: Planerad');

  // The message reaches the mail server: one, to the person who asked, with the reply and the link.
  await expect.poll(() => smtp.messages.filter((m) => m.text.includes(answer)).length, { timeout: 15_000 }).toBe(1);
  const mail = smtp.messages.find((m) => m.text.includes(answer))!;
  expect(mail.to).toEqual(['enhetschef@example.org']);
  expect(mail.subject).toBe('Svar på din fråga om Personalomsättning');
  expect(mail.text).toContain(question);
  expect(mail.text).toContain('Status: Planerad');
  const link = /http:\/\/127\.0\.0\.1:\d+\/data-needs\/mine#data-need-\d+/.exec(mail.text)?.[0];
  expect(link).toMatch(new RegExp(`^${BASE}/`));

  // The development manager sees the outbox's health beside the loop's.
  await dm.reload();
  const health = dm.getByRole('region', { name: 'E-post från Tillit' });
  await expect(health.getByText('Väntar på att skickas')).toBeVisible();
  // The last delivery: a moment, not "Inget än".
  await expect(health.getByRole('definition').nth(2)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expectNoSeriousA11yViolations(dm);
  await dm.screenshot({ path: test.info().outputPath('inbox-with-outbox-health.png'), fullPage: true });

  // The link in the message leads the asker to the question and its reply.
  await asker.goto(link!);
  await expect(asker.getByRole('heading', { level: 1, name: 'Mina frågor' })).toBeVisible();
  await expect(new DataNeedsPages(asker).question(question)).toContainText(answer);
  await asker.context().close();
  await dm.context().close();
});

test('a message the mail server refuses shows as failed, with the reason, and the development manager sends it again', async ({ browser }) => {
  test.setTimeout(60_000);
  const question = `En fråga vars svar studsar. (${Date.now()})`;
  const asker = await personAt(browser, 'enhetschef');
  await new DataNeedsPages(asker).ask('manager_tenure_3y', OSTER, question);
  await expect(asker.getByRole('status').filter({ hasText: 'Tack!' })).toBeVisible();
  await asker.context().close();

  smtp.behave({ kind: 'refuse', code: 550, message: '5.1.1 Mailbox unavailable' });
  const dm = await personAt(browser, 'utvecklingschef');
  const inbox = new DataNeedsPages(dm);
  await inbox.openInbox();
  await inbox.reply(question, 'Övervägs', 'Vi tittar på det.');
  // The sender tries at once; when the mail server has refused it, the page shows it.
  await expect.poll(async () => ((await (await dm.request.get('/api/mail/status')).json()) as { failed: number }).failed, { timeout: 15_000 }).toBe(1);
  await dm.reload();
  const health = dm.getByRole('region', { name: 'E-post från Tillit' });
  const failed = health.getByRole('table', { name: 'Brev som inte gick att leverera, nyaste först' });
  await expect(failed).toBeVisible();
  const row = failed.getByRole('row', { name: /Svar på din fråga om Andel chefer/ });
  await expect(row).toContainText('550 5.1.1 Mailbox unavailable');
  await expect(row).toContainText('enhetschef@example.org');
  await expectNoSeriousA11yViolations(dm);
  await dm.screenshot({ path: test.info().outputPath('outbox-failed.png'), fullPage: true });

  smtp.behave({ kind: 'accept' });
  await row.getByRole('button', { name: /^Skicka igen: Svar på din fråga om/ }).click();
  await expect(health.getByRole('status')).toHaveText('Brevet ligger i kön igen och skickas strax.');
  await expect.poll(() => smtp.messages.filter((m) => m.text.includes(question)).length, { timeout: 15_000 }).toBe(1);
  await dm.context().close();
});

test('Mina inställningar: a person turns a kind of e-mail off and chooses English, by keyboard', async ({ browser }) => {
  test.setTimeout(45_000);
  const page = await personAt(browser, 'enhetschef');
  await page.getByRole('link', { name: 'Mina inställningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina inställningar' })).toBeVisible();
  await expect(page.getByText('Breven går till enhetschef@example.org.')).toBeVisible();
  const kinds = page.getByRole('group', { name: 'Skicka e-post till mig' });
  await expect(kinds.getByRole('checkbox')).toHaveCount(2);
  const threads = kinds.getByRole('checkbox', { name: 'När någon svarar i en tråd där jag skrivit' });
  await expect(threads).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });

  await threads.focus();
  await page.keyboard.press('Space');
  await expect(threads).not.toBeChecked();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  // Saved, and Tillit follows the language chosen for e-mail.
  await expect(page.getByRole('status').filter({ hasText: 'The settings are saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'My settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'When someone replies in a thread I have written in' })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('settings-english.png'), fullPage: true });
  await page.context().close();
});

test('a server killed (SIGKILL) in the middle of a send loses nothing, and the next one sends the message once', async () => {
  test.setTimeout(60_000);
  const question = `En fråga vars svar skickas när servern dör. (${Date.now()})`;
  const as = async (username: string) => {
    const api = await request.newContext({ baseURL: BASE });
    expect((await api.post('/api/auth/login', { data: { username, password: 'tillit-demo' } })).status()).toBe(200);
    return api;
  };
  const um = await as('enhetschef');
  const asked = await um.post('/api/data-needs', { data: { metricKey: 'staff_turnover', text: question } });
  expect(asked.status()).toBe(201);
  const { id } = (await asked.json()) as { id: number };
  const dm = await as('utvecklingschef');

  // The mail server takes the message and does not answer: the server is mid-send when it is killed.
  smtp.behave({ kind: 'hold' });
  expect((await dm.patch(`/api/data-needs/${id}`, { data: { status: 'planned', reply: 'Det kommer.' } })).status()).toBe(200);
  await expect.poll(() => smtp.held.filter((m) => m.text.includes(question)).length, { timeout: 15_000 }).toBe(1);
  const killed = new Promise((r) => server.once('exit', r));
  server.kill('SIGKILL');
  await killed;
  await um.dispose();
  await dm.dispose();

  smtp.behave({ kind: 'accept' });
  await startTillit();
  await expect.poll(() => smtp.messages.filter((m) => m.text.includes(question)).length, { timeout: 15_000 }).toBe(1);
  const [sent] = smtp.messages.filter((m) => m.text.includes(question));
  expect(sent!.messageId).toBe(smtp.held.find((m) => m.text.includes(question))!.messageId);
  expect(sent!.to).toEqual(['enhetschef@example.org']);
  const after = await as('utvecklingschef');
  await expect.poll(async () => (await (await after.get('/api/mail/status')).json()).waiting as number).toBe(0);
  expect(smtp.messages.filter((m) => m.text.includes(question))).toHaveLength(1);
  await after.dispose();
});
