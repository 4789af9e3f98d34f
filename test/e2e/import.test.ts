import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { COORDINATOR, signedIn, visit } from './flows.js';

/** Issue 10 §5: a coordinator moves guides in from a CSV file through the wizard, on a desktop and on a phone in RTL. */
const stamp = Date.now().toString(36);
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
const header = ['Vorname', 'Nachname', 'E-Mail', 'Sprachen', 'Wohnbezirk'];
const badFile = csv([
  header,
  ['Hala', `Importtest ${stamp}`, `hala-${stamp}@test.example`, 'Klingonisch', 'Mitte'],
  ['Tarek', `Importtest ${stamp}`, 'keine-adresse', 'ar', 'Atlantis'],
]);
const goodFile = csv([
  header,
  ['Hala', `Importtest ${stamp}`, `hala-${stamp}@test.example`, 'Arabisch (Muttersprache)', 'Mitte'],
  ['Tarek', `Importtest ${stamp}`, `tarek-${stamp}@test.example`, 'Farsi, Deutsch (B2)', 'Linden-Limmer'],
]);

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

describe.runIf(browserAvailable())('import wizard in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the errors of a bad file one line each, imports a good one, and the guides appear in the list', async () => {
    const { page, errors } = await signedIn(browser, COORDINATOR);
    await visit(page, '/guides');
    await page.getByRole('link', { name: 'Importieren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import aus Excel' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Lots:innen' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'import: upload step');

    await upload(page, 'lotsinnen.csv', badFile);
    await page.getByRole('button', { name: 'Datei lesen' }).click();
    await page.getByText('Wählen Sie für jedes Feld die Spalte Ihrer Datei.', { exact: false }).waitFor();
    expect(await page.locator('input#imp-mapping-languages').inputValue()).toBe('Sprachen');
    await expectNoAxeViolations(page, 'import: mapping step');
    await page.getByRole('button', { name: 'Prüfen' }).click();

    const table = page.getByRole('table', { name: 'Fehler in der Datei' });
    await table.waitFor();
    const lines = await table.locator('tbody tr').allInnerTexts();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2\s+Sprachen\s+Unbekannte Sprache/);
    expect(lines[1]).toMatch(/^3\s+E-Mail\s+Bitte eine gültige E-Mail-Adresse/);
    expect(lines[2]).toMatch(/^3\s+Wohnbezirk\s+/);
    expect(await page.getByRole('button', { name: 'Jetzt importieren' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'import: preview with errors');

    await page.getByRole('button', { name: 'Andere Datei hochladen' }).click();
    await upload(page, 'lotsinnen.csv', goodFile);
    await page.getByRole('button', { name: 'Datei lesen' }).click();
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByText('2 Zeilen: 2 neu, 0 geändert, 0 unverändert, 0 mit Fehlern').waitFor();
    expect(await page.getByRole('table', { name: 'Fehler in der Datei' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Jetzt importieren' }).click();
    await page.getByRole('heading', { name: 'Import abgeschlossen' }).waitFor();
    await page.getByText('2 neu angelegt, 0 geändert, 0 unverändert.').waitFor();
    await expectNoAxeViolations(page, 'import: result');

    await page.getByRole('link', { name: 'Zur Liste der Lots:innen' }).click();
    await page.getByRole('searchbox', { name: /Suche/ }).fill(`Importtest ${stamp}`);
    await page.getByRole('link', { name: /Hala/ }).first().waitFor();
    await page.getByRole('link', { name: /Tarek/ }).first().waitFor();
    expect(errors).toEqual([]);
  }, 180_000);

  it('works on a phone in Arabic (RTL), where the errors are one card each', async () => {
    const session = await newPage(browser, { mobile: true });
    await loginAs(session.page, COORDINATOR);
    await setLocale(session.page, 'ar');
    const page = session.page;
    await visit(page, '/import?kind=guides');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectNoAxeViolations(page, 'import upload (phone, ar)');
    await upload(page, 'guides.csv', badFile);
    await page.getByRole('button', { name: 'قراءة الملف' }).click();
    await page.getByRole('button', { name: 'تحقق' }).click();
    const cards = page.getByRole('list', { name: 'أخطاء في الملف' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'import preview (phone, ar)');
    await setLocale(page, 'de');
    expect(session.errors).toEqual([]);
  }, 120_000);
});
