import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.js';
import { DataNeedsPages } from './pages/data-needs.js';
import { signInAs, signOut } from './pages/login.js';

const OSTER = 'hemtjanst-hemtjanst-oster';
const STAFF_TURNOVER = 'staff_turnover';

test.describe('"Vilka data behöver du?": the loop up and back', () => {
  test('a unit manager asks, the development manager replies, the unit manager reads the reply', async ({ page, browser }) => {
    // Two people, two sign-ins (argon2) and two axe scans: more than the default half minute.
    test.setTimeout(60_000);
    const stamp = Date.now();
    const question = `Vi behöver se hur många som slutar under första året. (${stamp})`;
    const answer = `Bra förslag – vi tar fram det till nästa år. (${stamp})`;

    // The unit manager asks from the metric's page.
    await signInAs(page, 'enhetschef');
    const asker = new DataNeedsPages(page);
    await asker.ask(STAFF_TURNOVER, OSTER, question);
    await expect(page.getByRole('status').filter({ hasText: 'Tack! Din fråga har skickats till utvecklingschefen.' })).toBeVisible();
    await expect(asker.metricForm().getByRole('textbox')).toHaveValue('');
    await asker.metricForm().scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('metric-page-form.png'), fullPage: true });

    // The development manager finds it in the inbox, filtered to received questions, and replies.
    const other = await browser.newContext();
    const dmPage = await other.newPage();
    await signInAs(dmPage, 'utvecklingschef');
    const inbox = new DataNeedsPages(dmPage);
    await expect(inbox.menuLink(/^Frågor \(\d+ obesvarad/)).toBeVisible();
    await inbox.openInbox();
    await inbox.filterInboxByStatus('Mottagen');
    await expect(dmPage).toHaveURL(/[?&]status=received/);
    const item = inbox.question(question);
    await expect(item).toBeVisible();
    await expect(item).toContainText('Enhetschef, Hemtjänst Öster och Väster (demo)');
    await expect(item).toContainText('Personalomsättning');
    await inbox.reply(question, 'Planerad', answer);
    await expect(item.getByRole('status')).toContainText('Status: Planerad');
    await expect(item.locator('.data-need-status')).toHaveText('Planerad');
    await expect(item).toContainText(answer);
    await expectNoSeriousA11yViolations(dmPage);
    await dmPage.screenshot({ path: test.info().outputPath('inbox.png'), fullPage: true });
    await other.close();

    // Back with the unit manager: the menu says there is a new reply.
    await page.reload();
    await expect(asker.menuLink('Mina frågor (1 nytt svar)')).toBeVisible();
    await asker.menuLink('Mina frågor (1 nytt svar)').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina frågor' })).toBeVisible();
    const mine = asker.question(question);
    await expect(mine).toContainText('Nytt svar');
    await expect(mine).toContainText('Planerad');
    await expect(mine).toContainText(answer);
    await expect(mine).toContainText('Svar från Utvecklingschef (demo)');
    // Seen: the menu's marker clears.
    await expect(asker.menuLink(/^Mina frågor$/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath('mina-fragor.png'), fullPage: true });

    // And it stays cleared on the next visit.
    await page.reload();
    await expect(asker.question(question)).toBeVisible();
    await expect(asker.question(question)).not.toContainText('Nytt svar');
    await expect(asker.menuLink(/^Mina frågor$/)).toBeVisible();
  });

  test('the overview card leads to the form, and a politician asks by way of the summary', async ({ page }) => {
    test.setTimeout(45_000);
    await signInAs(page, 'enhetschef');
    await page.goto(`/?unit=${OSTER}`);
    await page.getByRole('link', { name: /Svara på frågan: Personalomsättning/ }).click();
    await expect(page).toHaveURL(/\/metrics\/staff_turnover\?unit=.*#data-need-form$/);
    await expect(new DataNeedsPages(page).metricForm().getByRole('textbox')).toBeFocused();
    await signOut(page);

    await signInAs(page, 'politiker');
    const text = `Hur många av cheferna har gått ledarutbildningen? (${Date.now()})`;
    // The summary itself stays free of fields: its question leads to "Mina frågor", preset to the metric.
    const metric = page.getByRole('region', { name: 'Personalomsättning', exact: true });
    await metric.getByRole('link', { name: /Vilka data behöver du\?/ }).click();
    await expect(page).toHaveURL(/\/data-needs\/mine\?ask=staff_turnover&unit=soc#ask$/);
    const ask = page.getByRole('region', { name: 'Ställ en fråga' });
    await expect(ask.getByLabel('Nyckeltal')).toHaveValue('staff_turnover');
    await ask.getByRole('textbox').fill(text);
    await ask.getByRole('button', { name: 'Skicka' }).click();
    await expect(ask.getByRole('status')).toContainText('Tack! Din fråga har skickats till utvecklingschefen.');
    await page.screenshot({ path: test.info().outputPath('summary-ask.png'), fullPage: true });
    await new DataNeedsPages(page).menuLink(/^Mina frågor$/).click();
    await expect(page.getByRole('article').filter({ hasText: text })).toContainText('Mottagen');
  });
});
