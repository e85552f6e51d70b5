import { expect, type Page } from '@playwright/test';

/** "Vilka data behöver du?": the form on a metric page, the inbox and Mina frågor. */
export class DataNeedsPages {
  constructor(readonly page: Page) {}

  /** The form's section on a metric page. */
  metricForm() {
    return this.page.getByRole('region', { name: 'Vilka data behöver du?' });
  }

  async ask(metricKey: string, unitId: string, text: string): Promise<void> {
    await this.page.goto(`/metrics/${metricKey}?unit=${unitId}`);
    const form = this.metricForm();
    await expect(form).toBeVisible();
    await form.getByRole('textbox').fill(text);
    await form.getByRole('button', { name: 'Skicka' }).click();
  }

  menuLink(name: string | RegExp) {
    return this.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name });
  }

  async openInbox(): Promise<void> {
    await this.page.goto('/data-needs');
    await expect(this.page.getByRole('heading', { level: 1, name: /Inkorg/ })).toBeVisible();
  }

  async filterInboxByStatus(status: string): Promise<void> {
    const filters = this.page.getByRole('form', { name: 'Filtrera frågorna' });
    await filters.getByLabel('Status').selectOption({ label: status });
    await filters.getByRole('button', { name: 'Visa' }).click();
  }

  question(text: string) {
    return this.page.getByRole('article').filter({ hasText: text });
  }

  async reply(questionText: string, status: string, reply: string): Promise<void> {
    const item = this.question(questionText);
    await item.getByLabel('Vad händer med frågan?').selectOption({ label: status });
    await item.getByLabel('Svar till den som frågade').fill(reply);
    await item.getByRole('button', { name: 'Spara och svara' }).click();
  }
}
