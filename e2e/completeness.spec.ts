import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { ComparisonPanel, importCsv, undoImport } from './pages/comparison.js';
import { OverviewPage } from './pages/dashboard.js';
import { signInAs } from './pages/login.js';

const TURNOVER = 'Personalomsättning';

test.describe('a year only some units have reported', () => {
  test('the card keeps the last whole year as its headline and says how many have reported', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    // 2026 staff turnover for two of Hemtjänst's eight units, high enough to change any verdict.
    const batch = await importCsv(page, [
      'Enhet;Nyckeltal;År;Täljare;Nämnare;Källa',
      'hemtjanst-hemtjanst-oster;staff_turnover;2026;8;40;Lönesystemet',
      'hemtjanst-hemtjanst-vaster;staff_turnover;2026;8;40;Lönesystemet',
    ]);
    try {
      const overview = new OverviewPage(page);
      await overview.open('hemtjanst');
      const card = overview.card(TURNOVER);
      await expect(card).toContainText('2026 är inte komplett: 2 av 8 enheter har rapporterat.');
      await expect(card).toContainText(/år 2025/);
      await expect(card).not.toContainText('år 2026');
      await expect(card).not.toContainText('20,0');
      await expect(card).toContainText('sedan 2024');
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: test.info().outputPath('partial-year-card.png'), fullPage: true });

      // The department: 2 of its 40 units.
      await overview.open();
      await expect(overview.card(TURNOVER)).toContainText('2026 är inte komplett: 2 av 40 enheter har rapporterat.');
      await expect(overview.card(TURNOVER)).not.toContainText('år 2026');

      // The metric page says it beside the chart and in the table; the development manager may mark it final.
      await page.goto('/metrics/staff_turnover?unit=hemtjanst');
      const trend = page.getByRole('region', { name: 'Utveckling år för år' });
      await expect(trend.getByRole('row', { name: /2026/ })).toContainText('Ofullständigt: 2 av 8 enheter har rapporterat');
      await trend.getByRole('button', { name: 'Markera 2026 som slutligt' }).click();
      await expect(trend.getByText('2026 är markerat som slutligt.')).toBeVisible();
      await expect(trend.locator('.facts__number')).toHaveText('20,0\u00a0%');
      await trend.getByRole('button', { name: 'Ta bort markeringen för 2026' }).click();
      await expect(trend.locator('.facts__number')).not.toHaveText('20,0\u00a0%');
    } finally {
      await undoImport(page, batch);
    }
  });
});

test.describe('the comparison answers the question', () => {
  test('its sentence counts the bars it draws, names who misses, and lists every level that misses', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    await page.goto('/metrics/staff_turnover');
    const comparison = new ComparisonPanel(page);
    for (const year of [2025, 2022]) {
      await comparison.chooseYear(year);
      const sentence = (await comparison.sentence().textContent()) ?? '';
      const [, meeting, shown] = /(\d+) av (\d+) områden som visas når målet/.exec(sentence) ?? [];
      const bars = await comparison.bars().count();
      expect(bars).toBe(5);
      expect(Number(shown)).toBe(bars);
      expect(Number(meeting)).toBe(await comparison.bars('met').count());
      // Each missed bar is named in the sentence and carries its word, not only a colour.
      const names = await comparison.barNames();
      const missed = await comparison.bars('missed').count();
      expect(Number(meeting) + missed).toBe(bars);
      const labels = await comparison.chart().locator('.comparison-bar__label').allTextContents();
      expect(labels.filter((l) => l.includes('missar målet'))).toHaveLength(missed);
      for (const [i, label] of labels.entries()) {
        if (label.includes('missar målet')) expect(sentence).toContain(names[i]!);
      }
    }
    await page.screenshot({ path: test.info().outputPath('comparison.png'), fullPage: true });

    // "Which units miss the target?" is one click from the department.
    await comparison.chooseYear(2025);
    const list = comparison.missedList();
    await expect(list.getByRole('heading', { name: 'Missar målet 2025' })).toBeVisible();
    const first = list.getByRole('link').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: TURNOVER })).toBeVisible();
    await expect(page.locator('.page-header')).toContainText(name);
    await expectNoSeriousA11yViolations(page);
  });

  test('a unit compared with its siblings is marked, and a zero is drawn with its label', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    // Several IFO units had no staff turnover in 2025 (0 %).
    await page.goto('/metrics/staff_turnover?unit=ifo-vuxenenheten&year=2025');
    const comparison = new ComparisonPanel(page);
    await expect(comparison.chart()).toBeVisible();
    await expect(comparison.chart().locator('.comparison-bar--focus')).toHaveCount(1);
    await expect(comparison.chart().locator('.recharts-yAxis-tick-labels')).toContainText('▶ Vuxenenheten');
    const labels = await comparison.chart().locator('.comparison-bar__label').allTextContents();
    expect(labels.filter((l) => l.startsWith('0,0\u00a0%'))).not.toHaveLength(0);
    expect(await comparison.bars().count()).toBe(labels.length);
  });
});

test.describe('saving the chart', () => {
  test('the PNG download is a real picture of the chart, under the Content-Security-Policy', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    await page.goto('/metrics/manager_sick_leave');
    const chart = page.locator('.trend-chart__canvas svg.recharts-surface');
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Spara diagram som PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('sjukfranvaro-bland-chefer_socialforvaltningen.png');
    await expect(page.getByText('Diagrammet kunde inte sparas.')).toHaveCount(0);
    const bytes = await readFile((await file.path())!);
    // The PNG signature, then the IHDR chunk with width and height: twice the chart, plus its title band.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
    expect(bytes.readUInt32BE(20)).toBe((Math.round(box.height) + 56) * 2);
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
