import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/**
 * Issue 12 §3 and §5: a coordinator writes to a filtered group with a live recipient count and sends it; the demo
 * guide reads it on a phone and replies; the coordinator sees the reply in the guide's thread.
 */
describe.runIf(browserAvailable())('messages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('compose with a live count, send, read and reply on a phone, see the reply in the thread', async () => {
    const guide = await newPage(browser, { mobile: true });
    const g = guide.page;
    await loginAs(g, GUIDE);
    await setLocale(g, 'de');
    const me = (await api<{ me: { guideId: string } }>(g, 'GET', '/me')).json.me;
    const profile = (
      await api<{ languages: { code: string }[]; firstName: string; lastName: string }>(
        g,
        'GET',
        `/guides/${me.guideId}`,
      )
    ).json;
    const language = profile.languages[0].code;

    const coordinator = await signedIn(browser, COORDINATOR);
    const c = coordinator.page;
    const expected = (await api<{ total: number }>(c, 'GET', `/guides?language=${language}&status=active&limit=1`)).json
      .total;
    const preview = (
      await api<{ total: number; inAppOnly: number }>(
        c,
        'GET',
        `/messages/recipients?language=${language}&status=active`,
      )
    ).json;
    expect(preview.total).toBe(expected);

    // The filter is the guide list's: status first (all guides), then the language narrows the live count.
    await visit(c, `/messages/new?status=active`);
    const count = c.getByTestId('recipient-count');
    await count.getByText(/^Geht an \d+ Lots\*innen/).waitFor();
    await visit(c, `/messages/new?status=active&language=${language}`);
    const reach = expected === 1 ? 'Geht an 1 Lots*in' : `Geht an ${expected} Lots*innen`;
    await count.getByText(reach, { exact: false }).waitFor();
    if (preview.inAppOnly > 0) await count.getByText(/nur in der App/).waitFor();
    await expectNoAxeViolations(c, 'compose');

    const subject = `Wer hat am Samstag Zeit? ${Date.now()}`;
    await c.getByRole('textbox', { name: /^Betreff/ }).fill(subject);
    await c.getByRole('textbox', { name: /^Nachricht/ }).fill('Wir suchen Begleitung für das Sommerfest.');
    await c.getByRole('button', { name: 'Senden …' }).click();
    const dialog = c.getByRole('dialog');
    await dialog.getByText(new RegExp(`an ${expected} Lots`)).waitFor();
    await dialog.getByRole('button', { name: 'Jetzt senden' }).click();
    await c.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await c.getByRole('heading', { level: 1, name: subject }).waitFor();
    const messageId = c.url().split('/').pop() as string;

    // The guide, on a phone, finds it in the inbox, reads it and replies.
    await visit(g, '/my/messages');
    await expectNoAxeViolations(g, 'inbox on a phone');
    await g.getByRole('link', { name: subject }).click();
    await g.getByRole('heading', { level: 1, name: subject }).waitFor();
    await g.getByText('Wir suchen Begleitung für das Sommerfest.').waitFor();
    await expectNoAxeViolations(g, 'message on a phone');
    await g.getByRole('textbox', { name: /^Ihre Antwort/ }).fill('Ich habe am Samstag Zeit.');
    await g.getByRole('button', { name: 'Antwort senden' }).click();
    await g.getByText('Ich habe am Samstag Zeit.', { exact: true }).waitFor();
    const mine = (await api<{ readAt: string | null; posts: unknown[] }>(g, 'GET', `/me/messages/${messageId}`)).json;
    expect(mine.readAt).not.toBeNull();
    expect(mine.posts).toHaveLength(1);
    // In Arabic, right to left, the page stays clean.
    await setLocale(g, 'ar');
    await visit(g, `/my/messages/${messageId}`);
    expect(await g.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(g, 'message on a phone, Arabic');
    expect(guide.errors).toEqual([]);

    // The coordinator sees the reply in the guide's thread.
    await visit(c, `/messages/${messageId}`);
    const thread = c.getByRole('article').filter({ hasText: `${profile.firstName} ${profile.lastName}` });
    await thread.getByText('Ich habe am Samstag Zeit.', { exact: true }).waitFor();
    await expectNoAxeViolations(c, 'message detail with a thread');
    await visit(c, '/messages');
    await c.getByRole('link', { name: subject }).waitFor();
    await expectNoAxeViolations(c, 'sent messages');
    expect(coordinator.errors).toEqual([]);
    // Two browsers, two locales and four axe runs: more than the default minute on a loaded machine.
  }, 150_000);
});
