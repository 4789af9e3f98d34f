import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../helpers/receipts.js';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, day, GUIDE, signedIn, visit } from './flows.js';

/**
 * Issue 11 §2 and §5: a guide on a phone files a claim with a photo of the ticket; the coordinator approves it in the
 * queue and pays it in a payout run, whose SEPA file and list are then there to download.
 */
describe.runIf(browserAvailable())('expense claims in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a guide files a claim with a receipt on the phone; the coordinator approves it and pays it out', async () => {
    const tag = Date.now().toString(36);
    const origin = `Wohnung ${tag}`;
    const phone = await newPage(browser, { mobile: true });
    const guide = phone.page;
    await loginAs(guide, GUIDE);
    await setLocale(guide, 'de');

    await visit(guide, '/my/expenses');
    await guide.getByRole('link', { name: 'Neue Auslage' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Neue Auslage' }).waitFor();
    await guide.getByLabel(/^Datum/).fill(day(-1));
    await guide.getByRole('textbox', { name: /^Einsatz/ }).click();
    await guide.getByRole('option').first().click();
    await guide.getByRole('radio', { name: 'Bus und Bahn' }).check();
    await guide.getByRole('textbox', { name: /^Von/ }).fill(origin);
    await guide.getByRole('textbox', { name: /^Nach/ }).fill('Ausländerbehörde');
    await guide.getByRole('textbox', { name: /^Preis der Fahrkarte/ }).fill('3,40');
    await guide
      .locator('input[type=file]')
      .setInputFiles({ name: 'fahrkarte.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await guide.getByText('fahrkarte.png').waitFor();
    await expectNoAxeViolations(guide, 'new claim on a phone');
    const [filed] = await Promise.all([
      guide.waitForResponse((r) => r.url().endsWith('/me/expense-claims') && r.request().method() === 'POST'),
      guide.getByRole('button', { name: 'Einreichen' }).click(),
    ]);
    expect(filed.status(), await filed.text()).toBe(201);
    const claim = (await filed.json()) as { id: string; amountCents: number; receipt: { contentType: string } };
    expect(claim.amountCents).toBe(340);
    expect(claim.receipt.contentType).toBe('image/png');
    await guide.waitForURL(/\/my\/expenses$/);
    await guide.getByText(origin).first().waitFor();
    await expectNoAxeViolations(guide, 'the guide’s claims on a phone');

    const { page } = await signedIn(browser, COORDINATOR);
    await visit(page, '/expenses');
    const row = page.getByRole('row', { name: new RegExp(origin) });
    await row.getByRole('checkbox').check();
    await expectNoAxeViolations(page, 'the approval queue');
    const [approved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/expense-claims/approve')),
      page.getByRole('button', { name: 'Ausgewählte genehmigen (1)' }).click(),
    ]);
    expect(approved.status(), await approved.text()).toBe(200);
    await row.waitFor({ state: 'detached' });

    await visit(page, '/expenses/payouts');
    await page.getByRole('checkbox', { checked: true }).first().waitFor();
    await expectNoAxeViolations(page, 'the payout run page');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/payout-runs') && r.request().method() === 'POST'),
      page.getByRole('button', { name: /^Auszahlungslauf erstellen/ }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    const run = (await created.json()) as { id: string; reference: string };
    await page.getByText(run.reference).first().waitFor();
    await page.getByRole('link', { name: `SEPA-Datei ${run.reference}` }).waitFor();

    const sepa = await page.evaluate(async (id) => (await fetch(`/api/v1/payout-runs/${id}/sepa.xml`)).text(), run.id);
    expect(sepa).toContain('pain.001.001.03');
    expect(sepa).toContain('<InstdAmt Ccy="EUR">');
    const mine = await api<{ items: { id: string; status: string; paidOn: string | null }[] }>(
      guide,
      'GET',
      '/me/expense-claims',
    );
    expect(mine.json.items.find((c) => c.id === claim.id)).toMatchObject({ status: 'paid', paidOn: day(0) });
  });
});
