import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/**
 * Issue 11 §1 and §5: a guide on a phone logs hours outside deployments and submits the month from one screen; the
 * coordinator approves it in the queue, and the month is locked.
 */
describe.runIf(browserAvailable())('time sheets in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the guide logs hours and submits the month on a phone; the coordinator approves it', async () => {
    const guide = await newPage(browser, { mobile: true });
    const g = guide.page;
    await loginAs(g, GUIDE);
    await setLocale(g, 'de');
    const month = new Date().toISOString().slice(0, 7);
    const me = (await api<{ me: { guideId: string } }>(g, 'GET', '/me')).json.me;

    await visit(g, `/my/hours/${month}`);
    await expectNoAxeViolations(g, 'time sheet on a phone');
    await g.getByRole('textbox', { name: /^Art/ }).click();
    await g.getByRole('option', { name: 'Plenum' }).click();
    await g.getByRole('textbox', { name: /^Stunden\b/ }).fill('1,5');
    await g.getByRole('textbox', { name: /^Notiz/ }).fill('Plenum im Stadtteilzentrum');
    await g.getByRole('button', { name: 'Eintragen' }).click();
    await g.getByText('Plenum im Stadtteilzentrum').waitFor();
    // The guide's own year beside the month: the sum the server counts for them, and no list of other guides.
    const year = month.slice(0, 4);
    const own = (await api<{ totalMinutes: number }>(g, 'GET', `/hour-totals?year=${year}`)).json.totalMinutes;
    expect(own).toBeGreaterThanOrEqual(90);
    const yearCard = g.getByRole('region', { name: `Meine Stunden ${year}` });
    await yearCard
      .getByText(`Alle meine Stunden im Jahr: ${Math.floor(own / 60)} Std. ${String(own % 60).padStart(2, '0')} Min.`, {
        exact: false,
      })
      .waitFor();
    expect(await yearCard.getByRole('heading', { name: 'Je Lotse/Lotsin' }).count()).toBe(0);

    await g.getByRole('button', { name: 'Monat einreichen' }).click();
    const dialog = g.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Monat einreichen' }).waitFor();
    // The modal fades in: axe would measure the contrast of half-transparent text.
    await g.waitForFunction(() =>
      [...document.querySelectorAll('.mantine-Modal-content, .mantine-Modal-overlay')].every(
        (el) => getComputedStyle(el).opacity === '1' || getComputedStyle(el).opacity === '',
      ),
    );
    await g.waitForTimeout(300);
    await expectNoAxeViolations(g, 'submit confirmation');
    await dialog.getByRole('button', { name: 'Monat einreichen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await g.getByText('Eingereicht', { exact: true }).first().waitFor();
    expect(await g.getByRole('button', { name: 'Eintragen' }).count()).toBe(0);
    expect(guide.errors).toEqual([]);

    const coordinator = await signedIn(browser, COORDINATOR);
    const c = coordinator.page;
    const profile = (await api<{ firstName: string; lastName: string }>(c, 'GET', `/guides/${me.guideId}`)).json;
    await visit(c, '/time-sheets');
    await expectNoAxeViolations(c, 'time-sheet queue');
    await c
      .getByRole('button', { name: `Stundenzettel von ${profile.lastName}, ${profile.firstName} freigeben` })
      .click();
    await c
      .getByRole('button', { name: `Stundenzettel von ${profile.lastName}, ${profile.firstName} freigeben` })
      .waitFor({ state: 'detached' });
    expect(coordinator.errors).toEqual([]);

    const sheet = (await api<{ state: string; approvedMinutes: number }>(g, 'GET', `/me/time-sheets/${month}`)).json;
    expect(sheet.state).toBe('approved');
    expect(sheet.approvedMinutes).toBeGreaterThanOrEqual(90);
    await g.reload();
    await g.getByText('Freigegeben', { exact: true }).first().waitFor();
  }, 120_000);
});
