/**
 * Screenshots of the retention pages (issue 9) in German and Arabic: the due list with a hold, the schedule editor,
 * the anonymise dialog and an anonymised guide. Needs a running demo server whose data has records on a clock.
 *
 *   BASE=http://127.0.0.1:3917 OUT=/tmp/shots-retention npx tsx scripts/screenshots-retention.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BASE = process.env.BASE ?? 'http://127.0.0.1:3000';
const OUT = process.env.OUT ?? '/tmp/shots-retention';
const PASSWORD = 'lotsen-demo-2026';

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return text ? JSON.parse(text) : null;
    },
    { method, path, body },
  );
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(400);
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
let prepared: { anonymised: string; candidate: string } | null = null;
for (const lang of ['de', 'ar'] as const) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: lang === 'ar' ? 'ar' : 'de-DE',
  });
  await context.addInitScript((l) => localStorage.setItem('lotsennetz.locale', l), lang);
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.locator('input[type=email]').fill('koordination@hannover.example');
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (!prepared) {
    const due = await api<{ items: { entityId: string; rule: string }[] }>(page, 'GET', '/retention/due');
    const held = due.items.find((i) => i.rule === 'background_check');
    if (held)
      await api(page, 'POST', '/retention/holds', {
        entityType: 'guide',
        entityId: held.entityId,
        rule: 'background_check',
        reason: 'Anfrage des Jugendamts vom 12.11. – Unterlagen bis zur Klärung aufbewahren',
      });
    const totals = await api<{ items: { guideId: string }[] }>(page, 'GET', '/activity-totals');
    const guides = await api<{
      items: { id: string; hasAccount: boolean; status: string; anonymisedAt: string | null }[];
    }>(page, 'GET', '/guides?limit=200&status=left');
    const active = await api<{ items: { id: string; hasAccount: boolean; status: string }[] }>(
      page,
      'GET',
      '/guides?limit=200&status=active',
    );
    const candidate = active.items.find(
      (g) => !g.hasAccount && g.status === 'active' && !totals.items.some((t) => t.guideId === g.id),
    );
    // A guide with hours whose deployments are over; anonymising answers 409 for one still deployed.
    let anonymised = guides.items.find((g) => g.anonymisedAt)?.id;
    for (const total of totals.items) {
      if (anonymised) break;
      const res = await api<{ anonymisedAt?: string }>(page, 'POST', `/guides/${total.guideId}/anonymise`, {});
      if (res?.anonymisedAt) anonymised = total.guideId;
    }
    if (!anonymised) throw new Error('no guide could be anonymised');
    prepared = { anonymised, candidate: candidate?.id ?? anonymised };
  }
  const shots: { name: string; path: string; act?: (p: Page) => Promise<void> }[] = [
    { name: 'retention-due', path: '/retention' },
    {
      name: 'retention-schedule-edit',
      path: '/retention',
      act: async (p) => {
        await p
          .getByRole('button', { name: lang === 'de' ? 'Bearbeiten' : 'تعديل', exact: true })
          .last()
          .click();
      },
    },
    {
      name: 'retention-hold-dialog',
      path: '/retention',
      act: async (p) => {
        await p
          .getByRole('button', { name: lang === 'de' ? 'Aufbewahren' : 'احتفظ به' })
          .first()
          .click();
      },
    },
    { name: 'guide-anonymised', path: `/guides/${prepared.anonymised}` },
    {
      name: 'guide-anonymise-dialog',
      path: `/guides/${prepared.candidate}`,
      act: async (p) => {
        await p
          .getByRole('button', { name: lang === 'de' ? 'Anonymisieren' : 'إزالة البيانات الشخصية' })
          .first()
          .click();
      },
    },
    { name: 'assignments-totals', path: '/assignments' },
  ];
  for (const shot of shots) {
    await page.goto(`${BASE}${shot.path}`);
    await settle(page);
    if (shot.act) {
      await shot.act(page);
      await settle(page);
    }
    const file = join(OUT, `${lang}-${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await browser.close();
