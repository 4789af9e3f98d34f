import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/shared/enums.js';
import { browserAvailable, expectNoAxeViolations, gotoLive, launch, loginAs, newPage, setLocale } from './browser.js';
import { api } from './flows.js';

const COORDINATOR = 'koordination@hannover.example';

describe.runIf(browserAvailable())('foundation in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator creates a guide, finds them through the filters, edits them and sees the audit entry', async () => {
    const { page, errors, context } = await newPage(browser);
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'de');
    const lastName = `Testfrau${Date.now().toString(36)}`;

    await page.goto('/guides/new');
    await page.getByLabel(/^Vorname/).fill('Nadia');
    await page.getByLabel(/^Nachname/).fill(lastName);
    await page.getByRole('button', { name: 'Lots:in anlegen' }).click();
    await page.waitForURL(/\/guides\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toContain(lastName);

    await gotoLive(page, '/guides');
    await page.getByLabel(/^Suche/).fill(lastName);
    const link = page.getByRole('link', { name: new RegExp(lastName) }).first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/guides\/[0-9a-f-]{36}$/);

    await page
      .getByRole('link', { name: /Bearbeiten/ })
      .first()
      .click();
    await page.getByLabel(/^Telefon/).fill('+49 511 555 7788');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('+49 511 555 7788').first().waitFor();

    await page.goto('/audit');
    await page.getByRole('table').waitFor();
    const auditText = await page.getByRole('table').textContent();
    expect(auditText).toMatch(/Telefon/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('switches to Arabic and lays the page out right-to-left', async () => {
    const { page, errors, context } = await newPage(browser);
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'de');
    await page.getByRole('button', { name: /Sprache wählen/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir), { timeout: 10_000 }).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await gotoLive(page, '/guides');
    await page.getByRole('table').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(page, 'guides (ar)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the demo has a guide account for every UI language, and the Persian one signs in to a right-to-left page', async () => {
    const { page, errors, context } = await newPage(browser);
    await loginAs(page, COORDINATOR);
    const users = (await api<{ items: { email: string; role: string; locale: string }[] }>(page, 'GET', '/users')).json
      .items;
    const guides = users.filter((u) => u.role === 'guide');
    expect([...new Set(guides.map((u) => u.locale))].sort()).toEqual([...LOCALES].sort());
    const persian = guides.find((u) => u.locale === 'fa')?.email as string;
    await context.close();

    const guide = await newPage(browser, { mobile: true });
    await loginAs(guide.page, persian);
    await expect.poll(() => guide.page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe('fa');
    expect(await guide.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await guide.page.getByRole('heading', { level: 1 }).first().waitFor();
    // The heading is Persian, in Arabic script.
    expect(await guide.page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/[\u0600-\u06ff]/);
    expect([...errors, ...guide.errors]).toEqual([]);
    await guide.context.close();
  });
  // The axe walk over every page, role and language is test/e2e/axe.test.ts.
});
