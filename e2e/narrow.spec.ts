import { expect, test } from '@playwright/test';
import { mainMenu, signInOnPhone } from './pages/menu.js';

// A phone: 390 × 844 CSS pixels. The menu folds behind "Meny" so that the page starts on the first screen
// (axe checks the folded and the open menu in every role in a11y.spec.ts).
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

const PAGES: Record<string, { path: string; heading: RegExp }[]> = {
  utvecklingschef: [
    { path: '/', heading: /^Socialförvaltningen$/ },
    { path: '/review', heading: /^Årsgenomgång \d{4}: Socialförvaltningen$/ },
    { path: '/summary', heading: /^Sammanfattning: Socialförvaltningen$/ },
    { path: '/admin/users', heading: /^Användare$/ },
  ],
  enhetschef: [
    { path: '/?unit=hemtjanst-hemtjanst-oster', heading: /^Hemtjänst Öster$/ },
    { path: '/metrics/staff_turnover?unit=hemtjanst-hemtjanst-oster', heading: /^Personalomsättning$/ },
  ],
  politiker: [
    { path: '/summary', heading: /^Sammanfattning: Socialförvaltningen$/ },
    { path: '/principles', heading: /^Principer/ },
  ],
};

for (const [username, pages] of Object.entries(PAGES)) {
  test(`${username}: at 390 × 844 each page's heading is in the top half of the first screen`, async ({ page }) => {
    test.setTimeout(60_000);
    await signInOnPhone(page, username);
    for (const { path, heading } of pages) {
      await test.step(path, async () => {
        await page.goto(path);
        const h1 = page.getByRole('heading', { level: 1, name: heading });
        await expect(h1).toBeVisible();
        await page.waitForLoadState('networkidle');
        const box = (await h1.boundingBox())!;
        // The whole heading, from the top of the page as first shown (not scrolled).
        expect(await page.locator('html').evaluate((el) => el.ownerDocument.defaultView?.scrollY)).toBe(0);
        expect(box.y + box.height, `${path}: heading ends at ${Math.round(box.y + box.height)} px`).toBeLessThanOrEqual(PHONE.height / 2);
      });
    }
    await page.screenshot({ path: test.info().outputPath(`${username}-390.png`) });
  });
}

test('the folded menu is a disclosure: a button that says whether it is open, operable by keyboard, closed by Escape', async ({ page }) => {
  await signInOnPhone(page, 'utvecklingschef');
  const button = page.getByRole('button', { name: 'Meny' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(mainMenu(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeHidden();

  // By keyboard: Enter on the button opens it, and Tab goes on into it.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(mainMenu(page)).toBeVisible();
  const controlled = await button.getAttribute('aria-controls');
  await expect(page.locator(`[id="${controlled}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Svenska' })).toBeFocused();

  // Escape closes it and gives the button the focus back.
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(mainMenu(page)).toBeHidden();

  // Following a link closes it, and the page opens with its heading on the first screen.
  await button.click();
  await mainMenu(page).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Logg' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('menu-open-390.png') });
});
