import { expect, test } from '@playwright/test';
import { CataloguePage } from './pages/catalogue.js';
import { signInAs } from './pages/login.js';

const KEY = 'manager_mobility_internal';
const NAME = 'Intern chefsrörlighet';

test.describe('an English text that no longer says what the Swedish says', () => {
  test('is marked for the development manager and for readers in English until it is updated', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    const original = (await (await page.request.get('/api/metrics')).json()).find((m: { key: string }) => m.key === KEY).prompt;
    try {
      // The Swedish question is edited, the English one is not.
      const catalogue = new CataloguePage(page);
      await catalogue.open();
      const form = await catalogue.editMetric(NAME);
      await form.getByLabel('Fråga (svenska)').fill('Vilka uppgifter om chefsbyten behöver du?');
      await form.getByRole('button', { name: 'Spara ändringar' }).click();
      await expect(form.getByRole('status')).toHaveText('Ändringarna är sparade.');
      const item = page.locator('.catalogue-item').filter({ hasText: NAME });
      await expect(item.locator('summary')).toContainText('Engelsk text att uppdatera');
      await expect(form).toContainText('Den svenska texten har ändrats men inte den engelska: frågan.');
      await expect(form.getByText('Den svenska texten har ändrats: uppdatera den engelska.')).toBeVisible();
      await item.screenshot({ path: test.info().outputPath('catalogue-translation.png') });

      // A reader in English sees the old English question, marked.
      await page.goto('/');
      await page.getByRole('button', { name: 'English' }).click();
      const card = page.getByRole('article', { name: 'Internal manager mobility' });
      await expect(card).toContainText(`${original.en} (not yet translated)`);
      await card.screenshot({ path: test.info().outputPath('card-not-yet-translated.png') });
      await page.goto(`/metrics/${KEY}`);
      await expect(page.getByRole('region', { name: 'Which data do you need?' })).toContainText('(not yet translated)');
      await expect(page.getByRole('heading', { level: 1 })).not.toContainText('(not yet translated)');
      await page.getByRole('button', { name: 'Svenska' }).click();
      await expect(page.getByText('(inte översatt ännu)')).toHaveCount(0);

      // Saving the English question clears the mark.
      await catalogue.open();
      const again = await catalogue.editMetric(NAME);
      await again.getByLabel('Fråga (engelska)').fill('Which data on manager moves do you need?');
      await again.getByRole('button', { name: 'Spara ändringar' }).click();
      await expect(again.getByRole('status')).toHaveText('Ändringarna är sparade.');
      await expect(item.locator('summary')).not.toContainText('Engelsk text att uppdatera');
      await expect(again).not.toContainText('Den engelska texten behöver uppdateras');
    } finally {
      await page.request.patch(`/api/metrics/${KEY}`, { data: { prompt: original, englishConfirmed: ['prompt'] } });
    }
  });
});
