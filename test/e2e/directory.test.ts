import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, expectNoAxeViolations, launch, newPage } from './browser.js';
import { COORDINATOR, signedIn, visit } from './flows.js';

/**
 * Issue 13 §4: the public directory of guide projects, read without signing in on a phone and a desktop, in German
 * and in Arabic (RTL): the map is an inline SVG with a name and the project list as its text equivalent, nothing is
 * requested from another host, no cookie is set, and axe finds nothing. DIRECTORY_SHOTS=<dir> also saves screenshots.
 */
const HANNOVER = 'Koordinierungsstelle Integrationslots:innen Hannover';
const shots = process.env.DIRECTORY_SHOTS;

async function shoot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Every request the page makes, so a test can tell that no third-party host (tiles, fonts) was asked. */
function recordHosts(page: Page) {
  const hosts = new Set<string>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http')) hosts.add(url.host);
  });
  return hosts;
}

describe.runIf(browserAvailable())('the public directory in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const mobile of [true, false]) {
    it(`German, ${mobile ? 'phone' : 'desktop'}: map with a name, list equivalent, office page with the form link`, async () => {
      const { page, context, errors } = await newPage(browser, { mobile });
      if (!mobile) await page.setViewportSize({ width: 1280, height: 900 });
      const hosts = recordHosts(page);
      await visit(page, '/directory');
      await page.getByRole('heading', { level: 1, name: 'Lotsenprojekte finden' }).waitFor();
      const map = page.getByRole('img', { name: /^Karte: Lage der Koordinierungsstellen von 2 Projekten/ });
      await map.waitFor();
      expect(await map.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
      expect(await map.locator('circle').count()).toBe(2);
      // The list names the same projects the map shows.
      const list = page.getByRole('region', { name: 'Alle Projekte' });
      await list.getByRole('link', { name: HANNOVER }).waitFor();
      expect(
        await list
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { level: 3 }) })
          .count(),
      ).toBe(2);
      await expectNoAxeViolations(page, `directory (de, ${mobile ? 'phone' : 'desktop'})`);
      await shoot(page, `directory-de-${mobile ? 390 : 1280}`);

      await list.getByRole('link', { name: HANNOVER }).click();
      await page.getByRole('heading', { level: 1, name: HANNOVER }).waitFor();
      await page.waitForLoadState('networkidle');
      const form = page.getByRole('link', { name: 'Zum Formular „Lotsin oder Lotse werden“' });
      expect(await form.getAttribute('href')).toBe('/volunteer/hannover');
      await page
        .getByRole('region', { name: 'Sprachen der Lots:innen' })
        .getByText(/ca\. \d+/)
        .first()
        .waitFor();
      await expectNoAxeViolations(page, `directory office (de, ${mobile ? 'phone' : 'desktop'})`);
      await shoot(page, `directory-office-de-${mobile ? 390 : 1280}`);
      if (mobile) {
        // Nothing wider than the phone's screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }

      expect([...hosts]).toEqual([new URL(baseUrl()).host]);
      expect(await context.cookies()).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const mobile of [true, false]) {
    it(`Arabic, right to left, ${mobile ? 'phone' : 'desktop'}`, async () => {
      const { page, context, errors } = await newPage(browser, { mobile, locale: 'ar' });
      if (!mobile) await page.setViewportSize({ width: 1280, height: 900 });
      await page.addInitScript(() => localStorage.setItem('lotsennetz.locale', 'ar'));
      await visit(page, '/directory');
      await page.waitForFunction(
        () => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar',
      );
      await page.getByRole('heading', { level: 1, name: 'ابحث عن مشاريع مرشدي الاندماج' }).waitFor();
      await page.getByRole('img', { name: /^خريطة:/ }).waitFor();
      await page.getByRole('region', { name: 'جميع المشاريع' }).getByRole('link', { name: HANNOVER }).waitFor();
      await expectNoAxeViolations(page, `directory (ar, ${mobile ? 'phone' : 'desktop'})`);
      await shoot(page, `directory-ar-${mobile ? 390 : 1280}`);

      await visit(page, '/directory/hannover');
      await page.getByRole('heading', { level: 2, name: 'طلب المساعدة' }).waitFor();
      // The office wrote its description in Arabic too, and the page marks its language.
      expect(await page.locator('p[lang="ar"]').first().textContent()).toMatch(/هانوفر/);
      await page.getByRole('link', { name: 'إلى استمارة «كن مرشدًا أو مرشدة»' }).waitFor();
      await expectNoAxeViolations(page, `directory office (ar, ${mobile ? 'phone' : 'desktop'})`);
      await shoot(page, `directory-office-ar-${mobile ? 390 : 1280}`);
      if (mobile) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('switches language on the public page, and an unlisted address says so', async () => {
    const { page, context } = await newPage(browser);
    await visit(page, '/directory');
    await page.getByRole('button', { name: /Sprache wählen/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find guide projects' }).waitFor();
    await page.getByRole('region', { name: 'All projects' }).waitFor();
    await visit(page, '/directory/kein-solches-buero');
    await page.getByRole('alert').getByText('This project is not in the directory.').waitFor();
    await context.close();
  });

  it("the coordinator finds the office's directory entry in the settings and saves it", async () => {
    const { page, context } = await signedIn(browser, COORDINATOR);
    await visit(page, '/settings/directory');
    await page.getByRole('heading', { level: 2, name: 'Öffentliches Verzeichnis' }).waitFor();
    const listed = page.getByRole('switch', { name: 'Im öffentlichen Verzeichnis erscheinen' });
    expect(await listed.isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Träger' }).inputValue()).toMatch(/Volkshochschule Hannover/);
    await expectNoAxeViolations(page, 'settings → directory');
    await shoot(page, 'settings-directory-de-1366');
    await page.getByRole('button', { name: 'Verzeichniseintrag speichern' }).click();
    await page.getByText('Verzeichniseintrag gespeichert.').waitFor();
    expect((await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).getAttribute('href')) ?? '').toBe(
      '/directory/hannover',
    );
    await context.close();
  });
});
