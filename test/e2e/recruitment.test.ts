import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, newPage } from './browser.js';
import { api, COORDINATOR, mailTo, signedIn, visit } from './flows.js';

/**
 * Issue 10 §1: a person fills in the public form on a phone, confirms the address by the mailed link, and a coordinator
 * records the get-to-know conversation and accepts them as a guide, whose account invitation goes out by mail.
 */
describe.runIf(browserAvailable())('recruitment in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('public form → double opt-in → conversation → accepted as a guide with an invitation', async () => {
    const id = Date.now().toString(36);
    const email = `bewerbung-${id}@test.example`;
    const lastName = `Nouri-${id}`;
    const phone = await newPage(browser, { mobile: true });
    const { page } = phone;
    await visit(page, '/volunteer/hannover');
    await page.getByRole('heading', { level: 1, name: /Lots:in werden bei/ }).waitFor();
    await expectNoAxeViolations(page, 'public volunteer form (phone)');
    await page.getByRole('textbox', { name: 'Vorname' }).fill('Amira');
    await page.getByRole('textbox', { name: 'Nachname' }).fill(lastName);
    await page.getByRole('textbox', { name: 'E-Mail' }).fill(email);
    await page.getByRole('textbox', { name: /Warum möchten Sie/ }).fill('Ich möchte Familien beim Ankommen helfen.');
    await page.getByRole('checkbox', { name: /Einwilligungserklärung gelesen/ }).check();
    // People take longer than the form's minimum fill time; a bot that sends at once is refused.
    await page.waitForTimeout(3_500);
    await page.getByRole('button', { name: 'Interesse senden' }).click();
    await page.getByText('Fast geschafft!').waitFor();

    const confirmation = await mailTo(email);
    const link = /(\/volunteer\/confirm\/[A-Za-z0-9_-]+)/.exec(confirmation)?.[1];
    expect(link, confirmation).toBeTruthy();
    await page.goto(link as string);
    await page.getByText(/Ihre E-Mail-Adresse ist bestätigt/).waitFor();
    await expectNoAxeViolations(page, 'confirmation page (phone)');

    // The coordinator finds the applicant on the board, records the conversation and accepts.
    const coordinator = await signedIn(browser, COORDINATOR);
    const office = coordinator.page;
    await visit(office, '/recruitment');
    await expectNoAxeViolations(office, 'recruitment board');
    const column = office.getByRole('region', { name: 'Interessiert', exact: true });
    await column.getByRole('link', { name: `Amira ${lastName}` }).click();
    await office.getByRole('heading', { level: 1, name: `Amira ${lastName}` }).waitFor();
    await office.getByRole('button', { name: 'Gespräch eintragen' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Ergebnis' }).click();
    await office.getByRole('option', { name: 'Geeignet', exact: true }).click();
    await expectNoAxeViolations(office, 'conversation dialog');
    await dialog.getByRole('button', { name: /Speichern/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await office.getByText('Gespräch geführt', { exact: true }).first().waitFor();
    await expectNoAxeViolations(office, 'applicant detail');

    await office.getByRole('button', { name: 'Als Lots:in aufnehmen' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Als Lots:in aufnehmen' }).click();
    await office.getByRole('link', { name: 'Zur Lots:in' }).waitFor();
    const applicants = (
      await api<{ items: { guideId: string | null; lastName: string }[] }>(office, 'GET', `/applicants?q=${lastName}`)
    ).json.items;
    const guideId = applicants[0].guideId as string;
    const guide = (await api<{ lastName: string; email: string; status: string }>(office, 'GET', `/guides/${guideId}`))
      .json;
    expect(guide).toMatchObject({ lastName, email, status: 'interested' });
    const invitation = await mailTo(email, 1);
    expect(invitation).toMatch(/\/invitation\/[A-Za-z0-9_-]+/);
    expect([...phone.errors, ...coordinator.errors]).toEqual([]);
  }, 240_000);
});
