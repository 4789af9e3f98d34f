import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Locale } from '../../src/shared/enums.js';
import { axeViolations } from './axe.js';

export const DEMO_PASSWORD = 'lotsen-demo-2026';
/** This worker's server: vitest numbers its workers 1 … maxWorkers, and the global setup started one server each. */
function server() {
  const servers = inject('e2eServers');
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  return servers[(worker - 1) % servers.length] as { baseUrl: string; mailDir: string };
}
export const baseUrl = () => server().baseUrl;
/** The demo mailbox of this worker's server: every mail it sent, as .eml files. */
export const mailDir = () => server().mailDir;
/** False only on a developer machine without Chromium (the global setup printed a loud warning). */
export const browserAvailable = () => Boolean(inject('chromiumPath'));

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page that fails the test on console errors and uncaught exceptions (Epic Stack style). */
export async function newPage(
  browser: Browser,
  options: { locale?: string; mobile?: boolean; serviceWorker?: boolean; userAgent?: string } = {},
) {
  const context: BrowserContext = await browser.newContext({
    userAgent: options.userAgent,
    // The service worker (offline copies, the app shell) only where a test is about it (offline.test.ts): requests
    // it answers bypass page.route, which other tests use to cut the connection.
    serviceWorkers: options.serviceWorker ? 'allow' : 'block',
    baseURL: baseUrl(),
    locale: options.locale ?? 'de-DE',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    // No fades: axe measures contrast on the final colours, not halfway through a dialog's transition.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // 401 from /me before login is expected and logged by the browser as a failed resource.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors };
}

/**
 * Opens a page and waits until it takes input. A page the server rendered (ADR 0013: "my offers", the guide list) is
 * on screen before its scripts run and stays inert until the browser has taken it over; what a test typed or read
 * before that would be lost or stale.
 */
export async function gotoLive(page: Page, path: string) {
  await page.goto(path);
  await page.locator('#root[inert]').waitFor({ state: 'detached', timeout: 15_000 });
}

export async function loginAs(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel(/E-Mail/i).fill(email);
  await page.getByLabel(/Passwort/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Anmelden/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * The PostgreSQL pass of CI (`.ci/run` step 7) sets E2E_AXE=off: the pages render the same on either database and
 * were checked by axe in step 5, so the second pass checks the flows only. Nothing else turns axe off.
 */
export const axeEnabled = () => process.env.E2E_AXE !== 'off';

/** Fails the test with every axe finding (WCAG 2.2 A/AA, experimental rules included) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label: string) {
  if (!axeEnabled()) return;
  expect(await axeViolations(page), `axe violations on ${label}`).toEqual([]);
}

/**
 * Puts the signed-in user's UI into a language through the API (PATCH /me) and the device setting, so a test does
 * not depend on what an earlier test chose for the same demo account.
 */
export async function setLocale(page: Page, locale: Locale) {
  await page.evaluate(async (target) => {
    const me = await (await fetch('/api/v1/me')).json();
    await fetch('/api/v1/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ locale: target }),
    });
    localStorage.setItem('lotsennetz.locale', target);
  }, locale);
  await page.reload();
  await page.waitForFunction((target) => document.documentElement.lang === target, locale);
}
