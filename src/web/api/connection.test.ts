import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectionState, probe, reportReachable, reportUnreachable, subscribeConnection } from './connection';

describe('connection state', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('goes offline on a failed request, probes the server with growing pauses, and says "restored" for a moment', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const stop = subscribeConnection((s) => seen.push(s));
    const answers = [new TypeError('offline'), new TypeError('offline'), null];
    const fetch = vi.fn(async () => {
      const next = answers.shift();
      if (next) throw next;
      return new Response('{}', { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);

    reportUnreachable();
    expect(connectionState()).toBe('offline');
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1); // first probe after 1 s: fails
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // second after 2 more s: fails
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4000); // third after 4 more s: answers
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(connectionState()).toBe('restored');
    await vi.advanceTimersByTimeAsync(4000);
    expect(connectionState()).toBe('online');
    expect(seen).toEqual(['offline', 'restored', 'online']);
    stop();
  });

  it('treats a server error from the health check as still unreachable, any other answer as back', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 503 })),
    );
    reportUnreachable();
    await probe();
    expect(connectionState()).toBe('offline');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 200 })),
    );
    await probe();
    expect(connectionState()).toBe('restored');
    reportReachable();
    await vi.advanceTimersByTimeAsync(4000);
    expect(connectionState()).toBe('online');
  });
});
