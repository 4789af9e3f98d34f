import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { visit } from './flows.js';

const FUNDER = 'land@lotsennetz.example';

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
});
