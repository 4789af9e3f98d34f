import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/**
 * Issue 11 §4: a guide on a phone downloads their hours statement; the coordinator sees the Ehrenamtskarte list
 * (the demo has guides who qualify, who will soon and a card running out) and creates a confirmation.
 */
describe.runIf(browserAvailable())('recognition in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a guide on a phone downloads the statement of this year', async () => {
    const { page, errors } = await newPage(browser, { mobile: true });
    await loginAs(page, GUIDE);
    await setLocale(page, 'de');
    await visit(page, '/my/statements');
    await page.getByRole('heading', { level: 1, name: 'Meine Nachweise' }).waitFor();
    const total = (await page.getByTestId('statement-total').textContent()) ?? '';
    expect(total).toMatch(/\d+(,\d)? Std\./);
    await expectNoAxeViolations(page, 'my statements (phone)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Nachweis herunterladen (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Engagementnachweis-.*\.pdf$/);
    const bytes = await readFile((await download.path()) as string);
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('Engagementnachweis');
    expect(text).toContain(total.replace(' Std.', ' Stunden'));
    // The same page in Arabic, right to left, on the phone.
    await setLocale(page, 'ar');
    await visit(page, '/my/statements');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(page, 'my statements (phone, Arabic)');
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
  }, 120_000);

  it('the coordinator sees who qualifies and creates a confirmation', async () => {
    const { page, errors } = await signedIn(browser, COORDINATOR);
    await visit(page, '/recognition');
    const table = page.getByRole('table', { name: 'Ehrenamtskarte' });
    await table.getByText('Erfüllt').first().waitFor();
    await expect.poll(() => table.getByText('Bald').count()).toBeGreaterThan(0);
    await page.getByText('Läuft bald ab').first().waitFor();
    await expectNoAxeViolations(page, 'recognition');
    const button = table.getByRole('button', { name: /^Bestätigung erstellen: / }).first();
    const label = (await button.getAttribute('aria-label')) as string;
    const name = label.replace(/^Bestätigung erstellen: /, '');
    const [created] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/recognition/card-confirmations') && r.request().method() === 'POST',
      ),
      button.click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await page.getByText(`Bestätigung für ${name} erstellt.`).first().waitFor();
    const confirmations = page.getByRole('table', { name: 'Bestätigungen und Karten' });
    await confirmations
      .getByRole('row')
      .filter({ hasText: name })
      .filter({ hasText: 'Karte beantragt' })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
