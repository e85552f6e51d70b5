import { expect, type Page } from '@playwright/test';
import { LoginPage } from './login.js';

/** The main menu ("Huvudmeny"), and the development manager's administration pages behind "Administration". */
export function mainMenu(page: Page) {
  return page.getByRole('navigation', { name: 'Huvudmeny' });
}

/** Opens an administration page as a person would: Administration in the menu, then the page in its sub-menu. */
export async function openAdminPage(page: Page, name: 'Nyckeltal' | 'Importera' | 'Organisation' | 'Publika länkar' | 'Användare' | 'Logg'): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name, exact: true }).click();
}

/** Signs in on a phone-sized screen: sign-out is in the folded menu there, so the menu button says it worked. */
export async function signInOnPhone(page: Page, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(username);
  await expect(page.getByRole('button', { name: 'Meny' })).toBeVisible();
}
