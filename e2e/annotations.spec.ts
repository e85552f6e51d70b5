import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { AnnotationsPanel } from './pages/annotations.js';
import { signInAs } from './pages/login.js';

const OSTER = 'hemtjanst-hemtjanst-oster';
const SICK_LEAVE = 'manager_sick_leave';

test.describe('notes on a metric', () => {
  test('a unit manager annotates their own unit and sees the mark on the chart and the note in the list', async ({ page }) => {
    const stamp = Date.now();
    const text = `Två långa sjukskrivningar, båda tillbaka i tjänst. (${stamp})\nNy rutin för återgång från 2023.`;
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric(SICK_LEAVE, OSTER);
    await expect(notes.addForm()).toBeVisible();

    await notes.add({ year: 2022, yearTo: 2023, text, isPublic: true });
    await expect(page.getByRole('status').filter({ hasText: 'Anteckningen är sparad.' })).toBeVisible();
    const note = notes.note(String(stamp));
    await expect(note).toBeVisible();
    await expect(note.getByRole('heading', { level: 3 })).toHaveText(/2022–2023/);
    await expect(note).toContainText('Offentlig – visas för politiker');
    await expect(note).toContainText('Enhetschef, Hemtjänst Öster och Väster (demo)');
    // Line breaks are kept as typed.
    await expect(note.locator('.annotation__text')).toHaveText(text);
    // The form starts over once saved.
    await expect(notes.addForm().getByLabel('Anteckning', { exact: true })).toHaveValue('');

    // On the chart: a band over 2022–2023 with the note's number, and the chart's words say so.
    const number = (await note.getByRole('heading', { level: 3 }).textContent())?.match(/Anteckning (\d+)/)?.[1] ?? '';
    expect(number).not.toBe('');
    await expect(notes.chartMarks().first()).toBeAttached();
    await expect(notes.chartMarkLabel(number)).toBeAttached();
    await expect(notes.chart()).toHaveAttribute('aria-label', new RegExp(`Anteckningar: .*${number} \\(2022–2023\\)`));
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath('unit-manager-note.png'), fullPage: true });
  });

  test("the development manager replies to a unit manager's note, and the unit manager sees the thread", async ({ page, browser }) => {
    const stamp = `Ny chef från mars (${Date.now()})`;
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric(SICK_LEAVE, OSTER);
    await notes.add({ year: 2024, text: stamp });
    await expect(notes.note(stamp)).toBeVisible();

    const other = await browser.newContext();
    const dmPage = await other.newPage();
    await signInAs(dmPage, 'utvecklingschef');
    const dmNotes = new AnnotationsPanel(dmPage);
    await dmNotes.openMetric(SICK_LEAVE, OSTER);
    // Anyone on the staff may reply; only the author may edit.
    await expect(dmNotes.note(stamp).getByRole('button', { name: /^Ändra anteckning/ })).toHaveCount(0);
    await dmNotes.reply(stamp, 'Tack! Vilka data skulle visa om rutinen fungerar?');
    await expect(dmNotes.note(stamp).getByRole('list', { name: /Svar på anteckning/ })).toContainText('Utvecklingschef (demo)');
    await dmPage.screenshot({ path: test.info().outputPath('development-manager-reply.png'), fullPage: true });
    await other.close();

    await page.reload();
    await expect(notes.note(stamp)).toContainText('Tack! Vilka data skulle visa om rutinen fungerar?');
  });

  test("a unit manager gets no form for another area's unit, and the API refuses the write", async ({ page }) => {
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric(SICK_LEAVE, 'ifo-vuxenenheten');
    await expect(notes.section()).toContainText('Nya anteckningar skriver du för dina egna enheter');
    await expect(notes.addForm()).toHaveCount(0);

    const res = await page.request.post('/api/annotations', {
      data: { unitId: 'ifo-vuxenenheten', metricKey: SICK_LEAVE, year: 2022, text: 'Inte min enhet', visibility: 'internal' },
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    await page.reload();
    await expect(notes.section()).not.toContainText('Inte min enhet');
  });

  test('markup in a note is shown as text, never run', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const markup = `<script>alert(1)</script><b>fet</b><img src=x onerror="alert(2)"> ${Date.now()}`;
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric(SICK_LEAVE, OSTER);
    await notes.add({ year: 2025, text: markup });
    const note = notes.note('<script>alert(1)</script>');
    await expect(note.locator('.annotation__text')).toHaveText(markup);
    await expect(note.locator('script, b, img')).toHaveCount(0);

    // Also after a reload, and on the overview's latest notes.
    await page.reload();
    await expect(notes.note('<script>alert(1)</script>').locator('.annotation__text')).toHaveText(markup);
    await page.goto(`/?unit=${OSTER}`);
    const recent = page.getByRole('region', { name: 'Senaste anteckningar' });
    await expect(recent).toContainText('<b>fet</b>');
    await expect(recent.locator('script, b, img')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('the author edits a note and deletes it, with the outcome announced', async ({ page }) => {
    const text = `Utkast ${Date.now()}`;
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric(SICK_LEAVE, OSTER);
    await notes.add({ year: 2021, text });
    const note = notes.note(text);
    await note.getByRole('button', { name: /^Ändra anteckning/ }).click();
    const edit = note.getByRole('form', { name: /^Ändra anteckning/ });
    await expect(edit.getByLabel('Anteckning', { exact: true })).toBeFocused();
    await edit.getByLabel('Anteckning', { exact: true }).fill(`${text} – rättad`);
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(note.locator('.annotation__text')).toHaveText(`${text} – rättad`);
    await expect(note.getByRole('button', { name: /^Ändra anteckning/ })).toBeFocused();
    await expect(note).toContainText('ändrad');

    await note.getByRole('button', { name: /^Ta bort anteckning/ }).click();
    await note.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Anteckningen är borttagen.' })).toBeVisible();
    await expect(notes.note(text)).toHaveCount(0);
    await expect(notes.section().getByRole('heading', { level: 2, name: 'Anteckningar' })).toBeFocused();
  });

  test('a refused save says why at the field and keeps the text', async ({ page }) => {
    await signInAs(page, 'enhetschef');
    const notes = new AnnotationsPanel(page);
    await notes.openMetric(SICK_LEAVE, OSTER);
    await notes.add({ year: 1800, text: 'Text som ska finnas kvar' });
    const form = notes.addForm();
    // The domain's rule refuses it in the browser (the API would too), at the field.
    await expect(form.getByLabel('År', { exact: true })).toHaveAccessibleDescription(/mellan 1990 och 2100/);
    await expect(form.getByLabel('År', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Anteckning', { exact: true })).toHaveValue('Text som ska finnas kvar');
  });
});
