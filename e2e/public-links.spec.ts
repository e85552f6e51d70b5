import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { signInAs } from './pages/login.js';
import { PublicLinksPage, SummaryPage } from './pages/summary.js';

test('a public link hides who wrote the notes until the development manager chooses to show it', async ({ page, browser }) => {
  await signInAs(page, 'utvecklingschef');
  const note = await page.request.post('/api/annotations', {
    data: { unitId: 'soc', metricKey: 'manager_sick_leave', year: 2024, text: 'Chefsstödet byggdes ut, e2e.', visibility: 'public' },
  });
  expect(note.status()).toBe(201);

  const links = new PublicLinksPage(page);
  await links.open();
  await expect(page.getByRole('checkbox', { name: 'Visa vem som skrev anteckningarna' })).not.toBeChecked();
  const address = await links.create('Författare, e2e');
  const row = page.getByRole('row', { name: /Författare, e2e/ });
  await expect(row.getByRole('cell', { name: /Visas inte/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('public-links.png'), fullPage: true });

  const anonymous = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const reader = await anonymous.newPage();
    await reader.goto(address);
    await new SummaryPage(reader).expectLoaded();
    const sickLeave = new SummaryPage(reader).metric('Sjukfrånvaro bland chefer');
    await expect(sickLeave.getByText('Chefsstödet byggdes ut, e2e.')).toBeVisible();
    await expect(reader.getByText('Utvecklingschef (demo)')).toHaveCount(0);

    await row.getByRole('button', { name: 'Visa vem som skrev anteckningarna på länken ”Författare, e2e”' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Länken ”Författare, e2e” visar nu vem som skrev anteckningarna.' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Dölj vem som skrev anteckningarna på länken ”Författare, e2e”' })).toBeVisible();
    await expect(row.getByRole('cell', { name: /^Visas Dölj vem/ })).toBeVisible();

    await reader.reload();
    await expect(sickLeave.getByText(/Utvecklingschef \(demo\)/)).toBeVisible();
  } finally {
    await anonymous.close();
  }
});

test('a public link opens only the organisation and its areas, not a single unit', async ({ page, browser }) => {
  await signInAs(page, 'utvecklingschef');
  const created = await page.request.post('/api/public-links', { data: { label: 'Enheter, e2e' } });
  expect(created.status()).toBe(201);
  const { path } = (await created.json()) as { path: string };

  const anonymous = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const reader = await anonymous.newPage();
    await reader.goto(`${path}?unit=hemtjanst`);
    await new SummaryPage(reader).expectLoaded('Hemtjänst');
    await reader.goto(`${path}?unit=hemtjanst-hemtjanst-oster`);
    await expect(reader.getByRole('heading', { level: 1, name: 'Länken fungerar inte' })).toBeVisible();
    await expect(reader.getByText(/Sjukfrånvaron/)).toHaveCount(0);
  } finally {
    await anonymous.close();
  }
});
