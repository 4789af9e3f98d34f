/**
 * Issue 9: a coordinator anonymises a guide in the browser; the guide's deployment, hours and expenses still count in
 * the activity totals, under the anonymous name. The retention page lists what falls due and passes axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch } from './browser.js';
import { api, COORDINATOR, signedIn, visit } from './flows.js';

type Total = { guideId: string; firstName: string; lastName: string; deployments: number; minutes: number };

describe.runIf(browserAvailable())('erasure by anonymisation in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator anonymises a guide and the deployment still counts in the activity totals', async () => {
    const { page, errors } = await signedIn(browser, COORDINATOR);
    // A demo guide whose deployments are over and who has no account of their own (so no other test signs in as them).
    const totals = (await api<{ items: Total[] }>(page, 'GET', '/activity-totals')).json.items;
    const closed = (
      await api<{ items: { guideId: string }[] }>(page, 'GET', '/assignments?status=closed&limit=200')
    ).json.items.map((a) => a.guideId);
    let chosen: Total | undefined;
    for (const total of totals.filter((t) => closed.includes(t.guideId))) {
      const running = (
        await api<{ items: { status: string }[] }>(page, 'GET', `/assignments?guideId=${total.guideId}&limit=200`)
      ).json.items.filter((a) => a.status === 'active' || a.status === 'pending_agreement');
      const guide = (
        await api<{ hasAccount: boolean; anonymisedAt: string | null }>(page, 'GET', `/guides/${total.guideId}`)
      ).json;
      if (!guide.hasAccount && !guide.anonymisedAt && running.length === 0) {
        chosen = total;
        break;
      }
    }
    expect(chosen, 'the demo has a guide with finished deployments and no account').toBeTruthy();
    const before = chosen as Total;
    const name = `${before.firstName} ${before.lastName}`;

    await visit(page, `/guides/${before.guideId}`);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toContain(name);
    await page.getByRole('button', { name: 'Anonymisieren' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Einsätze, Stunden und Auslagen bleiben anonym').waitFor();
    await dialog.getByRole('button', { name: 'Anonymisieren' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Anonymisierte Lots:in' }).waitFor();
    await page.getByText('zählen weiter in der Statistik').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(before.lastName);

    // The deployment and its hours still count: the totals on the deployments page list the anonymous guide.
    await visit(page, '/assignments');
    const row = page.locator('tr', { has: page.locator(`a[href="/guides/${before.guideId}"]`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('[anonymisiert]');
    expect(await page.locator('main').textContent()).not.toContain(name);
    const after = (await api<{ items: Total[] }>(page, 'GET', `/activity-totals?guideId=${before.guideId}`)).json
      .items[0];
    expect(after).toMatchObject({ deployments: before.deployments, minutes: before.minutes });

    // The retention page lists what falls due and is accessible.
    await visit(page, '/retention');
    await page.getByRole('heading', { level: 2, name: 'Löschfristen dieser Koordinierungsstelle' }).waitFor();
    await expectNoAxeViolations(page, 'retention page');
    expect(errors).toEqual([]);
  }, 240_000);
});
