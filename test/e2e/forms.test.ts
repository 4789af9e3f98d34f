import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, loginAs, newPage, setLocale } from './browser.js';

const COORDINATOR = 'koordination@hannover.example';
const PARTNER = 'awo@hannover.example';
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'lotsennetz-forms-shots');

const summary = (page: Page) => page.getByTestId('error-summary');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe.runIf(browserAvailable())('forms in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an empty request form lists every mistake in a focused summary whose links lead to the fields', async () => {
    const { page, errors, context } = await newPage(browser);
    await loginAs(page, PARTNER);
    await setLocale(page, 'de');
    await page.goto('/requests/new');
    await page.getByRole('button', { name: 'Anfrage absenden' }).click();

    const box = summary(page);
    await box.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('error-summary');
    expect(await box.getAttribute('role')).toBe('alert');
    const heading = (await box.getByRole('heading').textContent()) ?? '';
    expect(heading).toMatch(/^Bitte korrigieren Sie \d+ Angaben$/);
    await box.screenshot({ path: join(SHOTS, 'error-summary-de.png') });
    await page.screenshot({ path: join(SHOTS, 'request-form-de.png') });
    const links = box.getByRole('link');
    const count = Number(heading.match(/\d+/)?.[0]);
    expect(await links.count()).toBe(count);

    const text = (await box.textContent()) ?? '';
    // Plain words, with the field's label, never "Mindestens 1 Einträge." or "Mindestens 0.5.".
    expect(text).toContain('Sprachen der Person – Bitte mindestens eine Sprache der Person angeben.');
    expect(text).toContain('Kurztitel – Bitte geben Sie einen kurzen Titel an.');
    expect(text).toContain('Bitte einen Umfang von mindestens einer halben Stunde angeben.');
    expect(text).toContain('Bitte wählen Sie einen Stadtbezirk aus.');
    expect(text).not.toMatch(/Mindestens \d|Einträge|Pflichtfeld/);

    await box.getByRole('link', { name: /^Kurztitel –/ }).click();
    expect(await focusedId(page)).toBe('rf-title');
    await box.getByRole('link', { name: /^Sprachen der Person –/ }).click();
    expect(await focusedId(page)).toBe('rf-person-languages');
    // A radio group takes focus at its first choice.
    await box.getByRole('link', { name: /^Art der Unterstützung –/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');

    // Fixing a field takes its entry out of the summary.
    await page.locator('#rf-title').fill('Begleitung zum Amt');
    await expect.poll(() => box.getByRole('link').count()).toBe(count - 1);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a family of one is refused in the form, and the language search finds Persisch by "Farsi"', async () => {
    const { page, errors, context } = await newPage(browser);
    await loginAs(page, PARTNER);
    await setLocale(page, 'de');
    await page.goto('/requests/new');

    await page.getByRole('radio', { name: 'Familie' }).check();
    const size = page.locator('#rf-person-householdSize');
    // The size is asked for, not carried over as "1".
    expect(await size.inputValue()).toBe('');
    await size.fill('1');
    await page.getByRole('button', { name: 'Anfrage absenden' }).click();
    const box = summary(page);
    await box.waitFor();
    expect(await box.textContent()).toContain(
      'Personen im Haushalt – Bitte geben Sie an, wie viele Personen zur Familie gehören (mindestens 2).',
    );
    await box.getByRole('link', { name: /^Personen im Haushalt –/ }).click();
    expect(await focusedId(page)).toBe('rf-person-householdSize');
    await size.fill('3');
    await expect.poll(() => box.textContent()).not.toContain('Personen im Haushalt');

    const languages = page.locator('#rf-person-languages');
    await languages.click();
    await languages.fill('Farsi');
    await expect.poll(() => page.getByRole('option', { name: 'Persisch' }).isVisible()).toBe(true);
    expect(await page.getByRole('option').allTextContents()).not.toContain('Deutsch');
    await languages.fill('Kurmanci');
    await expect.poll(() => page.getByRole('option', { name: 'Kurdisch (Kurmandschi)' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('an empty guide form shows the summary; in Arabic it reads right to left', async () => {
    const { page, errors, context } = await newPage(browser);
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'de');
    await page.goto('/guides/new');
    await page.getByRole('button', { name: 'Lots:in anlegen' }).click();
    const box = summary(page);
    await box.waitFor();
    expect(await box.getByRole('heading').textContent()).toBe('Bitte korrigieren Sie 2 Angaben');
    expect(await box.textContent()).toContain('Vorname – Bitte geben Sie den Vornamen an.');
    await box.getByRole('link', { name: /^Nachname –/ }).click();
    expect(await focusedId(page)).toBe('gf-lastName');
    // The guide's consent to share contact details with partners is part of the form.
    expect(await page.getByRole('radio', { name: 'Telefonnummer weitergeben' }).count()).toBe(1);

    await setLocale(page, 'ar');
    await page.goto('/requests/new');
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    const arBox = summary(page);
    await arBox.waitFor();
    expect(await arBox.getByRole('heading').textContent()).toMatch(/^يرجى تصحيح/);
    expect(await arBox.textContent()).toContain('يرجى ذكر لغة واحدة على الأقل يتحدثها الشخص.');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await arBox.screenshot({ path: join(SHOTS, 'error-summary-ar.png') });
    await page.screenshot({ path: join(SHOTS, 'request-form-ar.png') });
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
