import { readFileSync } from 'node:fs';
import { expect, request, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { signInAs } from './pages/login.js';
import { openAdminPage } from './pages/menu.js';

// A data subject's request answered from the UI: the development manager downloads everything
// about a person, then erases them after a confirmation step.

const NAME = 'Greta Gustafsson';
const USERNAME = 'gretagus';
const PASSWORD = 'blåbärssylt på en torsdag';
const UNIT = 'hemtjanst-hemtjanst-oster';
const METRIC = 'staff_turnover';
const NOTE = 'Två långa sjukskrivningar under våren, båda tillbaka i augusti.';

test('the development manager hands out a person\'s data and erases them, keeping their note as "Borttagen användare"', async ({ page, baseURL }) => {
  await signInAs(page, 'utvecklingschef');
  const created = await page.request.post('/api/users', {
    data: { username: USERNAME, displayName: NAME, role: 'unit_manager', unitIds: [UNIT], password: PASSWORD },
  });
  expect(created.status()).toBe(201);
  const greta = await request.newContext({ baseURL });
  expect((await greta.post('/api/auth/login', { data: { username: USERNAME, password: PASSWORD } })).status()).toBe(200);
  expect((await greta.post('/api/annotations', { data: { unitId: UNIT, metricKey: METRIC, year: 2023, text: NOTE, visibility: 'internal' } })).status()).toBe(201);

  await openAdminPage(page, 'Användare');
  const row = page.getByRole('row', { name: new RegExp(NAME) });

  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: `Personuppgifter (JSON) ${NAME}` }).click();
  const download = await downloading;
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { account: { username: string }; notes: { text: string }[] };
  expect(exported.account.username).toBe(USERNAME);
  expect(exported.notes.map((n) => n.text)).toEqual([NOTE]);

  // No button to erase oneself.
  await expect(page.getByRole('row', { name: /Utvecklingschef \(demo\)/ }).getByRole('button', { name: /Radera person/ })).toHaveCount(0);

  await row.getByRole('button', { name: `Radera person… ${NAME}` }).click();
  const panel = page.getByRole('region', { name: `Radera ${NAME}` });
  await expect(panel.getByRole('heading', { name: `Radera ${NAME}` })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await panel.getByRole('button', { name: 'Radera permanent' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Välj vad som ska hända med anteckningarna och frågorna.');
  await panel.getByRole('radio', { name: 'Behåll dem som "Borttagen användare"' }).check();
  await panel.getByLabel(`Skriv användarnamnet ${USERNAME} för att bekräfta`).fill('greta');
  await panel.getByRole('button', { name: 'Radera permanent' }).click();
  await expect(panel.getByRole('alert')).toHaveText(`Skriv användarnamnet exakt som det står: ${USERNAME}.`);
  await panel.getByLabel(`Skriv användarnamnet ${USERNAME} för att bekräfta`).fill(USERNAME);
  await panel.getByRole('button', { name: 'Radera permanent' }).click();

  const notice = page.getByRole('status').filter({ hasText: 'är raderad' });
  await expect(notice).toContainText(new RegExp(`${NAME} är raderad. I loggen heter personen nu borttagen-[0-9a-f]{8}.`));
  await expect(notice).toContainText('1 anteckning eller fråga finns kvar som "Borttagen användare".');
  await expect(notice).toBeFocused();
  await expect(page.getByRole('row', { name: new RegExp(NAME) })).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/privacy-erased.png', fullPage: true });

  // Their old session is over, and the note stays without their name.
  expect((await greta.get('/api/auth/me')).status()).toBe(401);
  const notes = await (await page.request.get(`/api/annotations?metric=${METRIC}&unit=${UNIT}`)).text();
  expect(notes).toContain(NOTE);
  expect(notes).toContain('Borttagen användare');
  expect(notes).not.toContain('Greta');
  await greta.dispose();

  // The log shows the erasure, and the backups' state next to it.
  await openAdminPage(page, 'Logg');
  await expect(page.getByRole('heading', { level: 2, name: 'Säkerhetskopior' })).toBeVisible();
  await expect(page.getByText('Inga schemalagda säkerhetskopior.', { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Logg över ändringar' })).toContainText('Raderade en person och deras personuppgifter');
  await expect(page.getByRole('table', { name: 'Logg över ändringar' })).not.toContainText('Greta');
  await expectNoSeriousA11yViolations(page);
});
