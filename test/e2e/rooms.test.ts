import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { COORDINATOR, signedIn, visit } from './flows.js';

/** Monday of next week as YYYY-MM-DD (the browser and this process share the machine's time zone). */
function nextMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7) + 7);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const plusDays = (iso: string, n: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d + n);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/**
 * Issue 12 §2 and §5: a coordinator adds a room, books it in the week view, tries a double booking and is told which
 * booking is in the way; the week view on a phone in Arabic (right to left); axe on each.
 */
describe.runIf(browserAvailable())('rooms in Chromium', () => {
  let browser: Browser;
  const tag = Date.now().toString(36);
  const roomName = `Probenraum ${tag}`;
  const title = `Gespräch Probe ${tag}`;
  const monday = nextMonday();
  const wednesday = plusDays(monday, 2);
  let roomId = '';

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a room, books it in the week view and sees a double booking refused with the conflict named', async () => {
    const { page, errors } = await signedIn(browser, COORDINATOR);
    await visit(page, '/rooms');
    await page.getByRole('heading', { level: 1, name: 'Räume' }).waitFor();
    await expectNoAxeViolations(page, 'rooms page');

    await page.getByRole('button', { name: 'Raum anlegen' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(roomName);
    await dialog.getByRole('textbox', { name: /^Plätze/ }).fill('6');
    await dialog.getByRole('checkbox', { name: /Stufenlos/ }).check();
    await expectNoAxeViolations(page, 'room form');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(roomName).first().waitFor();

    const created = await page.evaluate(async () => (await (await fetch('/api/v1/rooms')).json()).items);
    roomId = (created as { id: string; name: string }[]).find((r) => r.name === roomName)?.id ?? '';
    expect(roomId).not.toBe('');

    // Next week of this room: click the empty 10:00 slot of Wednesday.
    await visit(page, `/rooms?room=${roomId}&week=${monday}`);
    const wednesdayColumn = page.locator(`.room-week-day[data-day="${wednesday}"]`);
    await wednesdayColumn
      .locator('.room-week-slot')
      .nth(10 - 7)
      .click();
    dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel(/^Tag/).inputValue()).toBe(wednesday);
    expect(await dialog.getByLabel(/^Von/).inputValue()).toBe('10:00');
    await dialog.getByRole('textbox', { name: /^Wofür/ }).fill(title);
    await expectNoAxeViolations(page, 'booking form');
    await dialog.getByRole('button', { name: 'Buchen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await wednesdayColumn.getByRole('button', { name: new RegExp(title) }).waitFor();

    // A second booking from 10:30 overlaps: refused, naming the booking and its times in German.
    await wednesdayColumn
      .locator('.room-week-slot')
      .nth(11 - 7)
      .click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Von/).fill('10:30');
    await dialog.getByRole('textbox', { name: /^Wofür/ }).fill('Doppelt gebucht');
    await dialog.getByRole('button', { name: 'Buchen' }).click();
    const conflict = dialog.getByText(new RegExp(`belegt: ${title}`)).first();
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toMatch(/10:00/);
    expect(text).toMatch(/11:00/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await expectNoAxeViolations(page, 'booking form with the conflict');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });

    // All rooms: the block names its room too.
    await visit(page, `/rooms?week=${monday}`);
    await page
      .locator(`.room-week-day[data-day="${wednesday}"]`)
      .getByRole('button', { name: new RegExp(`${title}.*${roomName}`) })
      .waitFor();
    await expectNoAxeViolations(page, 'week view of all rooms');
    // The refused booking is the one failed request the browser logs.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  }, 180_000);

  it('shows the week as a day list on a phone, in Arabic right to left', async () => {
    const { page, errors } = await newPage(browser, { mobile: true });
    await loginAs(page, COORDINATOR);
    await setLocale(page, 'ar');
    await visit(page, `/rooms?room=${roomId}&week=${monday}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'الغرف' }).waitFor();
    const wednesdayCard = page.locator(`li[data-day="${wednesday}"]`);
    await wednesdayCard.getByText(title).waitFor();
    expect(await page.locator('.room-week').count()).toBe(0);
    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'rooms page (phone, Arabic)');
    await wednesdayCard.getByRole('button', { name: new RegExp(title) }).click();
    await page.getByRole('dialog').waitFor();
    await expectNoAxeViolations(page, 'booking details (phone, Arabic)');
    await setLocale(page, 'de');
    expect(errors).toEqual([]);
  }, 120_000);
});
