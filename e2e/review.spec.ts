import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { signInAs } from './pages/login.js';
import { mainMenu } from './pages/menu.js';
import { SummaryPage } from './pages/summary.js';

const METRIC = 'Personalomsättning';

/** A metric's section on the yearly review, and its analysis form. */
function reviewSection(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test.describe('the yearly review and the analysis the committee reads', () => {
  test('the development manager reviews 2025, writes and publishes an analysis, and the politician reads it in the summary', async ({ page, browser }) => {
    test.setTimeout(60_000);
    const stamp = Date.now();
    const draft = `Utkast: personalomsättningen steg något. (${stamp})`;
    const text = `Personalomsättningen steg något men ligger under målet; tre enheter följs upp under våren. (${stamp})`;

    // Hemtjänst, an area no other browser test reorganises: its 2025 stays complete whatever runs before.
    await signInAs(page, 'utvecklingschef');
    await mainMenu(page).getByRole('link', { name: 'Årsgenomgång' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Årsgenomgång \d{4}: Socialförvaltningen$/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Hemtjänst', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Årsgenomgång 2025: Hemtjänst' })).toBeVisible();
    // What got worse comes first: the table's first rows are marked so in words.
    const table = page.getByRole('table', { name: /Nyckeltalen 2025 för Hemtjänst/ });
    await expect(table.getByRole('row').nth(1)).toContainText('försämring');
    await expect(table.getByRole('rowheader', { name: METRIC })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath('review.png'), fullPage: true });

    // The table leads to the metric's section, with its figures and the analysis form.
    await table.getByRole('link', { name: METRIC }).click();
    const section = reviewSection(page, METRIC);
    await expect(section.getByText(/8 enheter under: \d+ når målet/)).toBeVisible();
    const box = section.getByLabel(`Analys av ${METRIC} 2025 för Hemtjänst`);
    await box.fill(draft);
    await section.getByRole('button', { name: 'Spara utkast' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Utkastet är sparat.' })).toBeVisible();
    await expect(section.getByText(/Utkast sparat .* Syns inte för nämnden\./)).toBeVisible();

    // A draft stays with the development manager.
    const politician = await (await browser.newContext()).newPage();
    await signInAs(politician, 'politiker');
    const summary = new SummaryPage(politician);
    await summary.expectLoaded();
    await summary.chooseUnit('Hemtjänst');
    await expect(summary.metric(METRIC)).toBeVisible();
    await expect(summary.metric(METRIC).getByRole('heading', { name: 'Analys 2025' })).toHaveCount(0);
    await expect(politician.getByText(draft)).toHaveCount(0);

    await box.fill(text);
    await section.getByRole('button', { name: 'Publicera' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Analysen är publicerad.' })).toBeVisible();
    await expect(section.getByText(/Publicerad .* Visas i sammanfattningen\./)).toBeVisible();
    // The draft is kept as an earlier version.
    await section.getByText('Tidigare version (1)').click();
    await expect(section.getByText(draft)).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(METRIC) })).toContainText('Publicerad');
    await expectNoSeriousA11yViolations(page);

    // The politician reads it under the metric, on screen and in print.
    await politician.reload();
    const metric = summary.metric(METRIC);
    await expect(metric.getByRole('heading', { name: 'Analys 2025' })).toBeVisible();
    await expect(metric.getByText(text)).toBeVisible();
    await expectNoSeriousA11yViolations(politician);
    await politician.emulateMedia({ media: 'print' });
    await expect(metric.getByText(text)).toBeVisible();
    await politician.emulateMedia({ media: 'screen' });
    await metric.scrollIntoViewIfNeeded();
    await politician.screenshot({ path: test.info().outputPath('summary-analysis.png') });
    await politician.context().close();
  });

  test('a note and a question of the year lead into their thread and the inbox', async ({ page }) => {
    const stamp = Date.now();
    await signInAs(page, 'utvecklingschef');
    const note = await page.request.post('/api/annotations', {
      data: { unitId: 'hemtjanst-hemtjanst-vaster', metricKey: 'staff_per_manager', year: 2025, text: `Två nya gruppledare. (${stamp})`, visibility: 'internal' },
    });
    expect(note.status()).toBe(201);
    const question = await page.request.post('/api/data-needs', {
      data: { metricKey: 'staff_per_manager', unitId: 'hemtjanst-hemtjanst-vaster', text: `Hur många timanställda? (${stamp})` },
    });
    expect(question.status()).toBe(201);

    await page.goto('/review?unit=hemtjanst');
    const section = reviewSection(page, 'Medarbetare per enhetschef');
    await expect(section.getByText(`Två nya gruppledare. (${stamp})`)).toBeVisible();
    await expect(section.getByText(`Hur många timanställda? (${stamp})`)).toBeVisible();
    await section.getByRole('link', { name: 'Läs anteckningen hos Hemtjänst Väster' }).click();
    await expect(page).toHaveURL(/\/metrics\/staff_per_manager\?unit=hemtjanst-hemtjanst-vaster#annotations$/);
    const notes = page.getByRole('heading', { level: 2, name: 'Anteckningar' });
    await expect(notes).toBeFocused();
    await expect(notes).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Anteckningar', exact: true }).getByText(`Två nya gruppledare. (${stamp})`)).toBeVisible();

    await page.goBack();
    await reviewSection(page, 'Medarbetare per enhetschef').getByRole('link', { name: 'Svara i inkorgen' }).click();
    await expect(page).toHaveURL(/\/data-needs\?metric=staff_per_manager&unit=hemtjanst-hemtjanst-vaster$/);
    await expect(page.getByText(`Hur många timanställda? (${stamp})`)).toBeVisible();
  });

  test('another year can be chosen, and the other roles have no review', async ({ page, browser }) => {
    await signInAs(page, 'utvecklingschef');
    await page.goto('/review?unit=hemtjanst');
    await expect(page.getByRole('heading', { level: 1, name: 'Årsgenomgång 2025: Hemtjänst' })).toBeVisible();
    const year = page.getByLabel('År', { exact: true });
    await year.selectOption('2024');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page).toHaveURL(/year=2024/);
    await expect(page.getByRole('heading', { level: 1, name: 'Årsgenomgång 2024: Hemtjänst' })).toBeVisible();

    const other = await (await browser.newContext()).newPage();
    await signInAs(other, 'enhetschef');
    await expect(mainMenu(other).getByRole('link', { name: 'Årsgenomgång' })).toHaveCount(0);
    expect((await other.request.get('/api/review')).status()).toBe(403);
    await other.goto('/review');
    await expect(other.getByRole('heading', { level: 1, name: 'Årsgenomgång 2025: Socialförvaltningen' })).toHaveCount(0);
    await other.context().close();
  });
});
