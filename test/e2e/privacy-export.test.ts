import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/** Issue 9, §2: a guide downloads their own data (Art. 15 / 20) from their profile, on a phone. */
describe.runIf(browserAvailable())('the guide’s own data export in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('on a phone: the profile offers JSON and PDF; the JSON parses and holds the guide, the PDF reads back', async () => {
    const { page, errors } = await newPage(browser, { mobile: true });
    await loginAs(page, GUIDE);
    await setLocale(page, 'de');
    const me = (await api<{ me: { guideId: string } }>(page, 'GET', '/me')).json.me;
    await visit(page, `/guides/${me.guideId}`);
    const section = page.getByRole('region', { name: 'Datenschutz' });
    await section.scrollIntoViewIfNeeded();
    // The read log is the office's: the guide sees the downloads only.
    expect(await section.getByRole('table').count()).toBe(0);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Datenauskunft (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^Datenauskunft-guide-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    expect(file.format).toBe('lotsennetz.data-export/1');
    expect(file.subject).toEqual({ kind: 'guide', id: me.guideId });
    expect(file.record.email).toBe(GUIDE);
    expect(file.sections.map((s: { table: string }) => s.table)).toEqual(
      expect.arrayContaining(['assignments', 'offers', 'activities', 'users', 'guide_status_history']),
    );

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Datenauskunft (PDF)' }).click(),
    ]);
    const text = await pdfText(new Uint8Array(readFileSync((await pdf.path()) as string)));
    expect(text).toContain('Auskunft über gespeicherte Daten');
    expect(text).toContain(file.record.first_name);

    await expectNoAxeViolations(page, 'own profile with the data export (phone)');
    expect(errors).toEqual([]);
  }, 180_000);

  it('the coordinator sees on the guide’s profile who read it, the guide’s own downloads included', async () => {
    const guide = await signedIn(browser, GUIDE);
    const guideId = (await api<{ me: { guideId: string } }>(guide.page, 'GET', '/me')).json.me.guideId;
    const coordinator = await signedIn(browser, COORDINATOR);
    await visit(coordinator.page, `/guides/${guideId}`);
    const section = coordinator.page.getByRole('region', { name: 'Datenschutz' });
    const table = section.getByRole('table');
    await table.waitFor();
    await table.getByText('Datenauskunft erstellt').first().waitFor();
    await table.getByText('Lots:in angesehen').first().waitFor();
    await expectNoAxeViolations(coordinator.page, 'guide profile with the read log');
    expect(coordinator.errors).toEqual([]);
  }, 180_000);
});
