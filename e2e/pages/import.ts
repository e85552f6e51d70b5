import { expect, type Page } from '@playwright/test';

/** A Swedish Excel CSV: Windows-1252 bytes, `;` between fields, decimal comma, CRLF. */
export function excelCsv(lines: string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

/** The development manager's import page (`/admin/import`). */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/import');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Importera värden' })).toBeVisible();
  }

  importButton() {
    return this.page.getByRole('button', { name: 'Importera', exact: true });
  }

  errorTable() {
    return this.page.getByRole('table', { name: 'Fel i filen' });
  }

  changeTable() {
    return this.page.getByRole('table', { name: /^Ändringar/ });
  }

  async preview(name: string, buffer: Buffer): Promise<void> {
    await this.page.getByLabel('Fil (CSV eller Excel)').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await this.page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: `Förhandsgranskning av ${name}` })).toBeVisible();
  }

  /** The mapping step, shown when the file's headers are not ones the importer reads alone. */
  mappingStep() {
    return this.page.getByRole('form', { name: 'Välj kolumner' });
  }

  async confirmMapping(name: string): Promise<void> {
    await this.mappingStep().getByRole('button', { name: 'Förhandsgranska med dessa kolumner' }).click();
    await expect(this.mappingStep()).toHaveCount(0);
    await expect(this.page.getByRole('heading', { level: 2, name: `Förhandsgranskning av ${name}` })).toBeVisible();
  }

  async importFile(): Promise<void> {
    await this.importButton().click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Importen är klar' })).toBeVisible();
  }

  async undo(fileName: string): Promise<void> {
    const row = this.page.getByRole('row').filter({ hasText: fileName });
    await row.getByRole('button', { name: /^Ångra import/ }).click();
    await row.getByRole('button', { name: 'Ja, ångra' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /är ångrad/ })).toBeVisible();
    await expect(row).toContainText('Ångrad');
  }
}
