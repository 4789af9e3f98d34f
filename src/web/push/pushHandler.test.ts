import { describe, expect, it } from 'vitest';
import {
  handleNotificationClick,
  handlePush,
  notificationFor,
  type ServiceWorkerScopeLike,
  safePath,
} from './pushHandler';

function fakeWorker() {
  const shown: { title: string; options: unknown }[] = [];
  const opened: string[] = [];
  const waits: Promise<unknown>[] = [];
  const sw = {
    addEventListener: () => {},
    registration: {
      showNotification: async (title: string, options: unknown) => {
        shown.push({ title, options });
      },
    },
    clients: { matchAll: async () => [], openWindow: async (url: string) => opened.push(url) },
    location: { origin: 'https://lotsen.example' },
  } as unknown as ServiceWorkerScopeLike;
  return { sw, shown, opened, waits, waitUntil: (p: Promise<unknown>) => waits.push(p) };
}

describe('the push handler of the service worker', () => {
  it('shows the payload’s title and line, tagged with the notification id', async () => {
    const w = fakeWorker();
    const payload = { title: 'Neues Einsatzangebot', body: 'Öffnen Sie Lotsennetz.', url: '/my/offers/1', tag: 'n1' };
    handlePush(w.sw, { data: { json: () => payload }, waitUntil: w.waitUntil });
    await Promise.all(w.waits);
    expect(w.shown).toEqual([
      {
        title: 'Neues Einsatzangebot',
        options: { body: 'Öffnen Sie Lotsennetz.', tag: 'n1', icon: '/favicon.svg', data: { url: '/my/offers/1' } },
      },
    ]);
  });
  it('still shows a notification for an unreadable push, as browsers require', async () => {
    const w = fakeWorker();
    handlePush(w.sw, {
      data: {
        json: () => {
          throw new SyntaxError('not json');
        },
      },
      waitUntil: w.waitUntil,
    });
    await Promise.all(w.waits);
    expect(w.shown[0].title).toBe('Lotsennetz');
  });
  it('opens only paths of this app', async () => {
    expect(safePath('https://evil.example/')).toBe('/notifications');
    expect(safePath('//evil.example/')).toBe('/notifications');
    expect(notificationFor({ url: '/my/offers/2' }).options.data.url).toBe('/my/offers/2');
    const w = fakeWorker();
    handleNotificationClick(w.sw, {
      notification: { close: () => {}, data: { url: 'javascript:alert(1)' } },
      waitUntil: w.waitUntil,
    });
    await Promise.all(w.waits);
    expect(w.opened).toEqual(['https://lotsen.example/notifications']);
  });
});
