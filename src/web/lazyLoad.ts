import { connectionState, reportUnreachable, subscribeConnection } from './api/connection';

/**
 * Code that fails to load (offline, server restarting) is fetched again once the server answers, rather than
 * leaving a broken page: meanwhile the placeholder and the connection banner show.
 */
export async function whenReachable<T>(load: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= 5) throw error;
      reportUnreachable();
      await new Promise<void>((resolve) => {
        if (connectionState() !== 'offline') return resolve();
        const stop = subscribeConnection((state) => {
          if (state === 'offline') return;
          stop();
          resolve();
        });
      });
    }
  }
}
