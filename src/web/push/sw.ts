/**
 * The minimal service worker `/push-sw.js`: Web Push only (no caching, no offline; the PWA's service worker is a
 * separate piece of work and can take over by calling installPushHandlers itself).
 */
import { installPushHandlers, type ServiceWorkerScopeLike } from './pushHandler';

installPushHandlers(self as unknown as ServiceWorkerScopeLike);
