import { expect, type Page } from '@playwright/test';

/** The development manager's metric catalogue (`/catalogue`). */
export class CataloguePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/catalogue');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nyckeltal' })).toBeVisible();
  }

  /** Opens a metric's edit form and returns it. */
  async editMetric(name: string) {
    await this.page.locator('summary', { hasText: name }).click();
    const form = this.page.getByRole('form', { name: `Redigera ${name}` });
    await expect(form).toBeVisible();
    return form;
  }

  /** A new upper bound, from `fromYear` on: the years before keep the target they had. */
  async setUpperTarget(name: string, value: string, fromYear: number): Promise<void> {
    const form = await this.editMetric(name);
    await form.getByLabel('Målets övre gräns (lämna tomt om ingen)').fill(value);
    await form.getByLabel('Det nya målet gäller från år').fill(String(fromYear));
    await form.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect(form.getByRole('status')).toHaveText('Ändringarna är sparade.');
  }
}

/** The principles overview (`/principles`). */
export class PrinciplesPage {
  constructor(readonly page: Page) {}

  async open(unitId?: string): Promise<void> {
    await this.page.goto(unitId ? `/principles?unit=${unitId}` : '/principles');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Principer' })).toBeVisible();
  }

  cards() {
    return this.page.locator('article.principle-card');
  }

  card(name: string) {
    return this.page.getByRole('article', { name, exact: true });
  }
}
