import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { signInAs } from './pages/login.js';
import { mainMenu, signInOnPhone } from './pages/menu.js';

/** Every page each role can open, scanned with axe for WCAG 2.1 A/AA problems. */
const PAGES: Record<string, { path: string; heading: RegExp }[]> = {
  utvecklingschef: [
    { path: '/', heading: /Socialförvaltningen/ },
    { path: '/review', heading: /Årsgenomgång \d{4}: Socialförvaltningen/ },
    { path: '/review?unit=hemtjanst&year=2024', heading: /Årsgenomgång 2024: Hemtjänst/ },
    { path: '/admin', heading: /Administration/ },
    { path: '/metrics/manager_sick_leave?unit=hemtjanst', heading: /Sjukfrånvaro bland chefer/ },
    { path: '/summary', heading: /Socialförvaltningen/ },
    { path: '/principles', heading: /Principer/ },
    { path: '/data-needs', heading: /./ },
    { path: '/data-needs/mine', heading: /Mina frågor/ },
    { path: '/catalogue', heading: /./ },
    { path: '/admin/public-links', heading: /./ },
    { path: '/admin/users', heading: /Användare/ },
    { path: '/admin/audit', heading: /Logg/ },
    { path: '/admin/organisation', heading: /Organisation/ },
  ],
  enhetschef: [
    { path: '/?unit=hemtjanst-hemtjanst-oster', heading: /Hemtjänst Öster/ },
    { path: '/metrics/staff_per_manager?unit=hemtjanst-hemtjanst-oster', heading: /Medarbetare per enhetschef/ },
    { path: '/summary?unit=hemtjanst', heading: /Hemtjänst/ },
    { path: '/principles', heading: /Principer/ },
    { path: '/data-needs/mine', heading: /Mina frågor/ },
  ],
  politiker: [
    { path: '/summary', heading: /Socialförvaltningen/ },
    { path: '/principles', heading: /Principer/ },
    { path: '/data-needs/mine', heading: /Mina frågor/ },
  ],
};

async function scan(page: Page, path: string, heading: RegExp) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page);
}

for (const [username, pages] of Object.entries(PAGES)) {
  test(`every page of ${username} has no serious or critical axe violations`, async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, username);
    for (const { path, heading } of pages) {
      await test.step(path, () => scan(page, path, heading));
    }
  });
}

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const username of Object.keys(PAGES)) {
    test(`${username}: the menu, folded and open, has no serious or critical axe violations`, async ({ page }) => {
      await signInOnPhone(page, username);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'Meny' }).click();
      await expect(mainMenu(page)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  }
});

test('the sign-in page and a public summary link have no serious or critical axe violations', async ({ page, browser }) => {
  await page.goto('/login');
  await expectNoSeriousA11yViolations(page);
  await signInAs(page, 'utvecklingschef');
  const res = await page.request.post('/api/public-links', { data: { label: 'a11y' } });
  const { path } = (await res.json()) as { path: string };
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(path);
  await expect(anonymous.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(anonymous);
});

test('the sign-in page has no serious or critical axe violations in any of its states', async ({ page }) => {
  await page.goto('/login?expired=1');
  await expect(page.getByRole('heading', { name: 'Demokonton' })).toBeVisible();
  await expect(page.getByText('Du har loggats ut. Logga in igen för att fortsätta.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // A made-up name: a real account's failed attempts would count towards its lock.
  await page.getByLabel('Användarnamn').fill('ingen-sadan');
  await page.getByLabel('Lösenord').fill('fel');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong username or password/);
  await expectNoSeriousA11yViolations(page);
});

test('a keyboard alone reads the summary: skip link, choosing an area, and printing are reachable', async ({ page }) => {
  await signInAs(page, 'politiker');
  await page.goto('/summary');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  // Tab forward until the area link is focused, as a keyboard user would, and open it.
  const area = page.getByRole('link', { name: 'Hemtjänst', exact: true });
  for (let i = 0; i < 40 && !(await area.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(area).toBeFocused();
  const outline = await area.evaluate((el) => { const s = el.ownerDocument.defaultView!.getComputedStyle(el); return `${s.outlineStyle} ${s.outlineWidth}`; });
  expect(outline).not.toMatch(/^none|0px$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/unit=hemtjanst/);
  const print = page.getByRole('button', { name: 'Skriv ut' });
  for (let i = 0; i < 40 && !(await print.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(print).toBeFocused();
});
