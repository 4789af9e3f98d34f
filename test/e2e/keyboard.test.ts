import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, DEMO_PASSWORD, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, day, fileRequest, GUIDE, PARTNER, signedIn } from './flows.js';

/**
 * Issue 14 §4: the five everyday flows by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape, typing).
 * Nothing in a flow is clicked, filled or focused by the test; set-up that is not the flow goes through the API.
 * Every Tab is checked for a visible focus indicator that nothing covers, and every target must be reached within a
 * bounded number of presses: that is the proof that focus is neither lost nor trapped on the way. The guide's flows
 * run in a phone-sized window, where the navigation sits behind the menu button.
 */

/** An element by its ARIA role and accessible name, optionally inside a region (a dialog, a card). */
type Target = { role: string; name: string | RegExp; within?: Locator };

/** What the focused element is and whether its focus can be seen, read in the page after each key press. */
type Focused = { description: string; onPage: boolean; visible: boolean; why: string; isTarget: boolean };

/**
 * Runs in the page, in one round trip per key press: what has focus, whether its focus can be seen, and whether it
 * is one of `targets` (the elements a role and name select). Self-contained, as Playwright sends it as source.
 */
function inspectFocus(targets: Element[]): Focused {
  const el = document.activeElement as HTMLElement | null;
  const isTarget = targets.some((t) => t === el);
  if (!el || el === document.body || el === document.documentElement)
    return { description: '<body>', onPage: false, visible: false, why: 'focus left the page', isTarget };
  const label =
    el.getAttribute('aria-label') ??
    (el as HTMLInputElement).labels?.[0]?.textContent ??
    el.getAttribute('title') ??
    el.textContent ??
    '';
  const description = `<${el.tagName.toLowerCase()}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}> "${label.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
  // A ring: an outline that is drawn (style, width, not transparent) or a box shadow.
  const ring = (node: Element) => {
    const cs = getComputedStyle(node);
    const outline =
      cs.outlineStyle !== 'none' &&
      Number.parseFloat(cs.outlineWidth) > 0 &&
      cs.outlineColor !== 'transparent' &&
      !/rgba\(\d+, \d+, \d+, 0\)/.test(cs.outlineColor);
    return outline || (cs.boxShadow !== '' && cs.boxShadow !== 'none');
  };
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0)
    return { description, onPage: true, visible: false, why: 'the focused element has no size', isTarget };
  // Mantine's pill inputs (MultiSelect) draw the ring on the field's box around the bare <input>.
  const wrapper = el.closest('.mantine-Input-input');
  if (!(ring(el) || (wrapper !== null && wrapper !== el && ring(wrapper))))
    return {
      description,
      onPage: true,
      visible: false,
      why: 'no outline or box shadow on it or its field',
      isTarget,
    };
  // Not hidden behind something else (the fixed header, a sticky bar): its centre shows the element itself.
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  const shown = hit !== null && (el.contains(hit) || hit.contains(el) || (wrapper?.contains(hit) ?? false));
  return {
    description,
    onPage: true,
    visible: shown,
    why: shown ? '' : `covered by <${hit?.tagName.toLowerCase()} class="${hit?.className}">`,
    isTarget,
  };
}

/** The elements with this role and accessible name (Playwright's own ARIA engine), or none. */
function located(page: Page, target?: Target) {
  if (!target) return page.locator('#keyboard-test-matches-nothing');
  return (target.within ?? page).getByRole(target.role as Parameters<Page['getByRole']>[0], {
    name: target.name,
    exact: typeof target.name === 'string',
  });
}

async function focusedElement(page: Page, target?: Target): Promise<Focused> {
  return located(page, target).evaluateAll(inspectFocus);
}

/**
 * The focused element once what moves has come to rest: a closing list, a dialog's overlay or the phone menu may still
 * cover it for a few frames after the key press. Waits frame by frame (no fixed sleep) for at most five seconds (CI runs
 * this file beside the API suites on two cores, where a closing list once took longer than two); focus that is still
 * covered or without a ring then is a finding.
 */
async function settledFocus(page: Page, target?: Target): Promise<Focused> {
  let now = await focusedElement(page, target);
  const deadline = Date.now() + 5_000;
  while (now.onPage && !now.visible && Date.now() < deadline) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    now = await focusedElement(page, target);
  }
  return now;
}

/** Whether the focused element is the one the role and accessible name select. */
async function isFocused(page: Page, target: Target) {
  return (await focusedElement(page, target)).isTarget;
}

/**
 * Presses Tab (or Shift+Tab) until the element with this role and name has focus. After every press the focused
 * element must show a focus ring; after `max` presses without reaching the target the test fails and lists where
 * focus went.
 */
async function tabTo(page: Page, target: Target, { max = 60, back = false }: { max?: number; back?: boolean } = {}) {
  const trail: string[] = [];
  for (let press = 1; press <= max; press++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await settledFocus(page, target);
    trail.push(now.description);
    // Leaving the document for the browser's own controls (after the last element) is the one step without a ring.
    if (now.onPage)
      expect(now.visible, `focus not visible on ${now.description} (${now.why}) after ${press} × Tab`).toBe(true);
    if (now.isTarget) return press;
  }
  throw new Error(
    `${target.role} "${String(target.name)}" not reached by keyboard after ${max} × ${back ? 'Shift+Tab' : 'Tab'}; focus went: ${trail.join(' → ')}`,
  );
}

/** The visible ring on what has focus now (after typing, Escape or a dialog opening). */
async function expectVisibleFocus(page: Page, where: string) {
  const now = await settledFocus(page);
  expect(now.onPage, `focus lost (${where})`).toBe(true);
  expect(now.visible, `focus not visible on ${now.description} (${where}): ${now.why}`).toBe(true);
}

/**
 * Picks an option in the Mantine combobox that has focus: ArrowDown opens it and moves through the options (the
 * active one is the input's aria-activedescendant), Enter picks. `search` is typed first in searchable ones.
 */
async function chooseOption(
  page: Page,
  option: string | RegExp,
  { search, max = 40, closes = false }: { search?: string; max?: number; closes?: boolean } = {},
) {
  if (search) await page.keyboard.type(search);
  const matches = (text: string) => (typeof option === 'string' ? text.trim() === option : option.test(text));
  const seen: string[] = [];
  for (let step = 0; step < max; step++) {
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.textContent ?? null) : null;
    });
    if (active === null) continue;
    if (matches(active)) {
      const list = await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'));
      await page.keyboard.press('Enter');
      // A single select's list closes on the pick and leaves with its transition; a Tab before it is gone lands under
      // it (seen on a busy CI machine).
      if (closes && list) await page.locator(`[id="${list}"]`).waitFor({ state: 'hidden' });
      return;
    }
    if (seen.includes(active)) break;
    seen.push(active);
  }
  throw new Error(`option "${String(option)}" not found by keyboard; the list offered: ${seen.join(', ')}`);
}

/**
 * A native date field by keyboard. The order of its day, month and year parts follows the browser's own language,
 * not the page's, so each order is typed in turn until the field's value is the date; Shift+Tab steps back from the
 * year to the first part.
 */
async function typeDate(page: Page, iso: string) {
  const [y, m, d] = iso.split('-');
  const orders = [`${d}${m}${y}`, `${m}${d}${y}`, `${y}${m}${d}`];
  for (const digits of orders) {
    await page.keyboard.type(digits);
    if ((await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) === iso) return;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`the date ${iso} could not be typed into the focused field`);
}

/**
 * An open dialog keeps focus inside by design (a modal): Tab moves on from control to control, always visibly, and
 * never out to the page behind it. Leaving is Escape's job; the callers check that it closes and returns focus.
 */
async function expectDialogCycles(page: Page, dialogName: string | RegExp, presses: number) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  const seen = new Set<string>();
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    const now = await settledFocus(page);
    expect(now.visible, `focus not visible on ${now.description} in the dialog: ${now.why}`).toBe(true);
    expect(
      await dialog.evaluate((el) => el.contains(document.activeElement)),
      `focus left the open dialog to ${now.description}`,
    ).toBe(true);
    seen.add(now.description);
  }
  // Tab moved: more than one control of the dialog had focus in turn.
  expect(seen.size).toBeGreaterThan(1);
}

describe.runIf(browserAvailable())('keyboard only: the five everyday flows, focus visible and never trapped', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in from /login with Tab, typing and Enter', async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    await tabTo(page, { role: 'textbox', name: /E-Mail/ }, { max: 5 });
    await page.keyboard.type(COORDINATOR);
    await tabTo(page, { role: 'textbox', name: /Passwort/ }, { max: 2 });
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const me = await api<{ me: { email: string } }>(page, 'GET', '/me');
    expect(me.json.me.email).toBe(COORDINATOR);
    // The page after sign-in is keyboard-ready: the skip link comes first and jumps to the content.
    await tabTo(page, { role: 'link', name: 'Zum Inhalt springen' }, { max: 1 });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the partner files a request: text fields, selects, radios, a date, multi-selects and a checkbox', async () => {
    const { page, context, errors } = await signedIn(browser, PARTNER);
    const title = `Jobcenter ${Date.now().toString(36)}`;
    await page.goto('/requests');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await tabTo(page, { role: 'link', name: 'Neue Anfrage' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Neue Einsatzanfrage' }).waitFor();
    await page.getByRole('textbox', { name: /^Stadtbezirk/ }).waitFor();

    await tabTo(page, { role: 'textbox', name: /^Kurztitel/ });
    await page.keyboard.type(title);
    await tabTo(page, { role: 'textbox', name: /^Handlungsfeld/ }, { max: 1 });
    await chooseOption(page, 'Behörden & Ämter', { closes: true });
    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo(page, { role: 'radio', name: 'Begleitung' }, { max: 3 });
    await page.keyboard.press('Space');
    await tabTo(page, { role: 'textbox', name: /^Beschreibung/ }, { max: 2 });
    await page.keyboard.type('Zum Jobcenter begleiten.');
    await tabTo(page, { role: 'textbox', name: /^Stadtbezirk/ }, { max: 15 });
    await chooseOption(page, 'Linden-Limmer', { search: 'Lind', closes: true });
    await tabTo(page, { role: 'textbox', name: /^Treffpunkt/ }, { max: 1 });
    await page.keyboard.type('Haupteingang');
    await tabTo(page, { role: 'textbox', name: /^Beginn/ }, { max: 2 });
    await typeDate(page, day(7));
    await tabTo(page, { role: 'textbox', name: /^Häufigkeit/ }, { max: 10 });
    await chooseOption(page, 'Alle zwei Wochen', { closes: true });
    await tabTo(page, { role: 'textbox', name: /^Geschätzter Umfang/ }, { max: 1 });
    await page.keyboard.type('3,5');
    await tabTo(page, { role: 'textbox', name: /^Benötigte Sprachen/ }, { max: 3 });
    await chooseOption(page, 'Arabisch', { search: 'Arab' });
    await tabTo(page, { role: 'radio', name: 'Ja' }, { max: 6 });
    // Down moves from "Ja" to "Nein" and selects it.
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(page, { role: 'radio', name: 'Nein' })).toBe(true);
    await tabTo(page, { role: 'textbox', name: /^Vorname oder Initialen/ }, { max: 1 });
    await page.keyboard.type('S. K.');
    await tabTo(page, { role: 'textbox', name: /^Altersgruppe/ }, { max: 1 });
    await chooseOption(page, 'Erwachsene:r', { closes: true });
    await tabTo(page, { role: 'textbox', name: /^Sprachen der Person/ }, { max: 1 });
    await chooseOption(page, 'Arabisch', { search: 'Arab' });
    await tabTo(page, { role: 'checkbox', name: /^Einwilligung liegt vor/ }, { max: 3 });
    await page.keyboard.press('Space');
    await tabTo(page, { role: 'button', name: 'Anfrage absenden' }, { max: 8 });

    // Never trapped: past the submit button focus leaves the form, and Shift+Tab walks back into it.
    const form = page.getByRole('form', { name: 'Neue Einsatzanfrage' });
    const inForm = () => form.evaluate((el) => el.contains(document.activeElement));
    await page.keyboard.press('Tab');
    expect(await inForm()).toBe(false);
    await tabTo(page, { role: 'button', name: 'Anfrage absenden' }, { back: true, max: 3 });
    expect(await inForm()).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => /^\/requests\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    const saved = await api<{
      title: string;
      field: string;
      type: string;
      frequency: string;
      startsOn: string;
      expectedHours: number;
      languages: string[];
      minorsInvolved: boolean;
      meetingPoint: string;
      person: { initials: string; ageGroup: string; languages: string[]; consentGiven: boolean };
    }>(page, 'GET', `/requests/${id}`);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      title,
      field: 'authorities',
      type: 'accompaniment',
      frequency: 'biweekly',
      startsOn: day(7),
      expectedHours: 3.5,
      languages: ['ar'],
      minorsInvolved: false,
      meetingPoint: 'Haupteingang',
      person: { initials: 'S. K.', ageGroup: 'adult', languages: ['ar'], consentGiven: true },
    });
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  /** Guides answer offers and log hours on their phones (issue 14 §2): a phone-sized window, signed in. */
  async function onPhone(email: string) {
    const session = await newPage(browser, { mobile: true });
    await loginAs(session.page, email);
    await setLocale(session.page, 'de');
    return session;
  }

  /** On a phone the navigation sits behind the menu button: open it, Tab to the page's link, Enter. */
  async function openFromMenu(page: Page, link: string) {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await tabTo(page, { role: 'button', name: 'Menü öffnen' }, { max: 5 });
    await page.keyboard.press('Enter');
    await tabTo(page, { role: 'link', name: link }, { max: 20 });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Menü öffnen' }).waitFor();
    // The menu slides out for 200 ms and covers the page until then; a Tab in that time lands under it.
    await page.locator('#main-navigation').waitFor({ state: 'hidden' });
  }

  /** The offer the coordinator sent by keyboard, for the guide to accept by keyboard. */
  let offered: { offerId: string; title: string } | undefined;

  it('the coordinator takes a request into review and sends an offer to the demo guide from the matching view', async () => {
    const guide = await signedIn(browser, GUIDE);
    const guideId = (await api<{ me: { guideId: string } }>(guide.page, 'GET', '/me')).json.me.guideId;
    await guide.context.close();
    const { page, context, errors } = await signedIn(browser, COORDINATOR);
    // Set-up through the API: room for one more deployment, and a request from a partner.
    expect((await api(page, 'PATCH', `/guides/${guideId}`, { maxActiveAssignments: 20 })).status).toBe(200);
    const profile = (await api<{ firstName: string; lastName: string }>(page, 'GET', `/guides/${guideId}`)).json;
    const fullName = `${profile.firstName} ${profile.lastName}`;
    const partnerId = (await api<{ items: { id: string }[] }>(page, 'GET', '/partners?limit=1')).json.items[0].id;
    const title = `Elternabend ${Date.now().toString(36)}`;
    const requestId = await fileRequest(page, { partnerId, title, languages: ['de'] });

    await page.goto(`/requests/${requestId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await tabTo(page, { role: 'button', name: 'In Prüfung nehmen' }, { max: 40 });
    await page.keyboard.press('Enter');
    const review = page.getByRole('dialog', { name: 'In Prüfung nehmen' });
    await review.waitFor();
    await tabTo(page, { role: 'button', name: 'In Prüfung nehmen', within: review }, { max: 4 });
    await page.keyboard.press('Enter');
    await review.waitFor({ state: 'detached' });
    await page.getByText(/\d+ Lots:innen: \d+ bewertet/).waitFor();

    // The demo guide through the search for any guide of the office: the ranked list need not hold her.
    await tabTo(page, { role: 'button', name: 'Lots:in außerhalb der Liste anfragen' }, { max: 150 });
    await page.keyboard.press('Enter');
    await tabTo(page, { role: 'textbox', name: 'Lots:in suchen' }, { max: 3 });
    await page.keyboard.type(profile.lastName);
    await page.getByRole('option', { name: fullName }).first().waitFor();
    await chooseOption(page, new RegExp(`^${fullName}`));
    const outside = page.locator('#cand-outside');
    await outside.getByRole('checkbox', { name: fullName }).waitFor();
    await tabTo(page, { role: 'checkbox', name: fullName, within: outside }, { max: 4 });
    await page.keyboard.press('Space');
    const opener = { role: 'button', name: 'Angebot senden …' };
    await tabTo(page, opener, { max: 10 });

    // The dialog keeps focus inside while open (by design), Escape closes it and focus returns to the opener.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Angebot senden' });
    await dialog.waitFor();
    await expectDialogCycles(page, 'Angebot senden', 12);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Mantine hands focus back once the dialog has gone, a moment after it leaves the DOM: wait for it, boundedly.
    await expect.poll(() => isFocused(page, opener), { message: 'focus returns to the opening button' }).toBe(true);
    await expectVisibleFocus(page, 'after Escape closed the offer dialog');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, { role: 'textbox', name: /^Nachricht/, within: dialog }, { max: 4 });
    await page.keyboard.type('Hast du Zeit?');
    await tabTo(page, { role: 'textbox', name: /^Begründung für die Ausnahme/, within: dialog }, { max: 4 });
    await page.keyboard.type('Tastaturtest');
    await tabTo(page, { role: 'button', name: 'Angebot senden', within: dialog }, { max: 4 });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Angebot an 1 Lots:in gesendet.').first().waitFor();

    const offers = await api<{ items: { id: string; guideId: string; status: string; message: string }[] }>(
      page,
      'GET',
      `/requests/${requestId}/offers`,
    );
    const offer = offers.json.items.find((o) => o.guideId === guideId && o.status === 'pending');
    expect(offer?.message).toBe('Hast du Zeit?');
    offered = { offerId: offer?.id as string, title };
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('the guide accepts the offer on "my offers"', async () => {
    expect(offered, 'the offer sent by keyboard in the test before').toBeDefined();
    const { offerId, title } = offered as { offerId: string; title: string };
    const { page, context, errors } = await onPhone(GUIDE);
    await openFromMenu(page, 'Meine Angebote');
    await page.getByRole('link', { name: title }).waitFor();
    await tabTo(page, { role: 'link', name: title }, { max: 30 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const accept = { role: 'button', name: 'Annehmen' };
    await tabTo(page, accept, { max: 40 });

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Einsatz übernehmen?' });
    await dialog.waitFor();
    await expectDialogCycles(page, 'Einsatz übernehmen?', 6);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, accept), { message: 'focus returns to "Annehmen"' }).toBe(true);
    await expectVisibleFocus(page, 'after Escape closed the accept dialog');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, { role: 'button', name: 'Verbindlich annehmen', within: dialog }, { max: 4 });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Zum Einsatz' }).first().waitFor();
    const now = await api<{ status: string; assignmentId: string | null }>(page, 'GET', `/offers/${offerId}`);
    expect(now.json.status).toBe('accepted');
    expect(now.json.assignmentId).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the guide logs an hour on her time sheet', async () => {
    const { page, context, errors } = await onPhone(GUIDE);
    const month = new Date().toISOString().slice(0, 7);
    const note = `Plenum ${Date.now().toString(36)}`;
    await openFromMenu(page, 'Stundenzettel');
    await page.getByRole('heading', { level: 2, name: 'Stunden eintragen' }).waitFor();
    await tabTo(page, { role: 'textbox', name: /^Art/ }, { max: 40 });
    await chooseOption(page, 'Plenum');
    // The date is today by default; Tab passes through its parts to the hours.
    await tabTo(page, { role: 'textbox', name: /^Stunden\b/ }, { max: 6 });
    await page.keyboard.type('1,5');
    await tabTo(page, { role: 'textbox', name: /^Notiz/ }, { max: 1 });
    await page.keyboard.type(note);
    await tabTo(page, { role: 'button', name: 'Eintragen' }, { max: 3 });
    await page.keyboard.press('Enter');
    await page.getByText(note).waitFor();

    const sheet = await api<{ entries: { note: string | null; minutes: number; categoryLabel: string }[] }>(
      page,
      'GET',
      `/me/time-sheets/${month}`,
    );
    expect(sheet.json.entries.filter((e) => e.note === note)).toEqual([
      expect.objectContaining({ minutes: 90, categoryLabel: 'Plenum' }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
