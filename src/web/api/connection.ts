import { onlineManager } from '@tanstack/react-query';

/**
 * Whether the server can be reached. The browser's online/offline events are only half the story (a Wi-Fi without
 * internet, a server restart), so a failed fetch also counts as "offline"; from then on the health endpoint is
 * probed with growing pauses until it answers. TanStack Query follows this state through its onlineManager:
 * queries pause while offline and refetch when the connection is back.
 */
export type ConnectionState = 'online' | 'offline' | 'restored';

const HEALTH_URL = '/api/v1/health';
/** How long "connection restored" stays visible. */
const RESTORED_MS = 4000;
const FIRST_PROBE_MS = 1000;
const MAX_PROBE_MS = 30_000;

let state: ConnectionState = 'online';
const listeners = new Set<(state: ConnectionState) => void>();
let probeTimer: ReturnType<typeof setTimeout> | undefined;
let restoredTimer: ReturnType<typeof setTimeout> | undefined;
let probeDelay = FIRST_PROBE_MS;
let probing = false;
/** Some data on screen came from the service worker's offline copy (cleared when the server answers again). */
let offlineCopy = false;

function set(next: ConnectionState) {
  if (state === next) return;
  state = next;
  for (const listener of listeners) listener(state);
}

export const connectionState = () => state;
export const showingOfflineCopy = () => offlineCopy;

export function subscribeConnection(listener: (state: ConnectionState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function scheduleProbe() {
  clearTimeout(probeTimer);
  probeTimer = setTimeout(() => void probe(), probeDelay);
  probeDelay = Math.min(probeDelay * 2, MAX_PROBE_MS);
}

/** Asks the server whether it is there; called on a timer while offline, on `online` and on "try now". */
export async function probe(): Promise<void> {
  if (state !== 'offline' || probing) return;
  probing = true;
  clearTimeout(probeTimer);
  try {
    const response = await fetch(HEALTH_URL, { cache: 'no-store' });
    if (response.ok || response.status < 500) reportReachable();
    else scheduleProbe();
  } catch {
    scheduleProbe();
  } finally {
    probing = false;
  }
}

/** A request could not reach the server at all (no HTTP answer). */
export function reportUnreachable() {
  if (state === 'offline') return;
  clearTimeout(restoredTimer);
  probeDelay = FIRST_PROBE_MS;
  set('offline');
  scheduleProbe();
}

/** An answer came from the offline copy: the server was not reached, and the page says the data may be old. */
export function reportOfflineCopy() {
  const changed = !offlineCopy;
  offlineCopy = true;
  if (state !== 'offline') reportUnreachable();
  else if (changed) for (const listener of listeners) listener(state);
}

/** The server answered (any HTTP status): the connection is there. */
export function reportReachable() {
  offlineCopy = false;
  if (state !== 'offline') return;
  clearTimeout(probeTimer);
  set('restored');
  restoredTimer = setTimeout(() => set('online'), RESTORED_MS);
}

let installed = false;

/** Wires the browser events and TanStack Query's onlineManager to this state; once per page. */
export function installConnectionWatch() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('offline', reportUnreachable);
  window.addEventListener('online', () => void probe());
  if (!navigator.onLine) reportUnreachable();
  onlineManager.setEventListener((setOnline) => {
    setOnline(state !== 'offline');
    return subscribeConnection((next) => setOnline(next !== 'offline'));
  });
}
