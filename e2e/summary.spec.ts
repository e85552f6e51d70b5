import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { METRIC_NAMES_SV } from './pages/dashboard.js';
import { signInAs } from './pages/login.js';
import { PublicLinksPage, SummaryPage } from './pages/summary.js';

const SICK_LEAVE_SENTENCE = /Sjukfrånvaron bland chefer har minskat från 3,42\s%\s2019 till \d,\d\d\s%\s2025\./;

test.describe("the politicians' summary", () => {
  test('a politician reads it, finds nothing to edit, and prints it', async ({ page }) => {
    await signInAs(page, 'politiker');
    const summary = new SummaryPage(page);
    await summary.expectLoaded();

    // Read-only: no forms, no fields; the only buttons are language, sign-out and print.
    expect(await page.locator('form, input, textarea, select, [contenteditable="true"]').count()).toBe(0);
    expect((await summary.buttons()).sort()).toEqual(['English', 'Logga ut', 'Skriv ut', 'Svenska']);

    for (const name of METRIC_NAMES_SV) await expect(summary.metric(name)).toBeVisible();
    const sick = summary.metric('Sjukfrånvaro bland chefer');
    await expect(sick.getByText(SICK_LEAVE_SENTENCE)).toBeVisible();
    await expect(sick.getByText('Målet nås', { exact: true })).toBeVisible();
    await expect(sick.getByRole('table', { name: 'Sjukfrånvaro bland chefer för Socialförvaltningen, år för år' })).toBeVisible();
    await expect(sick.getByRole('cell', { name: /^3,42\s%$/ })).toBeVisible();
    await expect(page.getByText(/^Sammanställd \d{1,2} \w+ \d{4}$/)).toBeVisible();
    await expect(page.getByText(/^Uppgifter till och med 2025/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await summary.chooseUnit('Individ- och familjeomsorg');
    await expect(page).toHaveURL(/\/summary\?unit=ifo$/);
    await expect(page.getByText('Visar: Individ- och familjeomsorg, ett område inom Socialförvaltningen')).toBeVisible();
    await summary.unitChoices().getByRole('link', { name: 'Hela Socialförvaltningen' }).click();
    await summary.expectLoaded();

    await page.screenshot({ path: test.info().outputPath('summary.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: test.info().outputPath('summary.pdf') });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);

    // In print the navigation and the buttons are gone, and the date is still there.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeHidden();
    await expect(summary.unitChoices()).toBeHidden();
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
    await expect(page.getByText(/^Sammanställd /)).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  test('speaks English when asked', async ({ page }) => {
    await signInAs(page, 'politiker');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Summary: Socialförvaltningen' })).toBeVisible();
    await expect(page.getByText(/Sick leave among managers has fallen from 3\.42% in 2019/)).toBeVisible();
    await page.getByRole('button', { name: 'Svenska' }).click();
  });
});

test.describe('public read-only links', () => {
  test('a link the development manager creates opens without an account, and is refused after revoke', async ({ page, browser }) => {
    await signInAs(page, 'utvecklingschef');
    const links = new PublicLinksPage(page);
    await links.open();
    const address = await links.create('Socialnämnden, e2e');
    expect(address).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole('rowheader', { name: 'Socialnämnden, e2e' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const anonymous = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const reader = await anonymous.newPage();
      await reader.goto(address);
      const summary = new SummaryPage(reader);
      await summary.expectLoaded();
      await expect(reader.getByText(SICK_LEAVE_SENTENCE)).toBeVisible();
      // No way into the rest of the product, and nothing to change.
      await expect(reader.getByRole('navigation', { name: 'Huvudmeny' })).toHaveCount(0);
      expect((await summary.buttons()).sort()).toEqual(['English', 'Skriv ut', 'Svenska']);
      expect(await reader.locator('form, input, textarea, select').count()).toBe(0);
      expect((await reader.request.get('/api/auth/me')).status()).toBe(401);
      await summary.chooseUnit('Hemtjänst');
      await expect(reader).toHaveURL(/\/p\/[A-Za-z0-9_-]+\?unit=hemtjanst$/);
      await expectNoSeriousA11yViolations(reader);

      await links.revoke('Socialnämnden, e2e');
      await expect(page.getByRole('row', { name: /Socialnämnden, e2e/ })).toContainText('Återkallad');

      await reader.reload();
      await expect(reader.getByRole('heading', { level: 1, name: 'Länken fungerar inte' })).toBeVisible();
      await expect(reader.getByText(/Sjukfrånvaron/)).toHaveCount(0);
      const token = address.split('/p/')[1]!;
      expect((await reader.request.get(`/api/public/${token}/summary`)).status()).toBe(404);
    } finally {
      await anonymous.close();
    }
  });
});
