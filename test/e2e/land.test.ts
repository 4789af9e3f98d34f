import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  launch,
  loginAs,
  newPage,
  setLocale,
} from './browser.js';
import { api, mailTo, signedIn, visit } from './flows.js';

const FUNDER = 'land@lotsennetz.example';
const ADMIN = 'admin@lotsennetz.example';

/**
 * Issue 13 §3: the Land's funder signs in, compares the two demo offices of its programme side by side, sees the
 * small cells withheld, picks last year, and downloads the XLSX; the page in Arabic (right to left) on a phone; axe on
 * each.
 */
describe.runIf(browserAvailable())('the Land view in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the funder compares two offices and downloads the XLSX', async () => {
    const { page, errors } = await newPage(browser);
    await loginAs(page, FUNDER);
    await setLocale(page, 'de');
    // The navigation offers the Land view and nothing of an office.
    const nav = page.locator('#main-navigation');
    await nav.getByRole('link', { name: 'Landesansicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Landesansicht' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Lots:innen' }).count()).toBe(0);
    await page.getByText('Integrationslotsen Niedersachsen (Demo)').first().waitFor();

    const table = page.getByRole('table');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const names = await table.locator('tbody th').allTextContents();
    expect(names.join('|')).toMatch(/Hannover/);
    expect(names.join('|')).toMatch(/Osnabrück/);
    await expectNoAxeViolations(page, 'Land view');

    // Last year: Osnabrück's few requests fall under five somewhere, and show as "< 5", never as a number.
    await page.getByRole('button', { name: 'Letztes Jahr' }).click();
    await page.waitForLoadState('networkidle');
    const osnabrueck = rows.filter({ hasText: 'Osnabrück' });
    await expect.poll(async () => (await osnabrueck.textContent()) ?? '').toContain('< 5');
    const year = new Date().getFullYear() - 1;
    expect(await table.locator('caption').textContent()).toContain(String(year));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Als XLSX herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`land-${year}-01-01-${year}-12-31.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Deckblatt', 'Vergleich']);
    expect(workbook.worksheets[0].getCell('B2').value).toBe('Integrationslotsen Niedersachsen (Demo)');
    const sheet = workbook.worksheets[1];
    const firstColumn = (sheet.getColumn(1).values as unknown[]).filter(Boolean).map(String);
    expect(firstColumn.some((v) => v.includes('Osnabrück'))).toBe(true);
    expect(firstColumn.at(-1)).toBe('Gesamt');
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain('< 5');
    expect(errors).toEqual([]);
  });

  it('works in Arabic, right to left, on a phone: the table scrolls sideways', async () => {
    const { page, errors } = await newPage(browser, { mobile: true });
    await loginAs(page, FUNDER);
    await setLocale(page, 'ar');
    await visit(page, '/land');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'عرض الولاية' }).waitFor();
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    // The table is wider than the phone; its scroll region is focusable, and the page itself does not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'Land view (phone, Arabic)');
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
  });

  it('the platform admin creates a programme, assigns two offices and invites a funder, who signs in', async () => {
    const { page, errors } = await signedIn(browser, ADMIN);
    const stamp = Date.now().toString(36);
    const officeNames = [`Lotsenbüro Celle ${stamp}`, `Lotsenbüro Peine ${stamp}`];
    for (const name of officeNames)
      expect((await api(page, 'POST', '/offices', { name, city: name.split(' ')[1] })).status).toBe(201);
    const programme = `Lotsenprogramm Südheide ${stamp}`;
    const email = `foerderreferat-${stamp}@example.org`;
    // A fresh load, so the office list the dialog offers includes the two new offices.
    await visit(page, '/');

    await page.locator('#main-navigation').getByRole('link', { name: 'Förderprogramme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderprogramme' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Neues Förderprogramm' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(programme);
    await dialog.getByRole('textbox', { name: 'Land oder Region' }).fill('Region Hannover');
    const offices = dialog.getByRole('textbox', { name: 'Koordinierungsstellen' });
    for (const name of officeNames) {
      await offices.fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
      // The list stays open after a choice; close it before searching the next office.
      await dialog.getByRole('textbox', { name: 'Land oder Region' }).click();
      await page.getByRole('listbox').waitFor({ state: 'hidden' });
    }
    // The option list (a portal outside the dialog while open) is closed for axe.
    await expectNoAxeViolations(page, 'programme dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: programme });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(officeNames[1]);
    expect(await row.textContent()).toContain(officeNames[0]);
    await expectNoAxeViolations(page, 'programmes page');

    await page.getByRole('button', { name: `Konten: ${programme}` }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('Noch kein Konto für dieses Programm.').waitFor();
    await dialog.getByRole('button', { name: 'Fördermittelgeber einladen' }).click();
    dialog = page.getByRole('dialog', { name: 'Fördermittelgeber einladen' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Förderreferat Südheide');
    await dialog.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(email);
    await expectNoAxeViolations(page, 'funder invitation dialog');
    await dialog.getByRole('button', { name: 'Einladung senden' }).click();
    dialog = page.getByRole('dialog', { name: `Konten der Fördermittelgeber: ${programme}` });
    await dialog.getByText(email).waitFor();
    await dialog.getByText('Eingeladen').first().waitFor();
    await expectNoAxeViolations(page, 'funder accounts dialog');

    // The funder sets a password from the link in the mail and sees the two offices of the programme, nothing else.
    const text = await mailTo(email);
    const link = /(\/invitation\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link, text).toBeTruthy();
    const funder = await newPage(browser);
    await funder.page.goto(link as string);
    await funder.page.getByLabel('Neues Passwort').fill(DEMO_PASSWORD);
    await funder.page.getByLabel('Passwort wiederholen').fill(DEMO_PASSWORD);
    await funder.page.getByRole('button', { name: 'Passwort speichern' }).click();
    await funder.page.getByText('Ihr Passwort ist gespeichert.', { exact: false }).waitFor();
    await loginAs(funder.page, email);
    await visit(funder.page, '/land');
    await funder.page.getByText(programme).first().waitFor();
    const names = await funder.page.getByRole('table').locator('tbody th').allTextContents();
    expect(names.sort()).toEqual([...officeNames].sort().map((n) => expect.stringContaining(n)));
    expect([...errors, ...funder.errors]).toEqual([]);
  }, 180_000);
});
