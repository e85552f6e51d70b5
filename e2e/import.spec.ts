import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { CataloguePage } from './pages/catalogue.js';
import { excelCsv, ImportPage } from './pages/import.js';
import { signInAs } from './pages/login.js';
import { openAdminPage } from './pages/menu.js';

const HEADER = 'Enhet;Nyckeltal;År;Täljare;Nämnare;Källa';

test('the development manager previews and imports a Swedish Excel CSV, sees the value, and undoes it', async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  await openAdminPage(page, 'Importera');
  const importPage = new ImportPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Importera värden' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A file with one bad row: the row number is shown and nothing can be imported.
  await importPage.preview(
    'fel.csv',
    excelCsv([HEADER, 'hemtjanst-hemtjanst-oster;staff_turnover;2026;2;40;Äldreomsorg HR-system', 'hemtjanst-hemtjanst-oster;staff_turnover;inte ett år;2;40;']),
  );
  await expect(importPage.errorTable().getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(importPage.importButton()).toBeDisabled();

  // A good file: preview, then import.
  await importPage.preview('personal.csv', excelCsv([HEADER, 'hemtjanst-hemtjanst-oster;staff_turnover;2026;2,0;40;Äldreomsorg HR-system']));
  await expect(page.getByText('Lästa rader: 1. Giltiga: 1.')).toBeVisible();
  await expect(importPage.errorTable()).toHaveCount(0);
  await expect(importPage.changeTable().getByRole('row', { name: /Hemtjänst Öster \(hemtjanst-hemtjanst-oster\) Personalomsättning 2026/ })).toContainText('2 / 40');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });
  await importPage.importFile();
  await expect(page.getByRole('row').filter({ hasText: 'personal.csv' })).toContainText('utvecklingschef');

  await page.goto('/metrics/staff_turnover?unit=hemtjanst-hemtjanst-oster');
  const trend = page.getByRole('region', { name: 'Utveckling år för år' });
  await expect(trend.getByRole('row').filter({ hasText: '2026' })).toContainText('5,0\u00a0%');

  await importPage.open();
  await importPage.undo('personal.csv');
});

test('a file with unfamiliar headers gets a mapping step, preselected with guesses, then imports', async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  const importPage = new ImportPage(page);
  await importPage.open();
  const file = excelCsv(['Enhetskod;KPI;Period;Antal;Bas', 'hemtjanst-hemtjanst-norr;staff_turnover;2026;3;60']);
  await importPage.preview('kpi-export.csv', file);

  const step = importPage.mappingStep();
  await expect(step).toBeVisible();
  await expect(importPage.importButton()).toBeDisabled();
  await expect(step.getByLabel('Enhet', { exact: true })).toHaveValue('Enhetskod');
  await expect(step.getByLabel('År', { exact: true })).toHaveValue('Period');
  await expect(step.getByLabel('Nämnare', { exact: true })).toHaveValue('Bas');
  // A person can change a guess; a required field left empty is named, not sent.
  await step.getByLabel('Täljare', { exact: true }).selectOption('');
  await step.getByRole('button', { name: 'Förhandsgranska med dessa kolumner' }).click();
  await expect(step.getByText('Välj en kolumn.')).toBeVisible();
  await step.getByLabel('Täljare', { exact: true }).selectOption('Antal');
  await expectNoSeriousA11yViolations(page);

  await importPage.confirmMapping('kpi-export.csv');
  await expect(page.getByText('Lästa rader: 1. Giltiga: 1.')).toBeVisible();
  await expect(importPage.changeTable().getByRole('row', { name: /Hemtjänst Norr \(hemtjanst-hemtjanst-norr\) Personalomsättning 2026/ })).toContainText('3 / 60');
  await importPage.importFile();
  await importPage.undo('kpi-export.csv');
});

test('an XLSX workbook from the HR system previews and imports like a CSV', async ({ page }) => {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personalomsättning');
  sheet.addRow(['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare', 'Källa']);
  sheet.addRow(['hemtjanst-hemtjanst-oster', 'staff_turnover', 2026, 3.5, 50, 'HR-systemet, Äldreomsorg']);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await signInAs(page, 'utvecklingschef');
  const importPage = new ImportPage(page);
  await importPage.open();
  await page.getByLabel('Fil (CSV eller Excel)').setInputFiles({
    name: 'personal.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Förhandsgranskning av personal.xlsx' })).toBeVisible();
  await expect(page.getByText('Lästa rader: 1. Giltiga: 1.')).toBeVisible();
  await expect(importPage.changeTable().getByRole('row', { name: /Hemtjänst Öster \(hemtjanst-hemtjanst-oster\) Personalomsättning 2026/ })).toContainText('3,5 / 50');
  await importPage.importFile();

  await page.goto('/metrics/staff_turnover?unit=hemtjanst-hemtjanst-oster');
  const trend = page.getByRole('region', { name: 'Utveckling år för år' });
  await expect(trend.getByRole('row').filter({ hasText: '2026' })).toContainText('7,0\u00a0%');

  await importPage.open();
  await importPage.undo('personal.xlsx');
});

test('an HR report with a title above the header on row 4 and a subtotal row shows the subtotal apart and stores only the units', async ({ page }) => {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Info').addRow(['Rapport från Heroma']);
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Intern chefsrörlighet per enhet']);
  sheet.addRow(['Utskriven 2027-01-15']);
  sheet.addRow([]);
  sheet.addRow(['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare']);
  sheet.addRow(['Hemtjänst Öster', 'Intern chefsrörlighet', 2026, 1, 4]);
  sheet.addRow(['Hemtjänst Väster', 'Intern chefsrörlighet', 2026, 1, 8]);
  sheet.addRow(['Summa Hemtjänst', 'Intern chefsrörlighet', 2026, 2, 12]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await signInAs(page, 'utvecklingschef');
  const importPage = new ImportPage(page);
  await importPage.open();
  await page.getByLabel('Fil (CSV eller Excel)').setInputFiles({ name: 'heroma.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByText('Läst från bladet "Data". Rubrikraden är rad 4.')).toBeVisible();
  await expect(page.getByText('Lästa rader: 3. Giltiga: 2.')).toBeVisible();

  const totals = page.getByRole('region', { name: 'Summarader' });
  await expect(totals.getByRole('heading', { level: 3, name: 'Summarader' })).toBeVisible();
  const row = totals.getByRole('table', { name: /^Summarader/ }).getByRole('row').nth(1);
  await expect(row).toContainText('Hemtjänst');
  await expect(row).toContainText('Intern chefsrörlighet'); // the metric by its name, as in the file
  await expect(row).not.toContainText('manager_mobility_internal');
  await expect(row).toContainText('2 / 12');
  await expect(row).toContainText('Stämmer med summan av filens 2 rader under (2 / 12). Sparas inte');
  await expect(page.getByRole('radio', { name: /^Kontrollera dem mot raderna under/ })).toBeChecked();
  await expect(importPage.changeTable().getByRole('row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('import-subtotals.png'), fullPage: true });

  await importPage.importButton().click();
  await expect(page.getByRole('status').filter({ hasText: 'Importen är klar: 2 rader skrevs. 1 summarad sparades inte.' })).toBeVisible();
  await page.goto('/metrics/manager_mobility_internal?unit=hemtjanst');
  const trend = page.getByRole('region', { name: 'Utveckling år för år' });
  await expect(trend.getByRole('row').filter({ hasText: '2026' })).toContainText('16,7\u00a0%');

  await importPage.open();
  await importPage.undo('heroma.xlsx');
});

test('the catalogue says whether a metric is a share or a rate, and the import follows it', async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  const catalogue = new CataloguePage(page);
  await catalogue.open();
  const form = await catalogue.editMetric('Intern chefsrörlighet');
  const rate = form.getByRole('radio', { name: /^Ja: en takt/ });
  const share = form.getByRole('radio', { name: /^Nej: en andel/ });
  await expect(rate).toBeChecked();
  await share.check();
  await form.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(form.getByRole('status')).toHaveText('Ändringarna är sparade.');
  await expectNoSeriousA11yViolations(page);
  await form.screenshot({ path: test.info().outputPath('catalogue-bounded.png') });

  const importPage = new ImportPage(page);
  await importPage.open();
  const above = excelCsv([HEADER, 'hemtjanst-hemtjanst-norr;Intern chefsrörlighet;2026;3;2;HR']);
  await importPage.preview('rorlighet.csv', above);
  await expect(importPage.errorTable()).toContainText('Täljaren (3) är större än nämnaren (2), men "Intern chefsrörlighet" är en andel');

  await catalogue.open();
  const again = await catalogue.editMetric('Intern chefsrörlighet');
  await again.getByRole('radio', { name: /^Ja: en takt/ }).check();
  await again.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(again.getByRole('status')).toHaveText('Ändringarna är sparade.');
  await importPage.open();
  await importPage.preview('rorlighet.csv', above);
  await expect(importPage.errorTable()).toHaveCount(0);
});
