import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'tillit-demo';

/** The sign-in page, used as a person would: typing into the labelled fields. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  }

  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel('Användarnamn').fill(username);
    await this.page.getByLabel('Lösenord').fill(password);
    await this.page.getByRole('button', { name: 'Logga in' }).click();
  }
}

/** Signs in through the page and waits until the person's start page is showing. */
export async function signInAs(page: Page, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(username);
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}

/**
 * Signs out through the header and waits for the sign-in page. It is its own page (login.html),
 * reached with a full page load: opening another address before it has loaded would race it.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
}
