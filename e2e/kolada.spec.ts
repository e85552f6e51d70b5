import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { signInAs } from './pages/login.js';

test("the department's metric page shows the municipality's Kolada line, its legend and a table column, labelled synthetic", async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  await page.goto('/metrics/manager_sick_leave?unit=soc');
  const trend = page.getByRole('region', { name: 'Utveckling år för år' });

  // The legend names the dashed line; the chart draws it.
  await expect(trend.getByRole('listitem').filter({ hasText: 'Kommunen totalt (Kolada N00090)' })).toBeVisible();
  await expect(trend.locator('.trend-chart__reference path.recharts-curve')).toHaveCount(1);
  await expect(trend.getByText(/Syntetiska exempelvärden i Kolada-format/)).toBeVisible();

  // The table alternative has the column, with the synthetic label on each figure.
  const table = trend.getByRole('table', { name: /Sjukfrånvaro bland chefer/ });
  await expect(table.getByRole('columnheader', { name: 'Kommunen totalt (Kolada N00090)' })).toBeVisible();
  const row2019 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2019' }) });
  await expect(row2019).toContainText('6,80\u00a0%');
  await expect(row2019).toContainText('syntetisk');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('kolada-reference.png'), fullPage: true });

  // A single unit gets no municipality-wide line, only a sentence on why.
  await page.goto('/metrics/manager_sick_leave?unit=hemtjanst-hemtjanst-oster');
  await expect(page.getByText(/visas bara för hela förvaltningen/)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Kommunen totalt (Kolada N00090)' })).toHaveCount(0);
});

test('the development manager checks a Kolada page before saving it, and edits a mapping', async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  await page.goto('/admin/import');
  const section = page.getByRole('region', { name: 'Kolada: kommunens publicerade värden' });
  const page2023 = { values: [{ kpi: 'N00090', municipality: '0680', period: 2023, values: [{ gender: 'T', status: '', value: 7.3, count: 1 }] }], count: 1, next_url: null };
  await section.getByLabel('Fil från Kolada (JSON)').setInputFiles({ name: 'n00090.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(page2023)) });
  await section.getByRole('button', { name: 'Granska Kolada-filen' }).click();
  await expect(section.getByText('1 värden lästa, 1 giltiga. 3 lagrade värden ersätts.')).toBeVisible();
  await section.getByRole('button', { name: 'Spara Kolada-värdena' }).click();
  await expect(section.getByRole('status').filter({ hasText: '1 värden importerade (3 ersatta).' })).toBeVisible();

  const mapping = section.getByRole('form', { name: 'Koppling för N00216' });
  await mapping.getByLabel('Text (svenska)').fill('Personalomsättning, hela kommunen (Kolada N00216)');
  await mapping.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(mapping.getByRole('status')).toHaveText('Sparat.');
  await expectNoSeriousA11yViolations(page);
});
