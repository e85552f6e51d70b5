import { expect, type Page } from '@playwright/test';

/** The comparison on a metric's page: the sentence, the bars and the "Missar målet" list. */
export class ComparisonPanel {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Jämfört med andra enheter' });
  }

  sentence() {
    return this.section().locator('.comparison__spread');
  }

  chart() {
    return this.section().getByRole('img', { name: /^Stapeldiagram/ });
  }

  /** The bars drawn, by verdict: `met`, `missed`, `incomplete` or `none`. */
  bars(verdict?: 'met' | 'missed' | 'incomplete' | 'none') {
    return this.chart().locator(verdict ? `.comparison-bar--${verdict}` : '.comparison-bar');
  }

  /** The y-axis names beside the bars, top to bottom. */
  async barNames(): Promise<string[]> {
    const ticks = await this.chart().locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    return ticks.map((t) => t.replace(/^▶\s*/, '').trim());
  }

  async chooseYear(year: number): Promise<void> {
    await this.section().getByLabel('År att jämföra').selectOption(String(year));
    await expect(this.sentence()).toContainText(String(year));
  }

  missedList() {
    return this.section().getByRole('region', { name: /^Missar målet/ });
  }
}

/** Imports a CSV through the API, as the import page would, and returns the batch id (to undo it). */
export async function importCsv(page: Page, lines: string[], fileName = 'delar.csv'): Promise<number> {
  const res = await page.request.post('/api/imports', {
    multipart: { file: { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8') } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { batchId: number }).batchId;
}

export async function undoImport(page: Page, batchId: number): Promise<void> {
  const res = await page.request.delete(`/api/imports/${batchId}`);
  expect(res.status(), await res.text()).toBeLessThan(300);
}
