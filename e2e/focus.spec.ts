import { expect, test, type Locator, type Page } from '@playwright/test';
import { DataNeedsPages } from './pages/data-needs.js';
import { signInAs } from './pages/login.js';

const OSTER = 'hemtjanst-hemtjanst-oster';
const VIEWPORT = { width: 1280, height: 800 };

/** Whether the whole of an element is inside the visible part of the page. */
async function expectWithinViewport(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  expect(box, 'the element is drawn').not.toBeNull();
  const viewport = page.viewportSize() ?? VIEWPORT;
  expect(box!.y, 'its top is not above the screen').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'its bottom is not below the screen').toBeLessThanOrEqual(viewport.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
}

/** The metric page has finished loading everything above its question box. */
async function expectMetricPageSettled(page: Page): Promise<void> {
  await expect(page.getByRole('img', { name: /Linjediagram/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Jämfört med andra enheter' }).getByRole('table')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Anteckningar' }).getByText('Hämtar anteckningarna …')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /Hämtar/ })).toHaveCount(0);
}

test.use({ viewport: VIEWPORT });

test.describe('focus lands where people will type or keep choosing', () => {
  test('"Vilka data behöver du?" on an overview card scrolls the question box into view and puts the cursor in it', async ({ page }) => {
    await signInAs(page, 'enhetschef');
    await page.goto(`/?unit=${OSTER}`);
    await page.getByRole('link', { name: /Svara på frågan: Personalomsättning/ }).click();
    await expect(page).toHaveURL(/\/metrics\/staff_turnover\?unit=.*#data-need-form$/);
    const box = new DataNeedsPages(page).metricForm().getByRole('textbox');
    await expectMetricPageSettled(page);
    await expect(box).toBeFocused();
    await expectWithinViewport(page, box);
    // The note form is not what the person sees: its text box is above the screen.
    const noteBox = await page.getByRole('region', { name: 'Anteckningar' }).getByLabel('Anteckning', { exact: true }).boundingBox();
    expect(noteBox === null || noteBox.y + noteBox.height <= 0).toBe(true);
    await page.screenshot({ path: test.info().outputPath('question-link-landing.png') });
  });

  test("the summary's question link lands on the question box on Mina frågor", async ({ page }) => {
    await signInAs(page, 'politiker');
    const metric = page.getByRole('region', { name: 'Personalomsättning', exact: true });
    await metric.getByRole('link', { name: /Vilka data behöver du\?/ }).click();
    await expect(page).toHaveURL(/\/data-needs\/mine\?ask=staff_turnover/);
    const box = page.getByRole('region', { name: 'Ställ en fråga' }).getByRole('textbox');
    await expect(box).toBeFocused();
    await expectWithinViewport(page, box);
  });

  test('ArrowDown in "År att jämföra" keeps the focus on the select through each new year', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    await page.goto(`/metrics/staff_turnover?unit=hemtjanst`);
    const select = page.getByLabel('År att jämföra');
    await expect(select).toBeVisible();
    // The newest year comes first; ArrowDown goes back a year at a time.
    const first = await select.inputValue();
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(new RegExp(`year=${Number(first) - 1}`));
    await expect(select).toHaveValue(String(Number(first) - 1));
    await expect(select).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(new RegExp(`year=${Number(first) - 2}`));
    await expect(select).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(new RegExp(`year=${Number(first) - 1}`));
    await expect(select).toHaveValue(String(Number(first) - 1));
    await expect(select).toBeFocused();
  });
});
