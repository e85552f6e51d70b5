import { expect, type Page } from '@playwright/test';

/** A metric page's notes: the numbered marks on the chart, the list, and the forms. */
export class AnnotationsPanel {
  constructor(readonly page: Page) {}

  async openMetric(metricKey: string, unitId: string): Promise<void> {
    await this.page.goto(`/metrics/${metricKey}?unit=${unitId}`);
    await expect(this.section().getByRole('heading', { level: 2, name: 'Anteckningar' })).toBeVisible();
    // The list has loaded (or said it is empty) once the loading text is gone.
    await expect(this.section().getByText('Hämtar anteckningarna …')).toHaveCount(0);
  }

  section() {
    return this.page.getByRole('region', { name: 'Anteckningar' });
  }

  chart() {
    return this.page.getByRole('img', { name: /Linjediagram/ });
  }

  /** The marks drawn on the chart for notes (lines for a year, bands for a span). */
  chartMarks() {
    return this.chart().locator('.trend-chart__note');
  }

  /** The label on a mark: the notes' numbers. */
  chartMarkLabel(label: string) {
    return this.chart().locator('text.recharts-label', { hasText: new RegExp(`^${label}$`) });
  }

  addForm() {
    return this.page.getByRole('form', { name: 'Lägg till anteckning' });
  }

  note(text: string | RegExp) {
    return this.section().getByRole('article').filter({ hasText: text });
  }

  async add(note: { year: number; yearTo?: number; text: string; isPublic?: boolean }): Promise<void> {
    const form = this.addForm();
    await form.getByLabel('År', { exact: true }).fill(String(note.year));
    await form.getByLabel('Till och med år (frivilligt)').fill(note.yearTo === undefined ? '' : String(note.yearTo));
    await form.getByLabel('Anteckning', { exact: true }).fill(note.text);
    await form.getByLabel(note.isPublic ? 'Offentlig – visas för politiker' : 'Intern').check();
    await form.getByRole('button', { name: 'Spara anteckningen' }).click();
  }

  async reply(noteText: string, text: string): Promise<void> {
    const note = this.note(noteText);
    await note.getByRole('button', { name: /^Svara på anteckning/ }).click();
    await note.getByLabel('Ditt svar').fill(text);
    await note.getByRole('button', { name: 'Skicka svaret' }).click();
  }
}
