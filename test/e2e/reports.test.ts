import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeReport } from '../../src/shared/reports.js';
import { pdfText } from '../helpers/pdf.js';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, signedIn, visit } from './flows.js';

const year = new Date().getFullYear();
const shots = process.env.REPORT_SCREENSHOTS;

/**
 * Issue 13 §2 and §5: the coordinator opens the year's report, switches a chart to its table (the same numbers as
 * the API), downloads the XLSX and finds those numbers in it; axe in German and in Arabic on a phone (right to left).
 */
describe.runIf(browserAvailable())('reports in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens the year's report, shows a chart as a table and downloads the XLSX", async () => {
    const { page, errors } = await signedIn(browser, COORDINATOR);
    await visit(page, '/reports');
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Anfragen' }).waitFor({ timeout: 90_000 });
    const report = (await api<OfficeReport>(page, 'GET', `/reports/office?from=${year}-01-01&to=${year}-12-31`)).json;
    expect(report.current.requests.filed).toBeGreaterThan(0);
    if (shots) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${shots}/reports-de-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/reports-de-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    await expectNoAxeViolations(page, 'reports page (year, charts)');

    const card = page.getByRole('region', { name: 'Anfragen nach Art' });
    await card.getByRole('button', { name: 'Als Tabelle zeigen' }).click();
    const table = card.getByRole('table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      );
    const names: Record<string, string> = {
      accompaniment: 'Begleitung',
      language_mediation: 'Sprachmittlung',
      orientation: 'Orientierung',
    };
    expect(rows.filter(([, current]) => current !== '0')).toEqual(
      report.current.requests.byType.map((r) => [names[r.key], String(r.count), expect.any(String)]),
    );
    await card.getByRole('button', { name: 'Als Diagramm zeigen' }).waitFor();
    await expectNoAxeViolations(page, 'reports page with a table');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Als XLSX herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].name).toBe('Deckblatt');
    const kpis: Record<string, unknown> = {};
    workbook.getWorksheet('Kennzahlen')?.eachRow((row) => {
      kpis[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    expect(kpis['Eingegangene Anfragen']).toBe(report.current.requests.filed);
    expect(kpis['Aktive Lots:innen']).toBe(report.current.guides.active);
    const byType: Record<string, unknown> = {};
    workbook.getWorksheet('Anfragen nach Art')?.eachRow((row, n) => {
      if (n > 1) byType[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    for (const r of report.current.requests.byType) expect(byType[names[r.key]]).toBe(r.count);

    // The funder forms: the Verwendungsnachweis (Niedersachsen) as XLSX …
    const [proof] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'XLSX herunterladen', exact: true }).click(),
    ]);
    expect(proof.suggestedFilename()).toMatch(/^Verwendungsnachweis-.*\.xlsx$/);
    const proofBook = new ExcelJS.Workbook();
    await proofBook.xlsx.load(readFileSync((await proof.path()) as string) as unknown as ArrayBuffer);
    expect(proofBook.worksheets.map((w) => w.name)).toEqual(['Deckblatt', 'Kurse', 'Zahlenmäßiger Nachweis']);
    const lines: Record<string, unknown> = {};
    proofBook.getWorksheet('Zahlenmäßiger Nachweis')?.eachRow((row) => {
      lines[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    expect(lines['Aktive Lots:innen']).toBe(report.current.guides.active);
    expect(lines['Erstattete Auslagen']).toBe(report.current.hours.reimbursedCents / 100);

    // … and the Sachbericht draft with the coordinator's text; the empty sections show the placeholder.
    await page.getByRole('textbox', { name: '1. Ziele' }).fill('Wir begleiten Neuzugewanderte in Hannover.');
    const [draft] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF herunterladen' }).click(),
    ]);
    expect(draft.suggestedFilename()).toMatch(/^Sachbericht-.*\.pdf$/);
    const text = await pdfText(readFileSync((await draft.path()) as string));
    expect(text).toContain('Wir begleiten Neuzugewanderte in Hannover.');
    expect(text).toContain('[von der Koordinierungsstelle zu ergänzen]');
    expect(text).toContain(`Eingegangene Anfragen ${report.current.requests.filed} ${report.previous.requests.filed}`);
    await expectNoAxeViolations(page, 'reports page with the funder forms filled in');

    expect(errors).toEqual([]);
  }, 240_000);

  it('works on a phone in Arabic, right to left', async () => {
    const { page, errors } = await newPage(browser, { mobile: true });
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'ar');
    await visit(page, '/reports');
    await page.getByRole('heading', { level: 1, name: 'التقارير' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'الطلبات' }).waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Nothing is wider than the phone: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (shots) {
      await page.screenshot({ path: `${shots}/reports-ar-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${shots}/reports-ar-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
    }
    await expectNoAxeViolations(page, 'reports page (Arabic, phone)');
    const card = page.getByRole('region', { name: 'الطلبات حسب النوع' });
    await card.getByRole('button', { name: 'عرض كجدول' }).click();
    await card.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'reports page with a table (Arabic, phone)');
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
  }, 240_000);
});
