import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { LoginPage, signInAs, signOut } from './pages/login.js';
import { openAdminPage } from './pages/menu.js';

test('the development manager creates a unit manager, who signs in; the log shows who did it', async ({ page }) => {
  await signInAs(page, 'utvecklingschef');
  await openAdminPage(page, 'Användare');
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const form = page.getByRole('region', { name: 'Ny användare' });
  await form.getByLabel('Namn', { exact: true }).fill('Bodil Berg');
  await form.getByLabel('Användarnamn', { exact: true }).fill('bodil');
  await form.getByLabel('Roll', { exact: true }).selectOption({ label: 'Enhetschef' });
  await form.getByLabel('Enheter', { exact: true }).selectOption([{ label: '\u00a0\u00a0\u00a0\u00a0Vuxenenheten' }]);
  await form.getByLabel('Lösenord', { exact: true }).fill('kort');
  await form.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(form.getByRole('alert')).toContainText('tolv tecken');

  await form.getByLabel('Lösenord', { exact: true }).fill('ett långt lösenord');
  await form.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(form.getByRole('status')).toHaveText('Användaren bodil är skapad.');
  const row = page.getByRole('row', { name: /Bodil Berg/ });
  await expect(row).toContainText('Vuxenenheten');

  await page.getByRole('link', { name: 'Logg' }).click();
  await expect(page.getByRole('table')).toContainText('Skapade användaren bodil (Bodil Berg)');
  await expect(page.getByRole('table')).toContainText('utvecklingschef');
  await expect(page.getByRole('table')).not.toContainText('ett långt lösenord');

  await signOut(page);
  const login = new LoginPage(page);
  await login.signIn('bodil', 'ett långt lösenord');
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await expect(page.getByText('Bodil Berg')).toBeVisible();
  expect((await page.request.get('/api/users')).status()).toBe(403);
});
