import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { CataloguePage, PrinciplesPage } from './pages/catalogue.js';
import { signInAs } from './pages/login.js';
import { SummaryPage } from './pages/summary.js';

const SICK_LEAVE = 'Sjukfrånvaro bland chefer';

test.describe('keeping the catalogue', () => {
  test('a new sick-leave target from 2025 shows on the metric page and in the summary; the years before keep theirs', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    try {
      await catalogue.setUpperTarget(SICK_LEAVE, '2,2', 2025);
      // The catalogue keeps the earlier target.
      await expect(page.getByText('Till och med 2024: högst 2,50\u00a0%')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: test.info().outputPath('catalogue.png'), fullPage: true });

      await page.goto('/metrics/manager_sick_leave');
      await expect(page.getByRole('heading', { level: 1, name: SICK_LEAVE })).toBeVisible();
      await expect(page.getByText(/Mål: högst 2,20\s%/).first()).toBeVisible();
      // The trend's target line steps in 2025, and says so.
      await expect(page.getByText('Målet ändrades 2025: från högst 2,50\u00a0% till högst 2,20\u00a0%.')).toBeVisible();
      await expect(page.locator('.trend-chart__target-step').first()).toBeVisible();

      const summary = new SummaryPage(page);
      await summary.open();
      await expect(summary.metric(SICK_LEAVE).getByText(/Målet för 2025 är högst 2,20\s%/)).toBeVisible();
    } finally {
      // Leave the shared database as the other browser tests expect it.
      const res = await page.request.patch('/api/metrics/manager_sick_leave', { data: { target: { min: null, max: 2.5 }, targetFrom: 2025 } });
      expect(res.status()).toBe(200);
    }
  });

  test('the principles overview shows the seven principles with their metrics and directions', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    const principles = new PrinciplesPage(page);
    await principles.open('soc');
    await expect(principles.cards()).toHaveCount(7);
    const support = principles.card('Stöd');
    await expect(support.getByRole('link', { name: 'Medarbetare per enhetschef' })).toBeVisible();
    await expect(support.getByText(/förbättring|försämring|oförändrat|förändring|ingen jämförelse/).first()).toBeVisible();
    await expect(support.getByText(/Målet nås/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Redigera Tillit' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath('principles.png'), fullPage: true });
  });

  test('a politician reads the principles overview but cannot edit it', async ({ page }) => {
    await signInAs(page, 'politiker');
    const principles = new PrinciplesPage(page);
    await principles.open();
    await expect(principles.cards()).toHaveCount(7);
    await expect(page.getByRole('button', { name: /^Redigera/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
