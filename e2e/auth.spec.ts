import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { LoginPage, signInAs, signOut } from './pages/login.js';

test.describe('signing in', () => {
  test('a newcomer who mistypes the password gets a clear message and can try again', async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await expect(page.getByRole('heading', { name: 'Demokonton' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await login.signIn('utvecklingschef', 'tillit-demo-fel');
    await expect(page.getByRole('alert')).toHaveText(/Fel användarnamn eller lösenord/);
    await expect(page).toHaveURL(/\/login/);
    await login.signIn('utvecklingschef');
    await expect(page.getByRole('heading', { level: 1, name: /Socialförvaltningen/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('signed-in.png') });
  });

  test('a page opened without a session leads to sign-in and back to that page', async ({ page }) => {
    await page.goto('/metrics/staff_turnover?unit=ifo');
    await expect(page).toHaveURL(/\/login\?next=/);
    await new LoginPage(page).signIn('enhetschef');
    await expect(page).toHaveURL(/\/metrics\/staff_turnover\?unit=ifo/);
    await expect(page.getByRole('heading', { level: 1, name: 'Personalomsättning' })).toBeVisible();
  });

  test('the sign-in page speaks English when asked, and the app goes on in English', async ({ page }) => {
    await page.goto('/login?lang=en&next=%2Fprinciples');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Sign in – Tillit');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Use politiker' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/principles$/);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  });

  // `next` as a phishing lure would write it: each leads to evil.example once a browser reads it.
  const OFF_SITE = ['%2F%2Fevil.example%2F', '/%5Cevil.example/x', '/%09/evil.example/x', '/%5C%5Cevil.example'];

  for (const next of OFF_SITE) {
    test(`a next link to another site is not followed after signing in: ${next}`, async ({ page, baseURL }) => {
      await page.goto(`/login?next=${next}`);
      await new LoginPage(page).signIn('utvecklingschef');
      await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(baseURL);
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    });
  }

  test('a next link to another site is not followed by someone already signed in', async ({ page, baseURL }) => {
    await signInAs(page, 'enhetschef');
    for (const next of OFF_SITE) {
      await page.goto(`/login?next=${next}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Hemtjänst Öster' })).toBeVisible();
      expect(new URL(page.url()).origin, next).toBe(baseURL);
    }
    // A path on this site is still followed.
    await page.goto('/login?next=%2Fprinciples');
    await expect(page).toHaveURL(/\/principles$/);
  });

  test('each role gets its own menu, and signing out ends the session', async ({ page }) => {
    await signInAs(page, 'utvecklingschef');
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    // The daily work in front; the administration pages behind one entry.
    await expect(menu.getByRole('link')).toHaveText(['Översikt', 'Årsgenomgång', 'Sammanfattning', 'Principer', /^Frågor/, 'Administration']);
    await menu.getByRole('link', { name: 'Administration' }).click();
    await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link')).toHaveText([
      'Nyckeltal',
      'Importera',
      'Organisation',
      'Publika länkar',
      'Användare',
      'Logg',
    ]);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/login/);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);

    await signInAs(page, 'enhetschef');
    await expect(menu.getByRole('link')).toHaveText(['Översikt', 'Sammanfattning', 'Principer', /^Mina frågor/]);
    // A unit manager starts at their own unit, with their units first in the tree.
    await expect(page).toHaveURL(/\/\?unit=hemtjanst-hemtjanst-oster$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hemtjänst Öster' })).toBeVisible();
    const tree = page.getByRole('navigation', { name: 'Organisation' });
    await expect(tree.getByRole('heading', { name: 'Dina enheter' })).toBeVisible();
    await signOut(page);

    await signInAs(page, 'politiker');
    await expect(page).toHaveURL(/\/summary/);
    await expect(menu.getByRole('link')).toHaveText(['Sammanfattning', 'Principer', /^Mina frågor/]);
    // A politician has no organisation tree and cannot open the staff pages.
    await expect(page.getByRole('navigation', { name: 'Organisation' })).toHaveCount(0);
    await page.goto('/metrics/manager_sick_leave');
    await expect(page).toHaveURL(/\/summary/);
    expect((await page.request.get('/api/values?metric=manager_sick_leave&unit=soc')).status()).toBe(403);
  });
});
