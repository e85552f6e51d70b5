import { expect, test } from '@playwright/test';
import { signInAs } from './pages/login.js';

const KINDS_SV = [
  'Användare',
  'Anteckningar',
  'Analyser till nämnden',
  'Frågor (Vilka data behöver du?)',
  'Publika länkar',
  'Nyckeltal',
  'Principer',
  'Principernas nyckeltal',
  'Enheter',
  'Omorganisationer',
  'Importer av värden',
  'Förhandsvisningar av importer',
  'År markerade som kompletta',
  'Importer från Kolada',
  'Kopplingar till Kolada',
  'Gallring av loggen',
];

// The e-mail's kinds of entry (docs/mail.md): a person's own settings, a failed message sent again.
const MAIL_KINDS_SV = ['Egna inställningar (e-post och språk)', 'E-post som skickats igen'];

test.describe('the audit log (Logg) in plain words', () => {
  test('says what was done as sentences, each changed field as before → after, and filters on every kind', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    const label = `Nämnden ${Date.now()}`;
    const link = await page.request.post('/api/public-links', { data: { label } });
    expect(link.status()).toBe(201);
    const linkId = (await link.json()).id as number;
    const patch = (max: number) =>
      page.request.patch('/api/metrics/staff_turnover', { data: { target: { min: null, max }, targetFrom: new Date().getFullYear() } });
    expect((await patch(4.5)).status()).toBe(200);
    try {
      await page.goto('/admin/audit');
      const table = page.getByRole('table', { name: 'Logg över ändringar' });
      const linkRow = table.getByRole('row').filter({ hasText: label });
      await expect(linkRow.getByRole('rowheader')).toHaveText(`Skapade publik länk ${linkId} (${label})`);
      await expect(linkRow).toContainText(`Etikett: ${label}`);
      const targetRow = table.getByRole('row').filter({ hasText: 'Ändrade nyckeltalet Personalomsättning' }).first();
      await expect(targetRow.getByRole('listitem').first()).toHaveText('Mål, högst: 5 → till 4,5');
      await expect(targetRow).toContainText(`Nytt mål gäller från: – → till ${new Date().getFullYear()}`);
      await expect(table).not.toContainText('public_link');
      await expect(table).not.toContainText('{"');
      await expect(table.getByRole('cell').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await page.screenshot({ path: test.info().outputPath('audit-log.png'), fullPage: true });

      // Every kind of entry can be chosen, and the choice shows that kind alone.
      const filter = page.getByLabel('Visa');
      await expect(filter.getByRole('option')).toHaveText(['Alla slags ändringar', ...KINDS_SV, ...MAIL_KINDS_SV]);
      await filter.selectOption({ label: 'Publika länkar' });
      await expect(page).toHaveURL(/entity=public_link/);
      await expect(table.getByRole('rowheader').first()).toHaveText(/publik länk/);
      await expect(table).not.toContainText('Ändrade nyckeltalet');

      // In English: English sentences, and dates that cannot be read two ways.
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Logg över ändringar');
      const english = page.getByRole('table');
      await expect(english.getByRole('rowheader').filter({ hasText: label })).toHaveText(`Created public link ${linkId} (${label})`);
      await expect(english.getByRole('cell').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await expect(english).not.toContainText(/\d{2}\/\d{2}\/\d{4}/);

      // The select stays in place (and keeps the focus) while the log of the next kind loads.
      const show = page.getByLabel('Show');
      await show.focus();
      await page.keyboard.press('ArrowDown');
      await expect(page).toHaveURL(/entity=metric/);
      await expect(show).toBeFocused();
      await expect(english.getByRole('rowheader').first()).toHaveText(/the metric/);
    } finally {
      await patch(5);
    }
  });
});
