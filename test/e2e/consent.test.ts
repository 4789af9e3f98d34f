import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/** Issue 9 §1: a coordinator publishes a new version of the consent text; the guide confirms it on her phone. */
describe.runIf(browserAvailable())('consent versions in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('coordinator publishes a new version, the guide confirms it on the phone, the list of the unconfirmed shrinks', async () => {
    const coordinator = await signedIn(browser, COORDINATOR);
    const { page } = coordinator;
    await visit(page, '/settings/consent');
    const card = page.getByRole('region', { name: 'Datenschutz-Einwilligung der Lots:innen' });
    await card.getByText(/^Fassung \d+ gilt seit/).waitFor();
    const before = (
      await api<{ items: { version: number; state: string }[] }>(page, 'GET', '/consent-texts?kind=guide_consent')
    ).json;
    const next = Math.max(...before.items.map((x) => x.version)) + 1;

    // A new version starts from the one in force; the German text gets a new sentence.
    await card.getByRole('button', { name: 'Neue Fassung' }).click();
    const dialog = page.getByRole('dialog');
    const body = dialog.getByRole('textbox', { name: /^Text/ });
    await body.waitFor();
    const sentence = `Neu in Fassung ${next}: Fotos von Veranstaltungen nur mit Zustimmung.`;
    await body.fill(`${await body.inputValue()}\n\n${sentence}`);
    await dialog.getByRole('textbox', { name: /Was hat sich geändert/ }).fill('Fotos nur mit Zustimmung.');
    await expectNoAxeViolations(page, 'new consent version dialog');
    await dialog.getByRole('button', { name: 'Entwurf speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByRole('cell', { name: 'Entwurf' }).waitFor();

    await card.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Veröffentlichen' }).click();
    await card.getByText(new RegExp(`^Fassung ${next} gilt seit`)).waitFor();
    // A published version offers no edit any more: only a new version.
    expect(await card.getByRole('button', { name: 'Entwurf bearbeiten' }).count()).toBe(0);

    // The demo guide is among those asked to confirm.
    const guideSession = await newPage(browser, { mobile: true });
    await loginAs(guideSession.page, GUIDE);
    await setLocale(guideSession.page, 'de');
    const me = (await api<{ me: { displayName: string } }>(guideSession.page, 'GET', '/me')).json.me;
    const pending = page.getByRole('region', { name: 'Noch nicht bestätigt' });
    await pending.getByRole('link', { name: me.displayName }).waitFor();
    await expectNoAxeViolations(page, 'consent settings');

    // On the phone: the prompt with the new text, confirmed with one tap.
    const phone = guideSession.page;
    await visit(phone, '/');
    const prompt = phone.getByRole('region', { name: 'Bitte bestätigen: Datenschutz-Einwilligung der Lots:innen' });
    await prompt.getByText(sentence, { exact: false }).waitFor();
    await prompt.getByText('Fotos nur mit Zustimmung.').waitFor();
    await expectNoAxeViolations(phone, 'guide home with the consent prompt (phone)');
    await prompt.getByRole('button', { name: 'Gelesen und einverstanden' }).click();
    await phone.getByText('Danke, Ihre Bestätigung ist gespeichert.').waitFor();
    await prompt.waitFor({ state: 'detached' });

    // Her record says which version, how and when; the coordinator's list no longer names her.
    const records = (await api<{ records: { version: number; method: string }[] }>(phone, 'GET', '/me/consents')).json
      .records;
    expect(records[0]).toMatchObject({ version: next, method: 'app' });
    await page.reload();
    await pending.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await pending.getByRole('link', { name: me.displayName }).count()).toBe(0);
    expect([...coordinator.errors, ...guideSession.errors]).toEqual([]);
  }, 240_000);
});
