import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { signInAs } from './pages/login.js';
import { OrganisationPage } from './pages/organisation.js';
import { openAdminPage } from './pages/menu.js';

test('the development manager registers a merger, and the new unit’s trend continues with the marker', async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  await openAdminPage(page, 'Organisation');
  const organisation = new OrganisationPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();

  // Two care homes become one from 2024 (these units appear in no other browser test).
  await organisation.registerMerger(2024, ['vob-sjoglimten', 'vob-rosengarden'], 'vob-sjoglimten-rosengarden', 'Sjöglimten och Rosengården');
  await expect(organisation.reorganisationForm().getByRole('status')).toHaveText('Registrerat: 2 blev 1 (2024).');
  await expect(organisation.reorganisationList().getByRole('row', { name: /2024 Sammanslagning: 2 blev 1/ })).toContainText('Sjöglimten och Rosengården');
  await expectNoSeriousA11yViolations(page);

  // The new unit has no figures of its own before 2024, yet its trend starts in 2019: the sum of the two.
  await page.goto('/metrics/staff_per_manager?unit=vob-sjoglimten-rosengarden');
  await expect(page.getByRole('heading', { level: 1, name: /Medarbetare per enhetschef/ })).toBeVisible();
  const trend = page.getByRole('region', { name: 'Utveckling år för år' });
  const table = trend.getByRole('table');
  const row2019 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2019' }) });
  await expect(row2019.getByRole('cell').first()).toHaveText(/^\d+,\d/);
  // The marker: in the table (a column), in the list under the chart, and drawn on the chart.
  const row2024 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2024' }) });
  await expect(row2024).toContainText('2 blev 1');
  await expect(trend.getByText(/2024: 2 blev 1 – .*Rosengården och .*Sjöglimten blev Sjöglimten och Rosengården\./)).toBeVisible();
  await expect(trend.locator('.trend-chart__event')).toHaveCount(1);
  await expect(trend.locator('.trend-chart__canvas')).toHaveAccessibleName(/Omorganisationer: 2024 2 blev 1/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('merger-trend.png'), fullPage: true });
});

test('a unit manager cannot open the organisation page, and has no link to it', async ({ page }) => {
  await signInAs(page, 'enhetschef');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' })).toHaveCount(0);
  await page.goto('/admin/organisation');
  await expect(page).not.toHaveURL(/\/admin\/organisation/);
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toHaveCount(0);
});
