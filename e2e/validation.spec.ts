import { expect, test, type Page, type Request } from '@playwright/test';
import { AnnotationsPanel } from './pages/annotations.js';
import { DataNeedsPages } from './pages/data-needs.js';
import { signInAs } from './pages/login.js';

const OSTER = 'hemtjanst-hemtjanst-oster';

/** Writes the page sends to the API while a test step runs. */
function recordWrites(page: Page): Request[] {
  const writes: Request[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/')) writes.push(r);
  });
  return writes;
}

test.describe('forms refuse what the domain refuses before anything is sent', () => {
  test('an empty question is refused at its field, in the browser', async ({ page }) => {
    await signInAs(page, 'enhetschef');
    await page.goto(`/metrics/staff_turnover?unit=${OSTER}`);
    const form = new DataNeedsPages(page).metricForm();
    const box = form.getByRole('textbox');
    await box.fill('   \n  ');
    const writes = recordWrites(page);
    await form.getByRole('button', { name: 'Skicka' }).click();
    await expect(form.locator('.field-error')).toHaveText('Texten får inte vara tom');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(/Texten får inte vara tom/);
    await expect(box).toBeFocused();
    expect(writes.map((r) => r.url())).toEqual([]);
    // Typing clears the message; a real question goes through.
    await box.fill(`Hur många slutar första året? (${Date.now()})`);
    await expect(form.locator('.field-error')).toHaveCount(0);
    await form.getByRole('button', { name: 'Skicka' }).click();
    await expect(form.getByRole('status')).toContainText('Tack! Din fråga har skickats till utvecklingschefen.');
  });

  test('an empty note and a reversed span are refused at their fields, in English too', async ({ page }) => {
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric('manager_sick_leave', OSTER);
    const form = notes.addForm();
    const writes = recordWrites(page);
    await form.getByLabel('Anteckning', { exact: true }).fill('  ');
    await form.getByRole('button', { name: 'Spara anteckningen' }).click();
    const text = form.getByLabel('Anteckning', { exact: true });
    await expect(text).toHaveAccessibleDescription(/Texten får inte vara tom/);
    await expect(text).toBeFocused();

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('form', { name: 'Add a note' });
    await english.getByLabel('Up to and including (optional)').fill('2019');
    await english.getByLabel('Note', { exact: true }).fill('Two long sick leaves, both back.');
    await english.getByRole('button', { name: 'Save the note' }).click();
    const yearTo = english.getByLabel('Up to and including (optional)');
    await expect(yearTo).toHaveAccessibleDescription(/The last year cannot be before the first year/);
    await expect(yearTo).toBeFocused();
    expect(writes.map((r) => r.url())).toEqual([]);
  });
});
