import { expect, type Page } from '@playwright/test';

/** The development manager's organisation page (`/admin/organisation`). */
export class OrganisationPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/organisation');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  }

  reorganisationForm() {
    return this.page.getByRole('region', { name: 'Registrera en omorganisation' });
  }

  /** A merger of units (by id) into a new unit from `year`, through the form as a person fills it. */
  async registerMerger(year: number, fromIds: string[], code: string, name: string): Promise<void> {
    const form = this.reorganisationForm();
    await form.getByLabel('Vad hände?').selectOption({ label: 'Sammanslagning' });
    await form.getByLabel('Från och med år').fill(String(year));
    await form.getByLabel('Enheterna som slås samman').selectOption(fromIds);
    await form.getByLabel('Den nya enhetens kod').fill(code);
    await form.getByLabel('Den nya enhetens namn').fill(name);
    await form.getByRole('button', { name: 'Registrera' }).click();
  }

  reorganisationList() {
    return this.page.getByRole('table', { name: 'Registrerade omorganisationer, senaste först' });
  }
}
