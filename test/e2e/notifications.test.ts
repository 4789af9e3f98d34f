import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/**
 * Issue 12 §4/§5: the bell with its unread count (the demo seeds a few unread notifications), the centre that lists
 * and marks read, and the mail preferences, on a phone in Arabic; the coordinator's reminder settings.
 */
/** The bell's count arrives after /me and the lazy chunks: give polls time. */
const WAIT = { timeout: 15_000 };

describe.runIf(browserAvailable())('notifications in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a guide on a phone in Arabic: the bell shows the count, the centre marks read, preferences are saved', async () => {
    const { page, errors } = await newPage(browser, { mobile: true });
    await loginAs(page, GUIDE);
    await setLocale(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toMatch(/^الإشعارات، \d+ غير مقروءة$/);
    const count = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);

    // The bell leads to the centre.
    await bell.click();
    await page.waitForURL('**/notifications');
    await page.getByRole('heading', { level: 1, name: 'الإشعارات' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="notification"][data-unread="true"]').count(), WAIT).toBe(count);
    await expectNoAxeViolations(page, 'notification centre (phone, Arabic)');

    await page.getByRole('button', { name: 'تعليم كمقروء' }).first().click();
    await expect
      .poll(() => page.locator('[data-testid="notification"][data-unread="true"]').count(), WAIT)
      .toBe(count - 1);
    await expect
      .poll(() => bell.getAttribute('aria-label'), WAIT)
      .toBe(count - 1 > 0 ? `الإشعارات، ${count - 1} غير مقروءة` : 'الإشعارات، لا توجد غير مقروءة');

    // Preferences: events of tomorrow off; a mandatory kind offers no "off" and says why.
    await visit(page, '/me/notifications');
    await page.getByRole('heading', { level: 1, name: 'إشعارات البريد الإلكتروني' }).waitFor();
    const tomorrow = page.getByTestId('preference-event_tomorrow');
    await tomorrow.getByRole('radio', { name: 'إيقاف' }).check();
    const mandatory = page.getByTestId('preference-agreement_unconfirmed');
    expect(await mandatory.getByRole('radio', { name: 'إيقاف' }).count()).toBe(0);
    await mandatory.getByText('لا يمكن إيقافه').waitFor();
    await expectNoAxeViolations(page, 'notification preferences (phone, Arabic)');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/me/notification-preferences') && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'حفظ' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('preference-event_tomorrow').getByRole('radio', { name: 'إيقاف' }).isChecked(), WAIT)
      .toBe(true);
    // Back to the default for the next run on the same demo.
    await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/me')).json();
      await fetch('/api/v1/me/notification-preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ items: [{ kind: 'event_tomorrow', channel: 'digest' }] }),
      });
    });
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
  }, 120_000);

  it('the coordinator: the bell in German, mark all read, and the reminder settings', async () => {
    const { page, errors } = await signedIn(browser, COORDINATOR);
    const bell = page.getByTestId('notification-bell');
    await expect
      .poll(() => bell.getAttribute('aria-label'), WAIT)
      .toMatch(/^Benachrichtigungen, (\d+ ungelesen|keine ungelesen)$/);
    await visit(page, '/notifications');
    await page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await expectNoAxeViolations(page, 'notification centre');
    const all = page.getByRole('button', { name: 'Alle als gelesen markieren' });
    if (await all.isEnabled()) await all.click();
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toBe('Benachrichtigungen, keine ungelesen');

    await visit(page, '/settings/reminders');
    const day = page.getByLabel('Stundenzettel des Vormonats fällig am (Tag des Monats)');
    await day.fill('12');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/settings') && r.request().method() === 'PATCH'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    expect((await saved.json()).reminders.timeSheetDeadlineDay).toBe(12);
    await expectNoAxeViolations(page, 'reminder settings');
    await day.fill('10');
    await page.getByRole('button', { name: 'Speichern' }).click();
    expect(errors).toEqual([]);
  }, 120_000);
});
