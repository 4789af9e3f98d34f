import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES as ALL_LOCALES } from '../../src/shared/enums.js';
import ar from '../../src/shared/i18n/ar.json' with { type: 'json' };
import de from '../../src/shared/i18n/de.json' with { type: 'json' };
import { axeFor } from './axe.js';
import { axeEnabled, browserAvailable, launch, loginAs, newPage, setLocale } from './browser.js';

/**
 * Every page of the SPA, for every role, in German and in Arabic (RTL), with the central dialogs open, checked by
 * axe against WCAG 2.0/2.1/2.2 A and AA including the experimental rules (label in name, issue #6); the other five
 * UI languages on a sample of pages. One signed-in
 * context per role and language; all findings are collected and reported together.
 */
const ACCOUNTS = {
  coordinator: 'koordination@hannover.example',
  guide: 'lotsin@hannover.example',
  partner: 'awo@hannover.example',
  admin: 'admin@lotsennetz.example',
  // The Land view (issue 13 §3): its navigation offers /land.
  funder: 'land@lotsennetz.example',
} as const;
type Role = keyof typeof ACCOUNTS;
const LOCALES = ['de', 'ar'] as const;
type Locale = (typeof LOCALES)[number];
const catalogue = { de, ar } as const;
/** Tabs walked at once per signed-in context (AXE_TABS=1 walks one page at a time, for debugging). */
const AXE_TABS = Number(process.env.AXE_TABS ?? 2);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json().catch(() => null);
    },
    { method, path, body },
  );
}
const firstId = async (page: Page, path: string) =>
  (await api<{ items: { id: string }[] }>(page, 'GET', path)).items[0]?.id as string | undefined;

/**
 * Waits until the page has its heading and nothing is loading any more: the top loading bar is there exactly while
 * a page's code or any query is loading, and skeletons are marked aria-busy.
 */
async function settled(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.top-progress, [aria-busy="true"]'));
}

/** The tabs that have loaded the app in this walk, and the signed-in contexts: later pages open inside it (`open`). */
const loaded = new WeakSet<Page>();
const signedIn = new WeakSet<BrowserContext>();
/** No route has this path: the app's not-found page stands between two pages of the walk. */
const BETWEEN = '/axe-walk-between';

/**
 * Opens a page. A tab's first page is loaded; every later one is opened inside the running app, as a user's click
 * does (the router follows the history), which spares a full load of the app per page. The not-found page in between
 * makes sure that the heading waited for is the new page's, also where two paths share one component (the settings
 * tabs). The not-found page is for signed-in users only, so a visitor's pages are loaded, as is the walk's own path
 * that no route has.
 */
async function open(page: Page, path: string) {
  if (!signedIn.has(page.context()) || !loaded.has(page) || path === '/does-not-exist') {
    await page.goto(path);
    loaded.add(page);
    return;
  }
  const go = (to: string) =>
    page.evaluate((target) => {
      history.pushState(null, '', target);
      dispatchEvent(new PopStateEvent('popstate'));
    }, to);
  await go(BETWEEN);
  await page.waitForFunction(
    (between) => location.pathname === between && document.querySelector('[data-page="not-found"] h1'),
    BETWEEN,
  );
  await page.evaluate(() => {
    for (const heading of document.querySelectorAll('h1')) heading.setAttribute('data-axe-left', '');
  });
  await go(path);
  await page.locator('h1:not([data-axe-left])').first().waitFor();
}

describe.runIf(browserAvailable() && axeEnabled())(
  'axe, WCAG 2.1 A/AA with the experimental rules, on every page',
  () => {
    let browser: Browser;
    const findings: string[] = [];
    /** Labels of the pages checked, so the test can tell that the walk reached the navigation's pages at all. */
    const visited: string[] = [];
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('the checker itself finds planted faults, an experimental rule among them', async () => {
      const { page, context } = await newPage(browser);
      await page.setContent(
        `<html lang="de"><body><main><h1>Probe</h1><img src="/favicon.svg">
        <p style="color:#bbb;background:#fff">kaum lesbar</p>
        <button aria-label="Löschen">Speichern</button></main></body></html>`,
      );
      const ids = (await axeFor(page).analyze()).violations.map((v) => v.id);
      await context.close();
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'label-content-name-mismatch']));
    });

    async function check(page: Page, label: string) {
      const result = await axeFor(page).analyze();
      for (const v of result.violations)
        for (const node of v.nodes.slice(0, 4))
          findings.push(`${label}: ${v.id} (${v.impact}) ${node.target.join(' ')} ${node.html.slice(0, 200)}`);
    }
    async function visit(page: Page, path: string, label: string) {
      const started = Date.now();
      visited.push(label);
      await open(page, path);
      await settled(page);
      const shown = Date.now();
      await check(page, label);
      if (process.env.AXE_DEBUG) console.log(label, `load ${shown - started} ms, axe ${Date.now() - shown} ms`);
    }

    /**
     * Visits the paths in `tabs` tabs of one signed-in context at once, each taking the next path when it is done:
     * axe's work runs in the tab's renderer, so a second tab uses the second core while the first one analyses.
     */
    async function visitAll(first: Page, paths: string[], label: (path: string) => string, tabs = AXE_TABS) {
      const pages = [first];
      for (let i = 1; i < Math.min(tabs, paths.length); i++) pages.push(await first.context().newPage());
      const queue = [...paths];
      await Promise.all(
        pages.map(async (page) => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) await visit(page, path, label(path));
        }),
      );
      for (const extra of pages.slice(1)) await extra.close();
    }

    /** The pages the navigation offers the role, plus the detail, form and not-found pages behind them. */
    async function pagesOf(page: Page, role: Role): Promise<string[]> {
      // The navigation renders after /me answers: wait for it, or the walk would miss every page it offers.
      await page.locator('#main-navigation a[href^="/"]').first().waitFor({ state: 'attached' });
      const nav = await page
        .locator('#main-navigation a[href^="/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') as string));
      const extra: (string | undefined)[] = [];
      if (role === 'coordinator') {
        const guide = await firstId(page, '/guides?limit=1');
        const partner = await firstId(page, '/partners?limit=1');
        const request = await firstId(page, '/requests?limit=1');
        const assignment = await firstId(page, '/assignments?status=active&limit=1');
        const applicant = await firstId(page, '/applicants?status=conversation_held&limit=1');
        const course =
          (await firstId(page, '/courses?limit=1')) ??
          (
            await api<{ id: string }>(page, 'POST', '/courses', {
              title: 'Basisqualifizierung (axe)',
              type: 'basic',
              teachingUnits: 8,
              capacity: 10,
              status: 'open',
            })
          ).id;
        const message = await firstId(page, '/messages?limit=1');
        extra.push(
          '/recruitment',
          '/recognition',
          '/calendar/groups',
          '/messages/new',
          message && `/messages/${message}`,
          applicant && `/recruitment/${applicant}`,
          `/courses/${course}`,
          `/guides/${guide}`,
          `/guides/${guide}/edit`,
          `/guides/${guide}/hours`,
          '/guides/new',
          `/partners/${partner}`,
          `/partners/${partner}/edit`,
          '/partners/new',
          `/requests/${request}`,
          `/requests/${request}/edit`,
          '/requests/new',
          `/assignments/${assignment}`,
          '/import',
          '/expenses/payouts',
          ...[
            'districts',
            'fields',
            'specializations',
            'consent',
            'courses',
            'funding',
            'hours',
            'reminders',
            'payouts',
            'directory',
            'accounts',
          ].map((tab) => `/settings/${tab}`),
          '/does-not-exist',
        );
      }
      if (role === 'guide') {
        const offer = await firstId(page, '/me/offers');
        const assignment = await firstId(page, '/assignments?limit=1');
        // Last month's time sheet (returned with a comment in the demo) besides this month's in the navigation.
        const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
          .toISOString()
          .slice(0, 7);
        const claims = await api<{ items: { id: string; status: string }[] }>(page, 'GET', '/me/expense-claims');
        const returned = claims.items.find((c) => c.status === 'returned')?.id;
        const message = await firstId(page, '/me/messages');
        extra.push(
          offer && `/my/offers/${offer}`,
          message && `/my/messages/${message}`,
          assignment && `/assignments/${assignment}`,
          '/my/expenses/new',
          returned && `/my/expenses/${returned}/edit`,
          `/my/hours/${lastMonth}`,
          '/my/statements',
        );
      }
      if (role === 'partner') {
        const request = await firstId(page, '/requests?limit=1');
        const assignment = await firstId(page, '/assignments?limit=1');
        extra.push(request && `/requests/${request}`, '/requests/new', assignment && `/assignments/${assignment}`);
      }
      // Every role's notification preferences (the centre is in every navigation).
      extra.push('/me/notifications');
      return [...new Set([...nav, ...extra.filter((p): p is string => Boolean(p))])];
    }

    /** The offer dialog, the close confirmation and the agreement editor and history. */
    async function dialogs(page: Page, locale: Locale) {
      const t = catalogue[locale];
      const partnerId = await firstId(page, '/partners?limit=1');
      const districtId = await firstId(page, '/districts');
      // A fresh request, so candidates can be offered whatever earlier tests did with the seeded ones.
      const request = await api<{ id: string }>(page, 'POST', '/requests', {
        partnerId,
        title: `axe ${locale} ${Date.now().toString(36)}`,
        field: 'authorities',
        type: 'accompaniment',
        description: 'Gemeinsam Unterlagen sortieren und zum Termin begleiten.',
        districtId,
        startsOn: day(0),
        endsOn: day(60),
        frequency: 'weekly',
        expectedHours: 4,
        minorsInvolved: false,
        person: {
          initials: 'A. X.',
          ageGroup: 'adult',
          languages: ['de'],
          household: 'individual',
          consentGiven: true,
        },
      });
      await page.goto(`/requests/${request.id}`);
      await settled(page);
      await page.locator('.candidate-card input[type=checkbox]:not([disabled])').first().check();
      await page.locator('.selection-bar button').last().click();
      await page.getByRole('dialog').locator('textarea').first().waitFor();
      await check(page, `offer dialog (${locale})`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      const assignment = await firstId(page, '/assignments?status=active&limit=1');
      await page.goto(`/assignments/${assignment}`);
      await settled(page);
      await page.getByRole('button', { name: t.assignments.startClose }).click();
      await page.locator('input[type=radio][value=goal_reached]').check();
      await page.getByRole('button', { name: t.assignments.closeReview }).click();
      await page.getByRole('dialog').waitFor();
      await check(page, `close confirmation (${locale})`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.locator('button[aria-controls="agreement-versions"]').click();
      await page.locator('#agreement-versions li').first().waitFor();
      await check(page, `agreement versions (${locale})`);
      await page.locator('#asg-agreement').locator('xpath=ancestor::section').locator('button').first().click();
      await page.getByRole('dialog').locator('textarea').first().waitFor();
      await check(page, `agreement editor (${locale})`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // A field of action's names per language (issue 14 §1): one input per language, right to left where typed so.
      await page.goto('/settings/fields');
      await settled(page);
      await page.locator('table button').first().click();
      await page.getByRole('dialog').locator('input[lang=ar]').fill('السكن');
      await check(page, `field names per language (${locale})`);
    }

    async function walkPublic(locale: Locale) {
      const anonymous = await newPage(browser);
      await anonymous.context.addInitScript((l) => localStorage.setItem('lotsennetz.locale', l), locale);
      const paths = [
        '/login',
        '/forgot-password',
        '/privacy',
        '/invitation/not-a-valid-token-000000000000',
        '/reset-password/not-a-valid-token-000000000000',
        '/offers/answer/not-a-real-token-0000000000000000?answer=accept',
        '/volunteer/hannover',
        '/verify',
        '/verify/ABCDEFGHJK',
        '/directory',
        '/directory/hannover',
        '/volunteer/confirm/not-a-valid-token-000000000000',
      ];
      await visitAll(anonymous.page, paths, (path) => `${path} (${locale})`);
      await anonymous.context.close();
    }

    async function walkRole(role: Role, locale: Locale) {
      const { page, context } = await newPage(browser);
      await loginAs(page, ACCOUNTS[role]);
      await setLocale(page, locale);
      signedIn.add(context);
      await visitAll(page, await pagesOf(page, role), (path) => `${path} (${locale}, ${role})`);
      if (role === 'coordinator') await dialogs(page, locale);
      await context.close();
    }

    // One test per language and role, so each has its own time limit and a slow machine reports what it checked.
    // AXE_LOCALE=ar, AXE_ROLE=partner (or public) and AXE_DEBUG=1 narrow the walk and log each page.
    const walks = LOCALES.filter((l) => !process.env.AXE_LOCALE || l === process.env.AXE_LOCALE).flatMap((locale) =>
      (['public', ...Object.keys(ACCOUNTS)] as ('public' | Role)[])
        .filter((who) => !process.env.AXE_ROLE || who === process.env.AXE_ROLE)
        .map((who) => [locale, who] as const),
    );
    it.each(walks)(
      'finds nothing in %s for %s',
      async (locale, who) => {
        findings.length = 0;
        visited.length = 0;
        if (who === 'public') await walkPublic(locale);
        else await walkRole(who, locale);
        expect(findings).toEqual([]);
        expect(visited.length).toBeGreaterThan(0);
        if (who === 'coordinator')
          expect(visited).toEqual(
            expect.arrayContaining([`/guides (${locale}, coordinator)`, `/requests (${locale}, coordinator)`]),
          );
      },
      600_000,
    );

    // The other five languages on a sample: the pages every guide and coordinator sees first, in each script
    // (Persian right to left, Cyrillic, Turkish Latin), so a translation that breaks a label shows here.
    const SAMPLE_LOCALES = ALL_LOCALES.filter((l) => !(LOCALES as readonly string[]).includes(l));
    it.each(SAMPLE_LOCALES.filter((l) => !process.env.AXE_LOCALE || l === process.env.AXE_LOCALE))(
      'finds nothing on a sample of pages in %s',
      async (locale) => {
        findings.length = 0;
        visited.length = 0;
        const anonymous = await newPage(browser, { mobile: true });
        await anonymous.page.addInitScript((l) => localStorage.setItem('lotsennetz.locale', l), locale);
        await visit(anonymous.page, '/login', `/login (${locale})`);
        await anonymous.context.close();
        for (const [role, mobile] of [
          ['coordinator', false],
          ['guide', true],
        ] as const) {
          const { page, context } = await newPage(browser, { mobile });
          await loginAs(page, ACCOUNTS[role]);
          await setLocale(page, locale);
          signedIn.add(context);
          const request = role === 'coordinator' ? await firstId(page, '/requests?limit=1') : undefined;
          const paths = role === 'coordinator' ? ['/', '/guides', `/requests/${request}`] : ['/', '/my/offers'];
          for (const path of paths) await visit(page, path, `${path} (${locale}, ${role})`);
          await context.close();
        }
        expect(findings).toEqual([]);
        expect(visited).toHaveLength(6);
      },
      300_000,
    );
  },
);
