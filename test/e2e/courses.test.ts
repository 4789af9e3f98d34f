import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/domain/dates.js';
import { browserAvailable, expectNoAxeViolations, launch } from './browser.js';
import { api, COORDINATOR, day, signedIn, visit } from './flows.js';

/**
 * Issue 10 §2: a coordinator creates a course with two sessions, enrols a guide, records the attendance of both
 * sessions and finishes the course; the guide is certified.
 */
describe.runIf(browserAvailable())('courses in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('course with two sessions, enrolment, attendance, finish: the guide is certified', async () => {
    const coordinator = await signedIn(browser, COORDINATOR);
    const { page } = coordinator;
    const tag = Date.now().toString(36);
    const districts = (await api<{ items: { id: string }[] }>(page, 'GET', '/districts')).json.items;
    const guide = await api<{ id: string; certifiedAt: string | null }>(page, 'POST', '/guides', {
      firstName: 'Kursa',
      lastName: `Probe ${tag}`,
      homeDistrictId: districts[0].id,
      status: 'in_training',
    });
    expect(guide.status).toBe(201);
    expect(guide.json.certifiedAt).toBeNull();

    await visit(page, '/courses');
    await page.getByRole('button', { name: 'Neuer Kurs' }).click();
    let dialog = page.getByRole('dialog');
    const title = `Basisqualifizierung ${tag}`;
    await dialog.getByRole('textbox', { name: /^Titel/ }).fill(title);
    await dialog.getByRole('textbox', { name: /^Unterrichtseinheiten/ }).fill('8');
    await dialog.getByRole('textbox', { name: /^Plätze/ }).fill('10');
    await expectNoAxeViolations(page, 'new course dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    for (const date of [day(-14), day(-7)]) {
      await page.getByRole('button', { name: 'Termin hinzufügen' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Datum/).fill(date);
      await dialog.getByRole('textbox', { name: /^Thema/ }).fill(`Abend ${date}`);
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'detached' });
    }

    await page.getByRole('button', { name: 'Lots:in anmelden' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Lots:in/ }).fill(`Probe ${tag}`);
    await page.getByRole('option', { name: `Probe ${tag}, Kursa` }).click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Attendance of both sessions: the latest is preselected, the other is chosen in the session list.
    const present = page.getByRole('checkbox', { name: `Kursa Probe ${tag} anwesend` });
    await present.check();
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/attendance') && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Anwesenheit speichern' }).click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(200);
    await page.getByText('Anwesenheit gespeichert.').first().waitFor();
    await page.getByRole('textbox', { name: 'Termin' }).click();
    await page.getByRole('option', { name: new RegExp(`Abend ${day(-14)}`) }).click();
    await present.check();
    await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await page.getByRole('cell', { name: '8 von 8 UE' }).first().waitFor();
    await expectNoAxeViolations(page, 'course detail with attendance');

    await page.getByRole('button', { name: 'Kurs abschließen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kurs abschließen' }).click();
    await page
      .getByText(/Kurs abgeschlossen: 1 erfolgreich/)
      .first()
      .waitFor();
    const certified = await api<{ certifiedAt: string | null }>(page, 'GET', `/guides/${guide.json.id}`);
    // The demo office counts days in Europe/Berlin: between 23:00 and 24:00 UTC that is already tomorrow.
    expect(certified.json.certifiedAt).toBe(todayIso());
    expect(coordinator.errors).toEqual([]);
  }, 240_000);
});
