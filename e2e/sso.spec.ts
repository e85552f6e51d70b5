import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../apps/api/src/test-oidc.js';
import { expectNoSeriousA11yViolations } from './axe.js';

// Signing in through the organisation's identity provider, in Chromium: a real OpenID provider
// (oidc-provider on loopback, apps/api/src/test-oidc.ts) and a Tillit server of its own (the
// built one) configured for it, on the port after E2E_PORT. Nobody here has a Tillit password.

const PORT = Number(process.env.E2E_PORT ?? 3101) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
// A second server, with password sign-in off.
const SSO_ONLY = `http://127.0.0.1:${PORT + 1}`;

test.describe.configure({ mode: 'serial' });

let provider: TestProvider;
const servers: ChildProcess[] = [];

async function startTillit(base: string, env: Record<string, string> = {}): Promise<void> {
  const server = spawn(process.execPath, ['apps/api/dist/server.js'], {
    env: {
      ...process.env,
      PORT: new URL(base).port,
      HOST: '127.0.0.1',
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'tillit-sso-')), 'tillit.db'),
      TILLIT_DEMO: '1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: base,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_DISPLAY_NAME: 'Kommunens konto',
      OIDC_UNIT_CLAIM: 'units',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.push(server);
  await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
}

test.beforeAll(async () => {
  provider = await startTestProvider({
    redirectUri: [BASE, SSO_ONLY].map((base) => `${base}/api/auth/oidc/callback`),
    postLogoutRedirectUri: [BASE, SSO_ONLY],
    claimsIn: 'id_token',
  });
  await startTillit(BASE);
});

test.afterAll(async () => {
  for (const server of servers.splice(0)) {
    if (server.exitCode !== null) continue;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await provider?.close();
});

test.beforeEach(async ({ page }) => {
  // The provider's development pages load a web font from the internet, which this machine has not.
  await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
});

/** Clicks "Logga in med …" on Tillit's sign-in page and signs in on the provider's own page. */
async function signInThroughProvider(page: Page, login: string, path = '/login'): Promise<void> {
  await page.goto(`${BASE}${path}`);
  await page.getByRole('link', { name: 'Logga in med Kommunens konto' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('ett lösenord hos leverantören');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('the sign-in page offers the organisation’s sign-in beside the password form', async ({ page }) => {
  await page.goto(`${BASE}/login`);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Logga in med Kommunens konto' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Eller med användarnamn och lösenord' })).toBeVisible();
  await expect(page.getByLabel('Användarnamn')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('sign-in-with-provider.png'), fullPage: true });
});

test('a development manager signs in with one click at the provider and lands on the dashboard in that role', async ({ page }) => {
  await signInThroughProvider(page, 'anna');
  await expect(page).toHaveURL(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1, name: /Socialförvaltningen/ })).toBeVisible();
  await expect(page.getByText('Anna Andersson')).toBeVisible();
  await expect(page.locator('.user-menu__role')).toHaveText('Utvecklingschef');
  // Her role opens the development manager's pages, and she is an account there now.
  await page.goto(`${BASE}/admin/users`);
  await expect(page.getByRole('row', { name: /Anna Andersson/ })).toContainText('anna.andersson@kommun.example');
  await expect(page.getByRole('row', { name: /Anna Andersson/ })).toContainText('Organisationens inloggning');
  await page.screenshot({ path: test.info().outputPath('signed-in-through-provider.png') });
});

test('a unit manager comes back to the page they asked for; a politician lands on the summary and signs out at the provider too', async ({ page }) => {
  await signInThroughProvider(page, 'erik', '/login?next=%2Fmetrics%2Fstaff_turnover');
  await expect(page).toHaveURL(`${BASE}/metrics/staff_turnover`);
  await expect(page.locator('.user-menu__role')).toHaveText('Enhetschef');

  await page.context().clearCookies();
  await signInThroughProvider(page, 'petra');
  await expect(page).toHaveURL(`${BASE}/summary`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sammanfattning: Socialförvaltningen' })).toBeVisible();
  await expect(page.locator('.user-menu__role')).toHaveText('Förtroendevald');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  // The provider asks whether to sign out there as well, then sends the browser back to Tillit.
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('link', { name: 'Logga in med Kommunens konto' })).toBeVisible();
});

test('a person without a Tillit role gets a clear page in Swedish and no session', async ({ page }) => {
  await signInThroughProvider(page, 'nils');
  await expect(page).toHaveURL(/\/login\?error=no_role/);
  await expect(page.getByRole('alert')).toHaveText(/^Du har inte behörighet till Tillit\. Kontakta /);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('no-role.png'), fullPage: true });
  await page.goto(`${BASE}/summary`);
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('with AUTH_PASSWORDS=0 the sign-in page has only the provider’s button, and it signs in', async ({ page }) => {
  await startTillit(SSO_ONLY, { AUTH_PASSWORDS: '0' });
  await page.goto(`${SSO_ONLY}/login`);
  await expect(page.getByRole('link', { name: 'Logga in med Kommunens konto' })).toBeVisible();
  await expect(page.getByLabel('Användarnamn')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Demokonton' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Logga in med Kommunens konto' }).click();
  await page.getByPlaceholder('Enter any login').fill('erik');
  await page.getByPlaceholder('and password').fill('ett lösenord hos leverantören');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(`${SSO_ONLY}/?unit=hemtjanst-hemtjanst-oster`);
  await expect(page.locator('.user-menu__role')).toHaveText('Enhetschef');
});
