import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, expectNoAxeViolations, launch, newPage } from './browser.js';
import { api, COORDINATOR, signedIn, visit } from './flows.js';

/**
 * Issue 14 §3: a person asks for help on a phone with JavaScript switched off (the page is plain server-rendered
 * HTML with an ordinary form), and the coordinator then finds the request, marked as coming from the public form,
 * with the person's contact.
 */
describe.runIf(browserAvailable())('ask for help in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a phone without JavaScript sends the form; the coordinator sees the request and the contact', async () => {
    const id = Date.now().toString(36);
    const name = `Leyla Demir-${id}`;
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'de-DE',
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto('/public/hannover?lang=de');
    await page.getByRole('link', { name: 'Hilfe anfragen' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Hilfe anfragen bei/ }).waitFor();
    expect(await page.locator('script').count()).toBe(0);

    await page.getByRole('textbox', { name: /Name oder Initialen/ }).fill(name);
    await page.getByRole('radio', { name: 'Erwachsene:r' }).check();
    await page.getByRole('spinbutton', { name: /Wie viele Personen/ }).fill('2');
    await page.getByRole('combobox', { name: /Bereich/ }).selectOption('authorities');
    await page.getByRole('radio', { name: 'Begleitung' }).check();
    await page
      .getByRole('textbox', { name: /Beschreiben Sie kurz/ })
      .fill('Termin beim Bürgeramt wegen der Anmeldung, ich brauche Begleitung.');
    await page.getByRole('checkbox', { name: /^Türkçe/ }).check();
    await page.getByRole('combobox', { name: /Stadtbezirk oder Ort/ }).selectOption({ index: 1 });
    await page.getByRole('radio', { name: 'Telefon' }).check();
    await page.getByRole('textbox', { name: /Telefonnummer, E-Mail-Adresse/ }).fill('+49 511 555 4242');
    await page.getByRole('checkbox', { name: /Einwilligungserklärung gelesen/ }).check();
    // People take longer than the form's minimum fill time; a bot that sends at once is refused.
    await page.waitForTimeout(3_500);
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vielen Dank!' }).waitFor();
    expect((await context.cookies()).length).toBe(0);
    await context.close();

    // The coordinator finds it, marked as coming from the public form, with the contact.
    const coordinator = await signedIn(browser, COORDINATOR);
    const office = coordinator.page;
    const list = await api<{ items: { id: string; origin: string; person: { initials: string } }[] }>(
      office,
      'GET',
      '/requests?status=new&limit=200',
    );
    expect(list.status).toBe(200);
    const details = await Promise.all(
      list.json.items
        .filter((r) => r.origin === 'public')
        .map((r) => api<{ id: string; publicContact: { name: string } | null }>(office, 'GET', `/requests/${r.id}`)),
    );
    const mine = details.map((d) => d.json).find((d) => d.publicContact?.name === name);
    expect(mine, JSON.stringify(details.map((d) => d.json.publicContact))).toBeTruthy();
    await visit(office, `/requests/${mine?.id}`);
    await office.getByText('Öffentliches Formular').first().waitFor();
    await office.getByText(name).waitFor();
    await office.getByText('+49 511 555 4242').waitFor();
    await expectNoAxeViolations(office, 'request from the public form (coordinator)');
  });

  it('the form has no axe violations on a phone, in German, Arabic and Persian, and never scrolls sideways', async () => {
    for (const lang of ['de', 'ar', 'fa'] as const) {
      const { page, context } = await newPage(browser, { mobile: true });
      await page.goto(`/public/hannover/help?lang=${lang}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'de' ? 'ltr' : 'rtl');
      // Regression: the honeypot, parked 10,000 px to the left, made right-to-left pages 10,390 px wide.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page, `ask-for-help form (${lang}, phone)`);
      await page.goto(`/public/hannover?lang=${lang}`);
      await expectNoAxeViolations(page, `office home page (${lang}, phone)`);
      await page.goto(`/public?lang=${lang}`);
      await expectNoAxeViolations(page, `installation home page (${lang}, phone)`);
      await context.close();
    }
  });
});
