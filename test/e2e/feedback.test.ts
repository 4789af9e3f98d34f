import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, gotoLive, launch, loginAs, newPage, setLocale } from './browser.js';

const COORDINATOR = 'koordination@hannover.example';

/** Everyday feedback (issue #7 §7): a lost connection, a save that could not be sent, loading placeholders. */
describe.runIf(browserAvailable())('feedback in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a banner while offline, keeps a failed save in the form, and recovers when the connection is back', async () => {
    const { page, context } = await newPage(browser);
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'de');
    await gotoLive(page, '/guides');
    await page.getByRole('table').waitFor();
    const banner = page.getByRole('status').filter({ hasText: /Verbindung|verbunden/ });
    expect(await banner.count()).toBe(0);

    // Offline: the banner says so; a page whose data cannot load waits under it instead of failing.
    await context.setOffline(true);
    await banner.getByText('Keine Verbindung – wir versuchen es weiter …').waitFor();
    await page.locator('#main-navigation a[href="/partners"]').click();
    await page.waitForURL(/\/partners$/);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Back online: "connected again", and the waiting page loads by itself.
    await context.setOffline(false);
    await banner.getByText(/Wieder verbunden/).waitFor();
    await page.getByRole('table').waitFor();
    await banner.getByText(/Wieder verbunden/).waitFor({ state: 'detached' });

    // A save while offline fails with a clear message and keeps what was typed.
    const guideHref = await (async () => {
      await gotoLive(page, '/guides');
      return page.getByRole('table').getByRole('link').first().getAttribute('href');
    })();
    await page.goto(`${guideHref}/edit`);
    const phone = page.getByLabel(/^Telefon/);
    await phone.waitFor();
    const typed = `+49 511 ${Date.now().toString().slice(-6)}`;
    await phone.fill(typed);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByRole('alert')
      .getByText(/Nichts wurde gespeichert/)
      .waitFor();
    expect(await phone.inputValue()).toBe(typed);
    expect(page.url()).toMatch(/\/edit$/);

    // Once online again, the same form sends it.
    await context.setOffline(false);
    await banner.getByText(/Wieder verbunden/).waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
    await page.getByText(typed).first().waitFor();
    await context.close();
  }, 120_000);

  it('says "no connection" in Arabic when the server cannot be reached', async () => {
    const { page, context } = await newPage(browser);
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'ar');
    await page.goto('/requests');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The server goes away while the browser still believes it is online: the failed fetch raises the banner.
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await page.locator('#main-navigation a[href="/partners"]').click();
    await page.getByRole('status').getByText('لا يوجد اتصال – نواصل المحاولة …').waitFor();
    await page.unroute('**/api/v1/**');
    await page
      .getByRole('status')
      .getByText(/عاد الاتصال/)
      .waitFor({ timeout: 15_000 });
    await page.getByRole('table').waitFor();
    await setLocale(page, 'de');
    await context.close();
  }, 60_000);
});
