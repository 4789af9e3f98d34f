import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, mailDir, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/** The newest mail to `address` whose subject contains `subject`, from the server's demo mailbox. */
async function mailTo(address: string, subject: string): Promise<string> {
  const dir = mailDir();
  for (let i = 0; i < 60; i++) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse();
    for (const file of files) {
      const parsed = await simpleParser(readFileSync(join(dir, file)));
      const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value);
      if (to.some((a) => a.address?.toLowerCase() === address) && parsed.subject?.includes(subject))
        return parsed.text ?? '';
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail "${subject}" to ${address}`);
}

/** The first Tuesday of this month (YYYY-MM-DD): the Plenum's first date. */
function firstTuesday(): string {
  const today = new Date();
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 1));
  first.setUTCDate(1 + ((2 - first.getUTCDay() + 7) % 7));
  return first.toISOString().slice(0, 10);
}

/**
 * Issue 12 §1 and §5: a coordinator creates the monthly Plenum series (first Tuesday, 18:00) in the event form; it
 * invites the demo guide by mail with a personal link; the guide answers on a phone without signing in; the
 * coordinator sees the answer on the event page and records attendance there on a phone (390×844), in German and
 * in Arabic (RTL), with axe on every new page.
 */
describe.runIf(browserAvailable())('events in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the Plenum series is made in the form; the guide answers by the link; attendance is taken on a phone', async () => {
    const title = `Plenum ${Date.now().toString(36)}`;
    const asGuide = await signedIn(browser, GUIDE);
    const guideId = (await api<{ me: { guideId: string } }>(asGuide.page, 'GET', '/me')).json.me.guideId;
    await asGuide.context.close();
    expect(guideId).toBeTruthy();
    const coordinator = await signedIn(browser, COORDINATOR);
    const guide = (await api<{ firstName: string; lastName: string }>(coordinator.page, 'GET', `/guides/${guideId}`))
      .json;
    const guideName = `${guide.firstName} ${guide.lastName}`;

    // The form: Plenum, monthly on the first Tuesday from this month's first Tuesday, 18:00–20:00, six dates.
    const page = coordinator.page;
    await visit(page, '/calendar');
    await page.getByRole('button', { name: 'Neue Veranstaltung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Veranstaltung oder Serie anlegen' });
    await dialog.getByLabel('Titel', { exact: false }).first().fill(title);
    await dialog.getByRole('textbox', { name: 'Wiederholung' }).click();
    await page.getByRole('option', { name: 'Monatlich an einem Wochentag' }).click();
    await dialog.getByLabel('Erster Termin').fill(firstTuesday());
    await dialog.getByLabel('Von').fill('18:00');
    await dialog.getByLabel('Bis').fill('20:00');
    await dialog.getByLabel('Ort', { exact: true }).fill('Neues Rathaus, Trammplatz 2');
    await dialog.getByRole('textbox', { name: 'Eingeladen sind' }).click();
    await page.getByRole('option', { name: 'Ausgewählte Lots:innen' }).click();
    await dialog.getByRole('textbox', { name: 'Lots:innen' }).fill(guide.lastName);
    await page.getByRole('option', { name: guideName }).click();
    await dialog.getByRole('textbox', { name: 'Lots:innen' }).press('Escape');
    await dialog.getByText('Jeden Monat am ersten Dienstag, 6 Termine').waitFor();
    await expectNoAxeViolations(page, 'event form');
    await dialog.getByRole('button', { name: 'Serie anlegen und einladen' }).click();

    // The page of the first date: when, where, the series in words.
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Jeden Monat am ersten Dienstag, 6 Termine').waitFor();
    await page.getByText('Neues Rathaus, Trammplatz 2').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, 'event page (coordinator)');

    const text = await mailTo(GUIDE, title);
    const link = text.match(/https?:\/\/[^\s]+\/events\/rsvp\/([A-Za-z0-9_-]+)/);
    expect(link, text).toBeTruthy();

    // The guide, not signed in, on a phone: the page names the event and answers only on a press.
    const guidePhone = await newPage(browser, { mobile: true });
    await visit(guidePhone.page, `/events/rsvp/${link?.[1]}`);
    await guidePhone.page.getByText(title).waitFor();
    await expectNoAxeViolations(guidePhone.page, 'event answer page (phone)');
    await guidePhone.page.getByRole('button', { name: 'Ich komme', exact: true }).click();
    await guidePhone.page.getByText('Ihre Antwort ist gespeichert: Zusage').waitFor();
    expect(guidePhone.errors).toEqual([]);
    await guidePhone.context.close();

    // The date the guide accepted (the mail of any of the six dates may be the newest).
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 200 * 86_400_000).toISOString();
    const listed = await api<{ items: { id: string; title: string; counts: { yes: number } }[] }>(
      page,
      'GET',
      `/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    const dates = listed.json.items.filter((e) => e.title === title);
    expect(dates).toHaveLength(6);
    const accepted = dates.find((e) => e.counts.yes === 1);
    expect(accepted).toBeTruthy();
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();

    // The coordinator in the room, on a phone: the answer is there; tick the guide, save, read what was booked.
    const phone = await newPage(browser, { mobile: true });
    await loginAs(phone.page, COORDINATOR);
    await setLocale(phone.page, 'de');
    await visit(phone.page, `/events/${accepted?.id}`);
    await phone.page.getByText('Zusagen: 1').waitFor();
    const tick = phone.page.getByRole('checkbox', { name: new RegExp(guideName) });
    expect(await tick.getAttribute('aria-checked')).toBe('false');
    const box = await tick.boundingBox();
    // A touch target for a thumb: the whole row, well above 44 px high.
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThan(300);
    await expectNoAxeViolations(phone.page, 'event page on a phone (coordinator)');
    await tick.click();
    expect(await tick.getAttribute('aria-checked')).toBe('true');
    await phone.page.getByText('Anwesend: 1 von 1').waitFor();
    await phone.page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    const saved = phone.page.getByRole('status').filter({ hasText: 'Anwesenheit gespeichert' });
    await saved.waitFor();
    const detail = await api<{ invitations: { guideId: string; attended: boolean | null; hoursBooked: boolean }[] }>(
      phone.page,
      'GET',
      `/events/${accepted?.id}`,
    );
    const invitation = detail.json.invitations.find((i) => i.guideId === guideId);
    expect(invitation?.attended).toBe(true);
    // What the page says matches what the server did: hours booked, or the approved month named as the reason.
    if (invitation?.hoursBooked) await saved.getByText('Stunden gebucht für: 1').waitFor();
    else await saved.getByText(/bereits freigegeben|keine Stundenkategorie/).waitFor();
    await expectNoAxeViolations(phone.page, 'event page after attendance (phone)');

    // The same page in Arabic, right to left.
    await setLocale(phone.page, 'ar');
    await phone.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await phone.page.getByRole('button', { name: 'حفظ الحضور' }).waitFor();
    await phone.page.waitForLoadState('networkidle');
    await expectNoAxeViolations(phone.page, 'event page on a phone (coordinator, ar)');
    await setLocale(phone.page, 'de');

    // Another date of the series: moved to another place ("this one" only), then cancelled, on the phone.
    const other = dates.find((e) => e.id !== accepted?.id);
    await visit(phone.page, `/events/${other?.id}`);
    await phone.page.getByRole('button', { name: 'Bearbeiten' }).click();
    const edit = phone.page.getByRole('dialog', { name: 'Veranstaltung ändern' });
    await edit.getByRole('radio', { name: 'Nur diesen Termin' }).waitFor();
    await edit.getByLabel('Ort', { exact: true }).fill('Freizeitheim Linden');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'detached' });
    await phone.page.getByText('Dieser Termin weicht von seiner Serie ab.').waitFor();
    await phone.page.getByText('Freizeitheim Linden').waitFor();
    await phone.page.getByRole('button', { name: 'Diesen Termin absagen' }).click();
    await phone.page.getByRole('dialog').getByRole('button', { name: 'Absagen' }).click();
    await phone.page.getByRole('button', { name: 'Wieder ansetzen' }).waitFor();
    const after = await api<{ items: { id: string; title: string; cancelled: boolean; place: string | null }[] }>(
      phone.page,
      'GET',
      `/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    const mine = after.json.items.filter((e) => e.title === title);
    expect(mine.filter((e) => e.cancelled).map((e) => e.id)).toEqual([other?.id]);
    expect(mine.filter((e) => e.place === 'Freizeitheim Linden').map((e) => e.id)).toEqual([other?.id]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // The guide signed in, in Arabic: the calendar links to the event page, which shows the answer pressed.
    const signedGuide = await signedIn(browser, GUIDE, 'ar');
    await visit(signedGuide.page, `/events/${accepted?.id}`);
    expect(await signedGuide.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect
      .poll(async () => signedGuide.page.getByRole('button', { name: 'سأحضر' }).getAttribute('aria-pressed'))
      .toBe('true');
    await expectNoAxeViolations(signedGuide.page, 'event page (guide, ar)');
    await signedGuide.page.getByRole('link', { name: 'التقويم' }).first().click();
    await signedGuide.page.waitForURL(/\/calendar$/);
    await signedGuide.page.getByRole('heading', { level: 1 }).waitFor();
    await setLocale(signedGuide.page, 'de');
    expect(signedGuide.errors).toEqual([]);
    await signedGuide.context.close();
  }, 240_000);

  it('the calendar shows events, course sessions and room bookings as a month and a week, in German and Arabic', async () => {
    const coordinator = await signedIn(browser, COORDINATOR);
    const { page, errors } = coordinator;
    await page.setViewportSize({ width: 1280, height: 900 });
    // The demo office's month: the Plenum series, the Herbstkurs's sessions, and bookings of its rooms.
    const month = new Date();
    const from = new Date(month.getFullYear(), month.getMonth(), 1).toISOString();
    const to = new Date(month.getFullYear(), month.getMonth() + 1, 1).toISOString();
    const events = (await api<{ items: { title: string }[] }>(page, 'GET', `/events?from=${from}&to=${to}`)).json;
    expect(events.items.length).toBeGreaterThan(0);

    await visit(page, '/calendar');
    await page.getByRole('radio', { name: 'Monat' }).dispatchEvent('click');
    const grid = page.getByRole('table');
    await grid.waitFor();
    // Every event of the month is in the grid as a link; the kinds are written out, not only coloured.
    for (const e of events.items) expect(await grid.getByRole('link', { name: e.title }).count()).toBeGreaterThan(0);
    expect(await grid.getByText('Veranstaltung', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'calendar month grid');

    await page.getByRole('radio', { name: 'Woche' }).dispatchEvent('click');
    await page.getByRole('button', { name: 'Nächste Woche' }).waitFor();
    // The week's events load after the switch: the grid comes back with one row.
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.top-progress, [aria-busy="true"]'));
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(1);
    await expectNoAxeViolations(page, 'calendar week');

    await setLocale(page, 'ar');
    await visit(page, '/calendar');
    await page.getByRole('radio', { name: 'شهر' }).dispatchEvent('click');
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'calendar month grid in Arabic');
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
  }, 120_000);
});
