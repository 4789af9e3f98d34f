/**
 * Screenshots and accessibility checks of every SPA page, for people to look at.
 *
 *   npx tsx scripts/screenshots.ts [baseUrl] [outDir] [--lang=de,ar,…] [--size=desktop,phone] [--only=guides]
 *
 * Without --lang it takes every UI language (LOCALES), at phone and desktop width.
 *
 * Expects a running server with the demo data (`DATA_DIR=/tmp/x PORT=3100 npx tsx src/main.ts start` after
 * `npx vite build`). Writes PNGs and axe-report.json to outDir; exits non-zero when axe finds violations.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { LOCALES } from '../src/shared/enums.js';
import { axeFor } from '../test/e2e/axe.js';
import { COORDINATION_SHOTS, type CoordinationIds, prepareCoordination } from './screenshots-coordination.js';

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const BASE = (positional[0] ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const OUT = positional[1] ?? '/tmp/shots';
const LANGS = option('lang')?.split(',') ?? [...LOCALES];
const SIZES = (option('size') ?? 'desktop,phone').split(',');
const ONLY = option('only');
const PASSWORD = 'lotsen-demo-2026';

const VIEWPORTS: Record<string, { width: number; height: number }> = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
};

type Shot = { name: string; path: string | ((ids: Ids) => string); act?: (page: Page) => Promise<void> };
type Ids = {
  guideId: string;
  partnerId: string;
  ownGuideId: string;
  ownPartnerId: string;
  resetPath: string;
  coordination: CoordinationIds;
};
type Violation = { page: string; id: string; impact: string | null | undefined; help: string; targets: string[] };

const USERS = {
  coordinator: 'koordination@hannover.example',
  guide: 'lotsin@hannover.example',
  partner: 'awo@hannover.example',
  admin: 'admin@lotsennetz.example',
} as const;

const PAGES: Record<keyof typeof USERS | 'anonymous', Shot[]> = {
  anonymous: [
    { name: 'login', path: '/login' },
    { name: 'privacy-notice', path: '/privacy' },
    {
      name: 'login-error',
      path: '/login',
      act: async (page) => {
        await page.locator('input[type=email]').fill('niemand@example.org');
        await page.locator('input[type=password]').fill('falsch-falsch-falsch');
        await page.locator('button[type=submit]').click();
        await page.getByRole('alert').waitFor();
      },
    },
    { name: 'forgot-password', path: '/forgot-password' },
    { name: 'invitation-invalid', path: '/invitation/this-token-does-not-exist-000000' },
    { name: 'reset-password', path: (ids) => ids.resetPath },
  ],
  coordinator: [
    { name: 'home', path: '/' },
    {
      name: 'menu-open',
      path: '/guides',
      act: async (page) => {
        const burger = page.locator('button[aria-controls="main-navigation"]');
        if (await burger.isVisible()) await burger.click();
      },
    },
    { name: 'guides', path: '/guides' },
    { name: 'guides-filtered', path: '/guides?status=active,paused&hasCapacity=true&sort=updatedAt&order=desc' },
    { name: 'guides-empty', path: '/guides?q=zzzzzz-nobody' },
    { name: 'guide-detail', path: (ids) => `/guides/${ids.guideId}` },
    { name: 'guide-edit', path: (ids) => `/guides/${ids.guideId}/edit` },
    { name: 'guide-new', path: '/guides/new' },
    {
      name: 'guide-new-errors',
      path: '/guides/new',
      act: async (page) => {
        await page.locator('input').first().fill('Test');
        await page.locator('input').nth(1).fill('Person');
        await page.locator('input[type=email]').first().fill('not-an-email');
        await page.locator('button[type=submit]').click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    { name: 'partners', path: '/partners' },
    { name: 'partner-detail', path: (ids) => `/partners/${ids.partnerId}` },
    { name: 'partner-edit', path: (ids) => `/partners/${ids.partnerId}/edit` },
    { name: 'settings', path: '/settings' },
    { name: 'settings-districts', path: '/settings/districts' },
    { name: 'settings-fields', path: '/settings/fields' },
    { name: 'settings-specializations', path: '/settings/specializations' },
    { name: 'settings-consent', path: '/settings/consent' },
    {
      name: 'settings-consent-new',
      path: '/settings/consent',
      act: async (page) => {
        await page
          .locator('main button')
          .filter({ hasText: /Neue Fassung|New version|نسخة جديدة/ })
          .first()
          .click();
        await page.getByRole('dialog').waitFor();
      },
    },
    { name: 'settings-accounts', path: '/settings/accounts' },
    { name: 'outbox', path: '/outbox' },
    {
      name: 'outbox-open',
      path: '/outbox',
      act: async (page) => {
        await page
          .locator('main button')
          .filter({ hasText: /Öffnen|Open|فتح/ })
          .first()
          .click();
        await page.getByRole('dialog').waitFor();
      },
    },
    { name: 'audit', path: '/audit' },
    { name: 'audit-guide', path: (ids) => `/audit?entityType=guide&entityId=${ids.guideId}` },
    { name: 'not-found', path: '/no-such-page' },
  ],
  guide: [
    { name: 'guide-home', path: '/' },
    { name: 'guide-own-profile', path: (ids) => `/guides/${ids.ownGuideId}` },
    { name: 'guide-own-edit', path: (ids) => `/guides/${ids.ownGuideId}/edit` },
  ],
  partner: [
    { name: 'partner-home', path: '/' },
    { name: 'partner-own', path: (ids) => `/partners/${ids.ownPartnerId}` },
  ],
  admin: [
    { name: 'admin-home', path: '/' },
    { name: 'admin-offices', path: '/admin/offices' },
    { name: 'admin-programmes', path: '/admin/programmes' },
    { name: 'admin-audit', path: '/audit' },
  ],
};

async function api<T>(page: Page, path: string, init?: { method: string; body?: unknown; csrf?: string }): Promise<T> {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(`/api/v1${path}`, {
        method: init?.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(init?.csrf ? { 'x-csrf-token': init.csrf } : {}),
        },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return text ? JSON.parse(text) : null;
    },
    { path, init },
  );
}

async function login(page: Page, email: string) {
  await page.goto(`${BASE}/login`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Skeletons and Mantine transitions.
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(350);
}

async function findIds(browser: Browser): Promise<Ids> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, USERS.coordinator);
  const session = await api<{ csrfToken: string }>(page, '/me');
  const guides = await api<{ items: { id: string; lastName: string }[] }>(page, '/guides?limit=5');
  const partners = await api<{ items: { id: string }[] }>(page, '/partners?limit=1');
  // A real reset link, taken from the outbox, for the "set password" page.
  await api(page, '/auth/password-reset', { method: 'POST', body: { email: USERS.partner }, csrf: session.csrfToken });
  const outbox = await api<{ items: { text: string }[] }>(
    page,
    `/outbox?to=${encodeURIComponent(USERS.partner)}&limit=1`,
  );
  const link = outbox.items[0]?.text.match(/https?:\/\/\S+/)?.[0] ?? '/reset-password/unknown-token-00000000000';
  await context.close();

  const guideContext = await browser.newContext();
  const guidePage = await guideContext.newPage();
  await login(guidePage, USERS.guide);
  const guideMe = await api<{ me: { guideId: string } }>(guidePage, '/me');
  await guideContext.close();

  const partnerContext = await browser.newContext();
  const partnerPage = await partnerContext.newPage();
  await login(partnerPage, USERS.partner);
  const partnerMe = await api<{ me: { partnerId: string } }>(partnerPage, '/me');
  await partnerContext.close();

  // Coordination data only when those pages are asked for: it adds requests, offers and a deployment.
  const wantsCoordination =
    !ONLY || Object.values(COORDINATION_SHOTS).some((shots) => shots.some((s) => s.name.includes(ONLY)));
  const coordination = wantsCoordination ? await prepareCoordination(browser, api, login) : ({} as CoordinationIds);
  return {
    coordination,
    guideId: guides.items[0].id,
    partnerId: partners.items[0].id,
    ownGuideId: guideMe.me.guideId,
    ownPartnerId: partnerMe.me.partnerId,
    resetPath: new URL(link, BASE).pathname,
  };
}

/** The browser's own language for a UI language: German and British English as the office would have them. */
const browserLocale = (lang: string) => (lang === 'de' ? 'de-DE' : lang === 'en' ? 'en-GB' : lang);

function launch(lang = 'de') {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      // Native date and time inputs follow the browser's language, as they would for a real user.
      `--lang=${browserLocale(lang)}`,
    ],
  });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const setup = await launch();
  const ids = await findIds(setup);
  await setup.close();
  const violations: Violation[] = [];
  const consoleErrors: string[] = [];
  const failures: string[] = [];
  const report = () =>
    writeFileSync(join(OUT, 'axe-report.json'), JSON.stringify({ violations, consoleErrors, failures }, null, 2));

  for (const [who, shots] of Object.entries(COORDINATION_SHOTS)) PAGES[who as keyof typeof PAGES].push(...shots);

  for (const lang of LANGS) {
    for (const size of SIZES) {
      // A fresh browser per language and size keeps one crash from ending the whole run.
      const browser = await launch(lang);
      for (const [who, shots] of Object.entries(PAGES) as [keyof typeof PAGES, Shot[]][]) {
        const selected = shots.filter((s) => !ONLY || s.name.includes(ONLY));
        if (selected.length === 0) continue;
        const context = await browser.newContext({ viewport: VIEWPORTS[size], locale: browserLocale(lang) });
        await context.addInitScript((l) => localStorage.setItem('lotsennetz.locale', l), lang);
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.push(`${lang}/${size}/${who}: ${m.text()}`);
        });
        page.on('pageerror', (e) => consoleErrors.push(`${lang}/${size}/${who}: ${e.message}`));
        if (who !== 'anonymous') await login(page, USERS[who]);
        for (const shot of selected) {
          const label = `${lang}/${size}/${shot.name}`;
          try {
            const path = typeof shot.path === 'function' ? shot.path(ids) : shot.path;
            await page.goto(`${BASE}${path}`);
            await settle(page);
            if (shot.act) {
              await shot.act(page);
              await settle(page);
            }
            const file = join(OUT, `${lang}-${size}-${shot.name}.png`);
            await page.screenshot({ path: file, fullPage: true });
            const result = await axeFor(page).analyze();
            for (const v of result.violations)
              violations.push({
                page: label,
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
              });
            const axe = result.violations.length ? result.violations.map((v) => v.id).join(', ') : 'ok';
            console.log(`${file}  axe: ${axe}  title: ${await page.title()}`);
          } catch (error) {
            failures.push(`${label}: ${(error as Error).message.split('\n')[0]}`);
            console.log(`${label}  FAILED: ${(error as Error).message.split('\n')[0]}`);
          }
          report();
        }
        await context.close();
      }
      await browser.close();
    }
  }
  report();
  const unexpected = consoleErrors.filter((e) => !/status of 40[01]/.test(e));
  if (unexpected.length) console.log(`console errors:\n  ${unexpected.join('\n  ')}`);
  if (failures.length) console.log(`failed pages:\n  ${failures.join('\n  ')}`);
  console.log(
    violations.length
      ? `${violations.length} axe violations, see ${join(OUT, 'axe-report.json')}`
      : 'no axe violations',
  );
  process.exitCode = violations.length || failures.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
