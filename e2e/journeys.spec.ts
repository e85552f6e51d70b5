import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { AnnotationsPanel } from './pages/annotations.js';
import { MetricPage, OverviewPage } from './pages/dashboard.js';
import { excelCsv, ImportPage } from './pages/import.js';
import { LoginPage, signInAs } from './pages/login.js';
import { SummaryPage } from './pages/summary.js';
import { openAdminPage } from './pages/menu.js';

/**
 * One journey per user, end to end in real Chromium, each leaving screenshots as artefacts.
 * The single steps are tested in depth in the other specs; here they are told as one story,
 * and each journey leaves the shared database as it found it (the import is undone).
 */

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// The demo's figures end in 2025: the import brings a year that is not there yet.
const NEW_YEAR = 2026;

test('development manager: imports a Swedish Excel CSV for a new year and sees the year in the trend', async ({ page }, testInfo) => {
  await signInAs(page, 'utvecklingschef');
  await openAdminPage(page, 'Importera');
  const importPage = new ImportPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Importera värden' })).toBeVisible();

  // As "Spara som CSV (semikolonavgränsad)" writes it: Windows-1252 bytes, unit and metric by
  // their Swedish names, decimal comma, a space as thousands separator.
  const file = excelCsv([
    'Enhet;Nyckeltal;År;Täljare;Nämnare;Källa',
    `Hemtjänst Öster;Personalomsättning;${NEW_YEAR};3,0;40;Äldreomsorg, HR-system (lönearter)`,
    `Hemtjänst Väster;Personalomsättning;${NEW_YEAR};2;50;Äldreomsorg, HR-system (lönearter)`,
  ]);
  expect(file.includes(Buffer.from('Äldreomsorg', 'utf8'))).toBe(false);
  await importPage.preview('Äldreomsorg personal.csv', file);
  await expect(page.getByText('Lästa rader: 2. Giltiga: 2.')).toBeVisible();
  await expect(importPage.changeTable().getByRole('row', { name: new RegExp(`Hemtjänst Öster \\(hemtjanst-hemtjanst-oster\\) Personalomsättning ${NEW_YEAR}`) })).toContainText('3 / 40');
  await shot(page, testInfo, '1-import-preview');
  await importPage.importFile();

  await page.goto('/metrics/staff_turnover?unit=hemtjanst-hemtjanst-oster');
  const metric = new MetricPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Personalomsättning' })).toBeVisible();
  // The chart's own words and its axis reach the new year; the table has its row with the value.
  await expect(metric.chart()).toHaveAttribute('aria-label', new RegExp(`Personalomsättning för Hemtjänst Öster, \\d{4}–${NEW_YEAR}\\.`));
  await expect(metric.chart().locator('.recharts-xAxis-tick-labels').getByText(String(NEW_YEAR), { exact: true })).toBeVisible();
  await expect(metric.row(NEW_YEAR)).toContainText('7,5\u00a0%');
  await shot(page, testInfo, '2-trend-with-new-year');

  await importPage.open();
  await importPage.undo('Äldreomsorg personal.csv');
  await page.goto('/metrics/staff_turnover?unit=hemtjanst-hemtjanst-oster');
  await expect(metric.chart()).toHaveAttribute('aria-label', /Personalomsättning för Hemtjänst Öster/);
  await expect(metric.chart()).not.toHaveAttribute('aria-label', new RegExp(`–${NEW_YEAR}\\.`));
});

test('unit manager: annotates an own unit, and is refused another', async ({ page }, testInfo) => {
  const text = `Två långa sjukskrivningar under våren, båda tillbaka. (resa ${Date.now()})`;
  await signInAs(page, 'enhetschef');
  const overview = new OverviewPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Hemtjänst Öster' })).toBeVisible();
  await overview.openMetric('Personalomsättning');
  await expect(page.getByRole('heading', { level: 1, name: 'Personalomsättning' })).toBeVisible();

  const notes = new AnnotationsPanel(page);
  await expect(notes.addForm()).toBeVisible();
  await notes.add({ year: 2024, text });
  await expect(page.getByRole('status').filter({ hasText: 'Anteckningen är sparad.' })).toBeVisible();
  await expect(notes.note(text)).toBeVisible();
  await shot(page, testInfo, '1-own-unit-note');

  // Another area's unit: the page explains, and offers no control to write.
  await notes.openMetric('staff_turnover', 'ifo-vuxenenheten');
  await expect(notes.section()).toContainText('Nya anteckningar skriver du för dina egna enheter');
  await expect(notes.addForm()).toHaveCount(0);
  await expect(notes.section().getByRole('textbox')).toHaveCount(0);
  await shot(page, testInfo, '2-other-unit-no-form');

  // Asking the API directly is refused, and nothing is written.
  const res = await page.request.post('/api/annotations', {
    data: { unitId: 'ifo-vuxenenheten', metricKey: 'staff_turnover', year: 2024, text: `${text} (fel enhet)`, visibility: 'internal' },
  });
  expect(res.status()).toBe(403);
  await page.reload();
  await expect(notes.section()).not.toContainText('(fel enhet)');
});

test('politician: opens the summary, prints it to PDF, and finds nothing to edit', async ({ page }, testInfo) => {
  await signInAs(page, 'politiker');
  const summary = new SummaryPage(page);
  await summary.expectLoaded();
  await expect(summary.metric('Sjukfrånvaro bland chefer')).toBeVisible();

  // Read-only: no field to type in, no form to send, no button that changes anything.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.locator('button[type="submit"]:enabled, input[type="submit"]:enabled')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /ändra|redigera|radera|ta bort|spara|lägg till|svara/i })).toHaveCount(0);
  await shot(page, testInfo, '1-summary');

  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('summary.pdf');
  const pdf = await page.pdf({ format: 'A4', path: pdfPath, printBackground: true });
  await testInfo.attach('summary.pdf', { path: pdfPath, contentType: 'application/pdf' });
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(1);

  // The printed words are the summary's: read them back out of the PDF when poppler is there.
  const pdftotext = '/usr/bin/pdftotext';
  test.info().annotations.push({ type: 'pdf', description: existsSync(pdftotext) ? 'text checked with pdftotext' : 'pdftotext missing: bytes only' });
  if (existsSync(pdftotext)) {
    const printed = execFileSync(pdftotext, ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(printed).toContain('Sammanfattning: Socialförvaltningen');
    expect(printed).toContain('Sjukfrånvaro bland chefer');
    expect(printed).toMatch(/3,42\s%/);
    // Print leaves out the controls.
    expect(printed).not.toContain('Skriv ut');
    expect(printed).not.toContain('Logga ut');
  }
});

test('newcomer: mistypes the password, gets a clear message, then signs in', async ({ page, browser }, testInfo) => {
  // The development manager has just made the newcomer's account.
  const username = `nykomling${Date.now() % 100_000}`;
  const password = 'välkommen till tillit';
  const admin = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    expect((await admin.request.post('/api/auth/login', { data: { username: 'utvecklingschef', password: 'tillit-demo' } })).status()).toBe(200);
    const created = await admin.request.post('/api/users', {
      data: { username, displayName: 'Nora Nykomling', role: 'unit_manager', unitIds: ['hemtjanst-hemtjanst-norr'], password },
    });
    expect(created.status()).toBe(201);
  } finally {
    await admin.close();
  }

  const login = new LoginPage(page);
  await login.open();
  await login.signIn(username, 'välkommen till tilit');
  const message = page.getByRole('alert');
  await expect(message).toHaveText('Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.');
  await expect(page).toHaveURL(/\/login/);
  // What was typed as the username is kept, so only the password needs typing again.
  await expect(page.getByLabel('Användarnamn')).toHaveValue(username);
  await shot(page, testInfo, '1-wrong-password');

  await login.signIn(username, password);
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await expect(page.getByText('Nora Nykomling')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Hemtjänst Norr' })).toBeVisible();
  await expect(message).toHaveCount(0);
  await shot(page, testInfo, '2-signed-in');
});
