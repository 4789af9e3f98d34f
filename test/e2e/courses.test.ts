import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/domain/dates.js';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, day, GUIDE, signedIn, visit } from './flows.js';

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

    // The office's default completion rule (Settings › Kurse) is what a new course starts from.
    await visit(page, '/settings/courses');
    const rule = page.getByRole('textbox', { name: /^Abschluss ab Anwesenheit \(Vorgabe\)/ });
    await page.locator('#course-settings-completion[value="80 %"]').waitFor();
    await rule.fill('75');
    await page.getByRole('button', { name: 'Vorgabe speichern' }).click();
    await page.getByText('Vorgabe gespeichert.').first().waitFor();
    await expectNoAxeViolations(page, 'settings: courses');

    await visit(page, '/courses');
    await page.getByRole('button', { name: 'Neuer Kurs' }).click();
    let dialog = page.getByRole('dialog');
    const title = `Basisqualifizierung ${tag}`;
    await dialog.getByRole('textbox', { name: /^Titel/ }).fill(title);
    await dialog.getByRole('textbox', { name: /^Unterrichtseinheiten/ }).fill('8');
    await dialog.getByRole('textbox', { name: /^Plätze/ }).fill('10');
    await dialog.locator('input[value="75 %"]').waitFor();
    await expectNoAxeViolations(page, 'new course dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Back to the demo office's 80 % (other tests create courses on the same server); this course keeps its 75 %.
    const reset = await api(page, 'PATCH', '/settings', { courses: { completionMinAttendancePercent: 80 } });
    expect(reset.status).toBe(200);
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('75 %', { exact: true }).first().waitFor();

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

  it('a guide on a phone sees "Meine Kurse": sessions, own attendance and progress, in German and Arabic', async () => {
    const guide = await newPage(browser, { mobile: true });
    const g = guide.page;
    await loginAs(g, GUIDE);
    await setLocale(g, 'de');
    const me = (await api<{ me: { guideId: string } }>(g, 'GET', '/me')).json.me;

    // The office sets up a further-training course the demo guide attended once (30 minutes late).
    const coordinator = await signedIn(browser, COORDINATOR);
    const c = coordinator.page;
    const title = `Fortbildung Behördenwege ${Date.now().toString(36)}`;
    const course = await api<{ id: string }>(c, 'POST', '/courses', {
      title,
      type: 'further_training',
      teachingUnits: 8,
      capacity: 10,
      status: 'open',
    });
    expect(course.status).toBe(201);
    const sessions: string[] = [];
    for (const [offset, topic] of [
      [-7, 'Jobcenter verstehen'],
      [7, 'Ausländerbehörde'],
    ] as const) {
      const s = await api<{ id: string }>(c, 'POST', `/courses/${course.json.id}/sessions`, {
        startsAt: `${day(offset)}T16:00:00Z`,
        endsAt: `${day(offset)}T19:00:00Z`,
        topic,
        teachingUnits: 4,
      });
      expect(s.status).toBe(201);
      sessions.push(s.json.id);
    }
    expect((await api(c, 'POST', `/courses/${course.json.id}/enrolments`, { guideId: me.guideId })).status).toBe(201);
    const attendance = await api(c, 'PUT', `/courses/${course.json.id}/sessions/${sessions[0]}/attendance`, {
      rows: [{ guideId: me.guideId, present: true, minutesMissed: 30 }],
    });
    expect(attendance.status).toBe(200);

    await visit(g, '/my/courses');
    const card = g.getByRole('region', { name: title });
    await card.getByRole('listitem').filter({ hasText: 'Jobcenter verstehen' }).waitFor();
    // 4 UE less 30 minutes (2/3 UE) = 3.33 UE of the 6.4 UE needed (80 % of 8).
    await card.getByText('3,33 von 6,4 UE besucht', { exact: false }).waitFor();
    // On a phone the sessions are a list, not a table that would scroll the attendance out of view.
    await card
      .getByRole('listitem')
      .filter({ hasText: 'Jobcenter verstehen' })
      .getByText('Anwesend (−30 Min.)')
      .waitFor();
    await card
      .getByRole('listitem')
      .filter({ hasText: 'Ausländerbehörde' })
      .getByText('noch nicht stattgefunden')
      .waitFor();
    expect(await card.getByRole('table').count()).toBe(0);
    await expectNoAxeViolations(g, 'my courses on a phone');

    await setLocale(g, 'ar');
    await visit(g, '/my/courses');
    await g.getByRole('heading', { level: 1, name: 'دوراتي' }).waitFor();
    expect(await g.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await g
      .getByRole('region', { name: title })
      .getByRole('listitem')
      .filter({ hasText: 'Jobcenter verstehen' })
      .waitFor();
    await expectNoAxeViolations(g, 'my courses in Arabic');
    await setLocale(g, 'de');
    expect(guide.errors).toEqual([]);
    expect(coordinator.errors).toEqual([]);
  }, 120_000);
});
