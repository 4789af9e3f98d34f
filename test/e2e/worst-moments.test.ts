import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/index.js';
import { browserAvailable, launch } from './browser.js';
import { api, COORDINATOR, day, fileRequest, GUIDE, PARTNER, signedIn, visit } from './flows.js';

/**
 * Issue 7, "the three worst moments" of daily use, replayed in Chromium against the seeded demo:
 * the Dari request nobody can take, the Arabic "2,80" saved as 280 €, and the partner who did not know whom to call
 * after matching.
 */

const ar = (key: string, params?: Record<string, unknown>) => translate('ar', key, params);

type Activity = { id: string; date: string; startTime: string; expensesCents: number; km: number };

describe.runIf(browserAvailable())('the three worst moments of issue 7, replayed', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a Dari request warns that no active guide speaks Dari, names Persian, and nobody without Dari is a good fit', async () => {
    const coordinator = await signedIn(browser, COORDINATOR);
    const c = coordinator.page;
    // The demo's only Dari speaker is not active: the language gap is real, not staged by this test.
    const dariSpeakers = await api<{ items: { status: string }[]; total: number }>(
      c,
      'GET',
      '/guides?language=prs&status=active&limit=50',
    );
    expect(dariSpeakers.status).toBe(200);
    expect(dariSpeakers.json.items.filter((g) => g.status === 'active')).toEqual([]);
    const partnerId = (await api<{ items: { id: string }[] }>(c, 'GET', '/partners?limit=1')).json.items[0].id;
    const title = `Termin beim Sozialamt auf Dari ${Date.now().toString(36)}`;
    const requestId = await fileRequest(c, { partnerId, title, languages: ['prs'] });

    await visit(c, `/requests/${requestId}`);
    expect(await c.getByRole('heading', { level: 1 }).first().textContent()).toContain(title);
    const warning = c.getByTestId('missing-language');
    await warning.getByText('Keine aktive Lots:in spricht Dari.').waitFor();
    // The related language the office configured (Persian for Dari), with how many active guides speak it.
    await warning.getByText(/Persisch: \d+ Lots:in/).waitFor();

    const cards = c.locator('.candidate-card');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      const card = cards.nth(i);
      // Each candidate says the language is missing and is capped below the good-fit threshold.
      await card.getByText(/ohne Dari – höchstens 59/).waitFor();
      expect(await card.getByText('Gute Passung', { exact: true }).count()).toBe(0);
    }
    await c.getByText('Keine gute Passung').waitFor();
    // The ranking from the API agrees: no one reaches the threshold.
    const ranking = await api<{ eligible: { score: number }[]; threshold: number }>(
      c,
      'GET',
      `/requests/${requestId}/candidates?limit=20`,
    );
    expect(ranking.status).toBe(200);
    expect(ranking.json.eligible.length).toBeGreaterThan(0);
    for (const candidate of ranking.json.eligible) expect(candidate.score).toBeLessThan(ranking.json.threshold);
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();
  }, 120_000);

  it('a guide in the Arabic UI types "2,80" and "٢٫٨٠" as expenses: 2.80 € is saved, not 280 €', async () => {
    const guide = await signedIn(browser, GUIDE, 'ar');
    const g = guide.page;
    const yesterday = day(-1);
    const running = await api<{
      items: {
        id: string;
        status: string;
        abilities: { logActivity: boolean };
        agreement: { startsOn: string; endsOn: string | null } | null;
      }[];
    }>(g, 'GET', '/assignments?status=active&limit=50');
    const assignment = running.json.items.find(
      (a) =>
        a.abilities.logActivity &&
        a.agreement &&
        a.agreement.startsOn <= yesterday &&
        (!a.agreement.endsOn || a.agreement.endsOn >= yesterday),
    );
    expect(assignment, 'the demo guide has a running deployment whose agreement covers yesterday').toBeTruthy();
    const assignmentId = assignment?.id as string;
    await visit(g, `/assignments/${assignmentId}`);
    expect(await g.evaluate(() => document.documentElement.dir)).toBe('rtl');

    const form = g.getByRole('form', { name: ar('assignments.activityFormTitle') });
    const expenses = form.getByRole('textbox', { name: ar('assignments.activity.expenses') });
    const km = form.getByRole('textbox', { name: ar('assignments.activity.km') });

    async function logActivity(start: string, end: string, amount: string, kilometres: string) {
      await form.getByLabel(ar('assignments.activity.date')).fill(yesterday);
      await form.getByLabel(ar('assignments.activity.startTime')).fill(start);
      await form.getByLabel(ar('assignments.activity.endTime')).fill(end);
      await km.fill(kilometres);
      await expenses.fill(amount);
      await expenses.blur();
      const [response] = await Promise.all([
        g.waitForResponse(
          (r) => r.url().endsWith(`/api/v1/assignments/${assignmentId}/activities`) && r.request().method() === 'POST',
        ),
        form.getByRole('button', { name: ar('assignments.addActivity') }).click(),
      ]);
      expect(response.status()).toBe(201);
      return (await response.json()) as Activity;
    }

    // Unreadable text is refused in the field, in Arabic, and nothing is sent.
    const before = (await api<{ items: Activity[] }>(g, 'GET', `/assignments/${assignmentId}/activities`)).json.items;
    await expenses.fill('2,8,0');
    await expenses.blur();
    await form.getByText(/^يرجى إدخال رقم، مثلًا 2\.80$/).waitFor();
    expect(await expenses.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: ar('assignments.addActivity') }).click();
    await form.getByText(/^يرجى إدخال رقم/).waitFor();
    expect(
      (await api<{ items: Activity[] }>(g, 'GET', `/assignments/${assignmentId}/activities`)).json.items,
    ).toHaveLength(before.length);

    // 1. "2,80" with a comma, as a guide used to German forms types it. The field shows it back in the UI's way.
    await expenses.fill('2,80');
    await expenses.blur();
    expect(await expenses.inputValue()).toBe('2.80');
    const first = await logActivity('06:00', '06:30', '2,80', '4,5');
    expect(first.expensesCents).toBe(280);
    expect(first.km).toBe(4.5);
    await g.getByText(ar('assignments.activityAdded')).first().waitFor();

    // 2. "٢٫٨٠" with Arabic-Indic digits and the Arabic decimal separator, from an Arabic phone keyboard.
    const second = await logActivity('06:45', '07:15', '٢٫٨٠', '١٢');
    expect(second.expensesCents).toBe(280);
    expect(second.km).toBe(12);

    // What the server stored, read back.
    const stored = (await api<{ items: Activity[] }>(g, 'GET', `/assignments/${assignmentId}/activities`)).json.items;
    for (const id of [first.id, second.id]) expect(stored.find((a) => a.id === id)?.expensesCents).toBe(280);

    // The list shows 2.80 € for both entries, in the locale's format; never 280.
    for (const time of ['06:00–06:30', '06:45–07:15']) {
      const row = g.getByRole('row').filter({ hasText: time });
      await row.first().waitFor();
      const text = (await row.first().textContent()) ?? '';
      expect(text).toContain('2.80');
      expect(text).not.toContain('280');
    }
    expect(guide.errors).toEqual([]);
    await guide.context.close();
  }, 180_000);

  it('after a guide accepted, the partner sees on its request her first name and shared phone, not her surname', async () => {
    const partner = await signedIn(browser, PARTNER);
    const coordinator = await signedIn(browser, COORDINATOR);
    const guide = await signedIn(browser, GUIDE);
    const guideId = (await api<{ me: { guideId: string } }>(guide.page, 'GET', '/me')).json.me.guideId;
    const profile = (
      await api<{ firstName: string; lastName: string; phone: string | null; email: string | null }>(
        coordinator.page,
        'GET',
        `/guides/${guideId}`,
      )
    ).json;
    const shared = profile.phone
      ? { shareContact: 'phone', value: profile.phone, label: 'Erreichbar per Telefon:' }
      : { shareContact: 'email', value: profile.email as string, label: 'Erreichbar per E-Mail:' };
    expect(
      (
        await api(coordinator.page, 'PATCH', `/guides/${guideId}`, {
          maxActiveAssignments: 20,
          shareContact: shared.shareContact,
        })
      ).status,
    ).toBe(200);

    const title = `Begleitung zur Krankenkasse ${Date.now().toString(36)}`;
    const requestId = await fileRequest(partner.page, { title });
    expect((await api(coordinator.page, 'POST', `/requests/${requestId}/status`, { status: 'in_review' })).status).toBe(
      200,
    );
    const sent = await api<{ items: { id: string; guideId: string }[] }>(
      coordinator.page,
      'POST',
      `/requests/${requestId}/offers`,
      { guideIds: [guideId], message: 'Hast du Zeit?', overrideReason: 'E2E: die Demo-Lotsin übernimmt' },
    );
    expect(sent.status).toBe(201);
    const offerId = sent.json.items.find((o) => o.guideId === guideId)?.id as string;
    expect((await api(guide.page, 'POST', `/offers/${offerId}/accept`, {})).status).toBe(200);

    const p = partner.page;
    await visit(p, `/requests/${requestId}`);
    expect(await p.getByRole('heading', { level: 1 }).first().textContent()).toContain(title);
    // The name is bidi-isolated in the link text (U+2068 … U+2069), so it reads right in Arabic too.
    await p.getByRole('link', { name: new RegExp(`^Einsatz mit \\W?${profile.firstName}\\W?$`) }).waitFor();
    const contact = p.getByTestId('deployment-contact');
    await contact.getByText(shared.label).waitFor();
    const link = contact.getByRole('link', { name: shared.value });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(shared.shareContact === 'phone' ? /^tel:\+?\d+$/ : /^mailto:/);
    // Data minimisation: the surname appears nowhere on the partner's page, nor in what the API gave the partner.
    expect(await p.locator('main').textContent()).not.toContain(profile.lastName);
    const seen = await api<{ items: { guideName: string; guideContact: { firstName: string } | null }[] }>(
      p,
      'GET',
      `/assignments?requestId=${requestId}`,
    );
    expect(seen.json.items).toHaveLength(1);
    expect(seen.json.items[0].guideName).toBe(profile.firstName);
    expect(seen.json.items[0].guideContact?.firstName).toBe(profile.firstName);

    for (const side of [partner, coordinator, guide]) {
      expect(side.errors).toEqual([]);
      await side.context.close();
    }
  }, 180_000);
});
