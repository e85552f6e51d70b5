import { expect, type Page } from '@playwright/test';

/** The politicians' summary, signed in (`/summary`) or through a public link (`/p/:token`). */
export class SummaryPage {
  constructor(readonly page: Page) {}

  async open(unitId?: string): Promise<void> {
    await this.page.goto(unitId ? `/summary?unit=${unitId}` : '/summary');
    await this.expectLoaded();
  }

  async expectLoaded(unitName = 'Socialförvaltningen'): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `Sammanfattning: ${unitName}` })).toBeVisible();
  }

  metric(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  unitChoices() {
    return this.page.getByRole('navigation', { name: 'Välj vad sammanfattningen gäller' });
  }

  async chooseUnit(name: string): Promise<void> {
    await this.unitChoices().getByRole('link', { name, exact: true }).click();
    await this.expectLoaded(name);
  }

  /** Everything a reader could act on besides links: what a read-only page may have. */
  async buttons(): Promise<string[]> {
    return (await this.page.getByRole('button').allTextContents()).map((t) => t.trim());
  }
}

/** The development manager's page of public links. */
export class PublicLinksPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/public-links');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Publika länkar' })).toBeVisible();
  }

  /** Creates a link and returns its address, which is shown this once. */
  async create(label: string): Promise<string> {
    await this.page.getByLabel('Beskrivning').fill(label);
    await this.page.getByRole('button', { name: 'Skapa länk' }).click();
    await expect(this.page.getByRole('heading', { name: 'Länken är skapad' })).toBeFocused();
    return this.page.getByLabel(`Länken till ”${label}”`).inputValue();
  }

  async revoke(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Återkalla länken ”${label}”` }).click();
    await this.page.getByRole('button', { name: 'Ja, återkalla' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Länken ”${label}” är återkallad.` })).toBeVisible();
  }
}
