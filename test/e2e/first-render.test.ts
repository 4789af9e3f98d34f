import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, DEMO_PASSWORD, launch, newPage } from './browser.js';

/**
 * The server's first render of "my offers" and the guide list (ADR 0013): the HTML carries the page and its data,
 * in the reader's language, for the signed-in visitor only; the browser takes it over without a hydration error, and
 * the page reacts to input only once it is live (inert before).
 */
const GUIDE = 'lotsin@hannover.example';
const ARABIC_GUIDE = 'lotse04@hannover.example';
const COORDINATOR = 'koordination@hannover.example';
const OTHER_OFFICE = 'koordination@osnabrueck.example';

/** Signs in; with `locale`, the account's language is set first (other tests change the demo accounts' language). */
async function signIn(page: Page, email: string, locale?: string) {
  const res = await page.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  if (!locale) return;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const patched = await page.request.patch('/api/v1/me', { data: { locale }, headers: { 'x-csrf-token': csrfToken } });
  expect(patched.status()).toBe(200);
}

/** The page as the server sends it (the page's cookies), before any script has run. */
async function serverHtml(page: Page, path: string) {
  const res = await page.request.get(path);
  expect(res.status()).toBe(200);
  return { html: await res.text(), cacheControl: res.headers()['cache-control'] };
}

const renderedState = (html: string) => {
  const match = html.match(/<script type="application\/json" id="ssr-state">([\s\S]*?)<\/script>/);
  return match
    ? (JSON.parse(match[1] as string) as {
        locale: string;
        screen: string;
        queries: { queries: { queryKey: unknown[] }[] };
      })
    : null;
};

/**
 * Counts the page headings taken out of the document, from before the first script runs: when React cannot hydrate the
 * server's HTML, it throws the page away and renders it again, and the heading goes with it. Taking the page over
 * leaves it in place. (React's production build says nothing about such a mismatch.)
 */
const COUNT_REMOVED_HEADINGS = `window.__headingsRemoved = 0;
new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.removedNodes)
      if (node.nodeType === 1 && (node.matches('h1') || node.querySelector('h1'))) window.__headingsRemoved++;
}).observe(document, { childList: true, subtree: true });`;

/** Records what the page's Content Security Policy blocked or reported (zod's eval probe was one). */
const RECORD_CSP_VIOLATIONS = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`;

/** Opens the page once its content is in, waits until it is live, and tells how many headings were taken out. */
async function headingsRemovedGoingLive(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await expect
    .poll(() => page.evaluate(() => document.getElementById('root')?.hasAttribute('inert')), { timeout: 15_000 })
    .toBe(false);
  return page.evaluate(() => (window as unknown as { __headingsRemoved: number }).__headingsRemoved);
}

const ANDROID_PHONE =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe.runIf(browserAvailable())('first render on the server', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a guide on a phone gets "my offers" as HTML with the offer in it; the page goes live without an error', async () => {
    const { page, context, errors } = await newPage(browser, { mobile: true });
    await signIn(page, GUIDE, 'de');
    const offers = (await (await page.request.get('/api/v1/me/offers')).json()) as {
      items: { id: string; requestTitle: string; status: string }[];
    };
    const first = offers.items[0];
    if (!first) throw new Error('the demo guide has no offers');

    const { html, cacheControl } = await serverHtml(page, '/my/offers');
    expect(html).toContain('data-ssr');
    expect(html).toContain('<div id="root" inert aria-busy="true">');
    expect(html).toContain(first.requestTitle);
    expect(cacheControl).toBe('no-store');
    expect(renderedState(html)?.locale).toBe('de');

    await page.goto('/my/offers');
    // Live: the root is no longer inert, and a tap on the offer opens it in the app.
    await expect
      .poll(() => page.evaluate(() => document.getElementById('root')?.hasAttribute('inert')), { timeout: 15_000 })
      .toBe(false);
    expect(await page.evaluate(() => document.getElementById('root')?.getAttribute('aria-busy'))).toBeNull();
    await page.getByRole('link', { name: first.requestTitle }).first().click();
    await page.waitForURL(new RegExp(`/my/offers/${first.id}$`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an Arabic-speaking guide gets the page right-to-left in Arabic from the server', async () => {
    const { page, context, errors } = await newPage(browser, { mobile: true, locale: 'ar' });
    await signIn(page, ARABIC_GUIDE, 'ar');
    const { html } = await serverHtml(page, '/my/offers');
    expect(html).toMatch(/<html lang="ar" dir="rtl" data-ssr>/);
    expect(html).toContain('عروضي');
    await page.goto('/my/offers');
    await expect
      .poll(() => page.evaluate(() => document.getElementById('root')?.hasAttribute('inert')), { timeout: 15_000 })
      .toBe(false);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'عروضي' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the guide list carries the visitor's own office only; a guide and a stranger get no list at all", async () => {
    const hannover = await newPage(browser);
    await signIn(hannover.page, COORDINATOR, 'de');
    const ownGuides = (await (await hannover.page.request.get('/api/v1/guides?limit=5')).json()) as {
      items: { lastName: string }[];
    };
    const hannoverName = ownGuides.items[0]?.lastName;
    if (!hannoverName) throw new Error('no Hannover guides in the demo');
    const own = await serverHtml(hannover.page, '/guides');
    expect(own.html).toContain(hannoverName);
    expect(renderedState(own.html)?.queries.queries.some((q) => q.queryKey[0] === 'guides')).toBe(true);
    // A desktop gets the table; the browser takes the server's page over instead of rendering it again.
    expect(renderedState(own.html)?.screen).toBe('desktop');
    expect(own.html).toContain('<table');
    await hannover.context.addInitScript({ content: COUNT_REMOVED_HEADINGS });
    await hannover.context.addInitScript({ content: RECORD_CSP_VIOLATIONS });
    // Typing goes to the live page: the search filters the list (a letter typed into the inert page would be lost).
    expect(await headingsRemovedGoingLive(hannover.page, '/guides')).toBe(0);
    expect(await hannover.page.locator('main table').count()).toBe(1);
    await hannover.page.getByLabel(/^Suche/).fill(hannoverName);
    await hannover.page.waitForURL(/[?&]q=/);
    // Nothing the app loaded ran into its own CSP (zod once probed `new Function` on every page with schemas).
    expect(
      await hannover.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    ).toEqual([]);
    expect(hannover.errors).toEqual([]);

    // A coordinator on a phone (its browser says so) gets the cards, and keeps them once the page is live.
    const phone = await newPage(browser, { mobile: true, userAgent: ANDROID_PHONE });
    await signIn(phone.page, COORDINATOR);
    const cards = await serverHtml(phone.page, '/guides');
    expect(renderedState(cards.html)?.screen).toBe('phone');
    expect(cards.html).not.toContain('<table');
    expect(cards.html).toContain(hannoverName);
    await phone.context.addInitScript({ content: COUNT_REMOVED_HEADINGS });
    expect(await headingsRemovedGoingLive(phone.page, '/guides')).toBe(0);
    expect(await phone.page.locator('main table').count()).toBe(0);
    expect(phone.errors).toEqual([]);

    const osnabrueck = await newPage(browser);
    await signIn(osnabrueck.page, OTHER_OFFICE);
    const other = await serverHtml(osnabrueck.page, '/guides');
    expect(other.html).toContain('data-ssr');
    expect(other.html).not.toContain(hannoverName);
    expect(other.html).not.toContain('Koordinierungsstelle Integrationslots:innen Hannover');

    const guide = await newPage(browser);
    await signIn(guide.page, GUIDE);
    const forbidden = await serverHtml(guide.page, '/guides');
    expect(forbidden.html).not.toContain(hannoverName);
    expect(renderedState(forbidden.html)?.queries.queries.some((q) => q.queryKey[0] === 'guides') ?? false).toBe(false);

    const stranger = await newPage(browser);
    const shell = await serverHtml(stranger.page, '/guides');
    expect(shell.html).not.toContain('ssr-state');
    expect(shell.html).toContain('<div id="root"></div>');

    for (const session of [hannover, phone, osnabrueck, guide, stranger]) await session.context.close();
  });
});
