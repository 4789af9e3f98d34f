import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.js';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';

const PARTNER = 'awo@hannover.example';
const COORDINATOR = 'koordination@hannover.example';
const GUIDE = 'lotsin@hannover.example';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** JSON API call with the page's session cookie and CSRF token, as the SPA makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

async function signedIn(browser: Browser, email: string) {
  const session = await newPage(browser);
  await loginAs(session.page, email);
  await setLocale(session.page, 'de');
  return session;
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe.runIf(browserAvailable())('the coordination loop in Chromium: partner, coordinator and guide', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('partner files, coordinator offers, guide accepts, both confirm, and the agreement PDF reads back', async () => {
    const partner = await signedIn(browser, PARTNER);
    const coordinator = await signedIn(browser, COORDINATOR);
    const guide = await signedIn(browser, GUIDE);
    const guideId = (await api<{ me: { guideId: string } }>(guide.page, 'GET', '/me')).json.me.guideId;
    // Room for one more deployment, whatever the demo seed gave this guide.
    expect((await api(coordinator.page, 'PATCH', `/guides/${guideId}`, { maxActiveAssignments: 20 })).status).toBe(200);
    const districts = (await api<{ items: { id: string }[] }>(partner.page, 'GET', '/districts')).json.items;

    // 1. The partner files a request (AWO's own organisation is implied by the account).
    const title = `Begleitung zur Familienkasse ${Date.now().toString(36)}`;
    const filed = await api<{ id: string; status: string }>(partner.page, 'POST', '/requests', {
      field: 'authorities',
      type: 'accompaniment',
      title,
      description: 'Kindergeldantrag gemeinsam ausfüllen und zur Familienkasse begleiten.',
      districtId: districts[0].id,
      startsOn: day(0),
      endsOn: day(60),
      frequency: 'weekly',
      expectedHours: 4,
      languages: ['de'],
      minorsInvolved: false,
      person: {
        initials: 'E. T.',
        ageGroup: 'adult',
        languages: ['de'],
        household: 'family',
        householdSize: 3,
        consentGiven: true,
      },
    });
    expect(filed.status).toBe(201);
    const requestId = filed.json.id;
    await visit(partner.page, `/requests/${requestId}`);
    expect(await partner.page.getByRole('heading', { level: 1 }).first().textContent()).toContain(title);

    // 2. The coordinator reviews it on the request page, sees ranked candidates and sends the offer.
    await visit(coordinator.page, `/requests/${requestId}`);
    await coordinator.page.getByRole('button', { name: 'In Prüfung nehmen' }).first().click();
    await coordinator.page.getByRole('dialog').getByRole('button', { name: 'In Prüfung nehmen' }).click();
    await coordinator.page.getByText('Passende Lots:innen').first().waitFor();
    const sent = await api<{ items: { id: string }[] }>(coordinator.page, 'POST', `/requests/${requestId}/offers`, {
      guideIds: [guideId],
      message: 'Hast du Zeit?',
      overrideReason: 'E2E: die Demo-Lotsin soll den Ablauf durchspielen',
    });
    expect(sent.status).toBe(201);
    const offerId = sent.json.items[0].id;

    // 3. The guide accepts on her phone-sized screen.
    await visit(guide.page, `/my/offers/${offerId}`);
    await guide.page.getByRole('button', { name: 'Annehmen' }).click();
    await guide.page.getByRole('dialog').getByRole('button', { name: 'Verbindlich annehmen' }).click();
    await expect
      .poll(async () => (await api<{ status: string }>(guide.page, 'GET', `/offers/${offerId}`)).json.status, {
        timeout: 15_000,
      })
      .toBe('accepted');
    const assignmentId = (await api<{ assignmentId: string }>(guide.page, 'GET', `/offers/${offerId}`)).json
      .assignmentId;

    // 4. Guide and partner confirm the agreement on the deployment page.
    for (const side of [guide, partner]) {
      await visit(side.page, `/assignments/${assignmentId}`);
      await side.page.getByRole('button', { name: 'Vereinbarung bestätigen' }).click();
      await side.page.getByRole('dialog').getByRole('button', { name: 'Bestätigen' }).click();
      await side.page.getByText('Danke, Ihre Bestätigung ist gespeichert.').first().waitFor();
    }
    const assignment = await api<{ status: string }>(coordinator.page, 'GET', `/assignments/${assignmentId}`);
    expect(assignment.json.status).toBe('active');

    // 5. The partner downloads the agreement PDF; its text is read back.
    await visit(partner.page, `/assignments/${assignmentId}`);
    const [download] = await Promise.all([
      partner.page.waitForEvent('download'),
      partner.page.getByRole('link', { name: 'Vereinbarung als PDF' }).click(),
    ]);
    const text = await pdfText(new Uint8Array(readFileSync((await download.path()) as string)));
    expect(text).toContain('Vereinbarung über eine Begleitung durch Integrationslots:innen');
    expect(text).toContain(title);
    expect(text).toContain('Begleitete Person: E. T.');
    expect(text).toMatch(/Einsatzstelle: bestätigt am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr von/);

    for (const side of [partner, coordinator, guide]) {
      expect(side.errors).toEqual([]);
      await side.context.close();
    }
  }, 300_000);

  it('has no axe violations on the coordination pages, in German and Arabic', async () => {
    for (const locale of ['de', 'ar'] as const) {
      const coordinator = await signedIn(browser, COORDINATOR);
      await setLocale(coordinator.page, locale);
      const requests = (await api<{ items: { id: string }[] }>(coordinator.page, 'GET', '/requests?limit=1')).json
        .items;
      const assignments = (await api<{ items: { id: string }[] }>(coordinator.page, 'GET', '/assignments?limit=1')).json
        .items;
      for (const path of [
        '/',
        '/requests',
        `/requests/${requests[0].id}`,
        '/requests/new',
        '/assignments',
        `/assignments/${assignments[0].id}`,
        '/services',
        '/matching-settings',
      ]) {
        await visit(coordinator.page, path);
        await expectNoAxeViolations(coordinator.page, `${path} (${locale}, coordinator)`);
      }
      await coordinator.context.close();

      const guide = await signedIn(browser, GUIDE);
      await setLocale(guide.page, locale);
      const offers = (await api<{ items: { id: string }[] }>(guide.page, 'GET', '/me/offers')).json.items;
      for (const path of ['/my/offers', ...(offers[0] ? [`/my/offers/${offers[0].id}`] : []), '/assignments']) {
        await visit(guide.page, path);
        await expectNoAxeViolations(guide.page, `${path} (${locale}, guide)`);
      }
      await guide.context.close();

      const partner = await signedIn(browser, PARTNER);
      await setLocale(partner.page, locale);
      for (const path of ['/requests', '/requests/new', '/assignments']) {
        await visit(partner.page, path);
        await expectNoAxeViolations(partner.page, `${path} (${locale}, partner)`);
      }
      await partner.context.close();

      const anonymous = await newPage(browser);
      await anonymous.page.addInitScript((l) => localStorage.setItem('lotsennetz.locale', l), locale);
      await anonymous.page.goto('/offers/answer/not-a-real-token-0000000000000000?answer=accept');
      await anonymous.page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectNoAxeViolations(anonymous.page, `/offers/answer (${locale})`);
      await anonymous.context.close();
    }
  }, 600_000);
});
