import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, launch, loginAs, newPage, setLocale } from './browser.js';
import { api, COORDINATOR, GUIDE, signedIn, visit } from './flows.js';

/**
 * Issue 14 §2: the installable app on a guide's phone. The manifest and the service worker are served as a browser
 * needs them; the time sheet of a month reads offline from the worker's copy, an hour logged offline waits in the
 * queue (IndexedDB) and is sent once, with its Idempotency-Key, when the phone is back online.
 */
type Sheet = { month: string; abilities: { log: boolean }; entries: { id: string; note: string | null }[] };

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/** Waits until the service worker has cached the app and controls the page; says where it stopped if it does not. */
async function controlled(page: Page) {
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  } catch (error) {
    const state = await page.evaluate(async () => {
      const regs = await navigator.serviceWorker.getRegistrations();
      return JSON.stringify({
        registrations: regs.map((r) => ({
          scope: r.scope,
          active: r.active?.state,
          installing: r.installing?.state,
          waiting: r.waiting?.state,
        })),
        caches: await caches.keys(),
      });
    });
    throw new Error(`no service worker controls the page: ${state} (${error})`);
  }
}

/** A month the guide can still log hours in (another test file on this server may have submitted the current one). */
async function openMonth(page: Page): Promise<string> {
  for (let back = 0; back < 12; back++) {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - back);
    const month = d.toISOString().slice(0, 7);
    if ((await api<Sheet>(page, 'GET', `/me/time-sheets/${month}`)).json.abilities.log) return month;
  }
  throw new Error('no open month for the demo guide');
}

/** Logs an hour of Plenum on the time sheet page as the guide does. */
async function logHour(page: Page, note: string) {
  await page.getByRole('textbox', { name: /^Art/ }).click();
  await page.getByRole('option', { name: 'Plenum' }).click();
  await page.getByRole('textbox', { name: /^Stunden\b/ }).fill('1');
  await page.getByRole('textbox', { name: /^Notiz/ }).fill(note);
  await page.getByRole('button', { name: 'Eintragen' }).click();
}

describe.runIf(browserAvailable())('the app on a phone, offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves a manifest that parses, its icons, the offline page, and a service worker that registers', {
    timeout: 120_000,
  }, async () => {
    const { page, context } = await newPage(browser, { mobile: true, serviceWorker: true });
    await page.goto('/login');
    const link = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(link).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#0f5b66');

    const manifest = await page.request.get(link as string);
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const parsed = JSON.parse(await manifest.text()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(parsed).toMatchObject({ name: 'Lotsennetz', start_url: '/', display: 'standalone', theme_color: '#0f5b66' });
    expect(parsed.short_name.length).toBeLessThanOrEqual(12);
    for (const purpose of ['any', 'maskable'])
      for (const size of [192, 512]) {
        const icon = parsed.icons.find((i) => i.purpose === purpose && i.sizes === `${size}x${size}`);
        expect(icon, `${purpose} ${size}`).toBeDefined();
        const file = await page.request.get(icon?.src as string);
        expect(file.status()).toBe(200);
        expect(file.headers()['content-type']).toBe('image/png');
        expect(pngSize(await file.body())).toEqual({ width: size, height: size });
      }

    const sw = await page.request.get('/sw.js');
    expect(sw.status()).toBe(200);
    expect(sw.headers()['content-type']).toMatch(/javascript/);
    expect(sw.headers()['cache-control']).toBe('no-store');
    expect(sw.headers()['service-worker-allowed']).toBe('/');
    const offline = await page.request.get('/offline.html');
    expect(offline.status()).toBe(200);
    const html = await offline.text();
    for (const text of ['Keine Verbindung', 'No connection', 'لا يوجد اتصال']) expect(html).toContain(text);

    await controlled(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe('/');
    await context.close();
  });

  it('a guide reads the month offline, logs an hour into the queue, and it is sent once when back online', {
    timeout: 180_000,
  }, async () => {
    const { page, context } = await newPage(browser, { mobile: true, serviceWorker: true });
    const crashes: string[] = [];
    page.on('pageerror', (error) => crashes.push(error.message));
    await loginAs(page, GUIDE);
    await setLocale(page, 'de');
    await controlled(page);

    // A worker that has not seen this session's `/me` (it was not yet in control at sign-in) learns the user itself
    // before it keeps anything; the copy of `/me` carries no CSRF token.
    await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: 'clear-offline-data' }));
    await page.waitForFunction(async () => (await caches.keys()).every((n) => !n.startsWith('lotsennetz-data-')));
    const kept = await page.evaluate(async () => {
      await fetch('/api/v1/hour-categories');
      const name = (await caches.keys()).find((n) => n.startsWith('lotsennetz-data-'));
      if (!name) return null;
      const cache = await caches.open(name);
      const me = await (await cache.match('/api/v1/me'))?.json();
      return { name, categories: Boolean(await cache.match('/api/v1/hour-categories')), me };
    });
    expect(kept?.categories).toBe(true);
    expect(kept?.name).toBe(`lotsennetz-data-${kept?.me.me.id}`);
    expect(kept?.me.csrfToken).toBe('');

    const month = await openMonth(page);
    const note = `Offline erfasst ${Date.now()}`;

    // Online once: the worker keeps the guide's copy of the month.
    await visit(page, `/my/hours/${month}`);
    await page.getByRole('button', { name: 'Eintragen' }).waitFor();

    await context.setOffline(true);
    await page.reload();
    const banner = page.getByRole('status').filter({ hasText: 'Sie sehen den zuletzt geladenen Stand' });
    await banner.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mein Stundenzettel' }).waitFor();
    await page.getByRole('region', { name: /^Summe/ }).waitFor();

    await logHour(page, note);
    const queue = page.getByRole('region', { name: 'Noch nicht gesendet' });
    await queue.getByText('Wartet auf Verbindung').waitFor();
    expect(await queue.getByRole('listitem').count()).toBe(1);
    await expectNoAxeViolations(page, 'offline time sheet with a queued entry');
    const queued = await page.evaluate(
      () =>
        new Promise<{ key: string; body: Record<string, unknown> }[]>((resolve, reject) => {
          const open = indexedDB.open('lotsennetz-offline');
          open.onsuccess = () => {
            const all = open.result.transaction('queue').objectStore('queue').getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(queued).toHaveLength(1);
    expect(queued[0].body.note).toBe(note);
    expect(queued[0].key).toMatch(/^[0-9a-f-]{36}$/);

    // Back online: the queue is sent by itself and the entry appears in the month.
    await context.setOffline(false);
    await queue.waitFor({ state: 'detached' });
    await page.getByText(note).waitFor();

    // The same entry sent once more with its key (a lost answer): the first result, no second entry.
    const replay = await page.evaluate(
      async ({ key, body }) => {
        const me = await (await fetch('/api/v1/me')).json();
        const res = await fetch('/api/v1/hour-entries', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken, 'idempotency-key': key },
          body: JSON.stringify(body),
        });
        return { status: res.status, replayed: res.headers.get('idempotent-replayed') };
      },
      { key: queued[0].key, body: queued[0].body },
    );
    expect(replay).toEqual({ status: 201, replayed: 'true' });

    await page.reload();
    await page.getByText(note).waitFor();
    const after = (await api<Sheet>(page, 'GET', `/me/time-sheets/${month}`)).json;
    expect(after.entries.filter((e) => e.note === note)).toHaveLength(1);
    expect(crashes).toEqual([]);

    // Signing out deletes the offline copies: offline again, the app has nothing of the guide's left to show.
    await api(page, 'POST', '/auth/logout');
    await page.waitForFunction(async () => (await caches.keys()).every((name) => !name.startsWith('lotsennetz-data-')));
    await context.close();
  });
  it('an entry refused after the fact (the month was submitted meanwhile) shows the reason and can be discarded', {
    timeout: 180_000,
  }, async () => {
    const { page, context } = await newPage(browser, { mobile: true, serviceWorker: true });
    await loginAs(page, GUIDE);
    await setLocale(page, 'de');
    await controlled(page);
    const month = await openMonth(page);
    await visit(page, `/my/hours/${month}`);
    await page.getByRole('button', { name: 'Eintragen' }).waitFor();

    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Keine Verbindung' }).waitFor();
    const note = `Zu spät ${Date.now()}`;
    await logHour(page, note);
    const queue = page.getByRole('region', { name: 'Noch nicht gesendet' });
    await queue.getByText('Wartet auf Verbindung').waitFor();

    // Meanwhile the guide submits the month on another device (a session of its own, online).
    const other = await newPage(browser);
    await loginAs(other.page, GUIDE);
    const submitted = await api<{ id: string; state: string }>(
      other.page,
      'POST',
      `/me/time-sheets/${month}/submit`,
      {},
    );
    expect(submitted.json.state, JSON.stringify(submitted)).toBe('submitted');

    await context.setOffline(false);
    await queue.getByText('Nicht gespeichert').waitFor();
    await queue
      .getByRole('alert')
      .getByText(/eingereicht oder freigegeben/)
      .waitFor();
    await expectNoAxeViolations(page, 'a refused queued entry');
    await queue.getByRole('button', { name: /^Verwerfen/ }).click();
    await queue.waitFor({ state: 'detached' });
    const sheet = (await api<Sheet>(other.page, 'GET', `/me/time-sheets/${month}`)).json;
    expect(sheet.entries.filter((e) => e.note === note)).toHaveLength(0);

    // The month goes back to the guide, so the other browser tests on this server find it open as before.
    const coordinator = await signedIn(browser, COORDINATOR);
    const back = await api(coordinator.page, 'POST', `/time-sheets/${submitted.json.id}/return`, {
      comment: 'Zurück für weitere Einträge',
    });
    expect(back.status).toBe(200);
    await Promise.all([context.close(), other.context.close(), coordinator.context.close()]);
  });
});
