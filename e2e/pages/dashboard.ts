import { expect, type Page } from '@playwright/test';

export const METRIC_NAMES_SV = [
  'Medarbetare per enhetschef',
  'Extern chefsomsättning',
  'Andel chefer som lett samma enhet i tre år eller mer',
  'Personalomsättning',
  'Sjukfrånvaro bland chefer',
  'Intern chefsrörlighet',
];

/** The overview: the organisation tree beside one card per metric for the selected unit. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async open(unitId?: string): Promise<void> {
    await this.page.goto(unitId ? `/?unit=${unitId}` : '/');
    await expect(this.page.getByRole('main')).toBeVisible();
  }

  card(name: string) {
    return this.page.getByRole('article', { name });
  }

  async expectAllMetricCards(): Promise<void> {
    for (const name of METRIC_NAMES_SV) {
      await expect(this.page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
  }

  tree() {
    return this.page.getByRole('navigation', { name: 'Organisation' });
  }

  async selectUnit(name: string): Promise<void> {
    await this.tree().getByRole('link', { name, exact: true }).click();
  }

  async openMetric(name: string): Promise<void> {
    await this.card(name).getByRole('link', { name: new RegExp(`Visa nyckeltalet`) }).click();
  }
}

/** A metric's page: trend chart, table alternative, definition, principles and the prompt. */
export class MetricPage {
  constructor(readonly page: Page) {}

  chart() {
    return this.page.getByRole('img', { name: /Linjediagram/ });
  }

  /** The trend's table alternative (the comparison further down has a table of its own). */
  table() {
    return this.page.getByRole('region', { name: 'Utveckling år för år' }).getByRole('table');
  }

  row(year: number) {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: String(year), exact: true }) })
      .or(this.table().getByRole('row').filter({ has: this.page.getByRole('cell', { name: String(year), exact: true }) }));
  }
}
