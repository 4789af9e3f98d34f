import { ApiError, request, setCsrfToken } from '../api/client';
import { connectionState } from '../api/connection';
import { afterAnswer, outcomeOf, type QueuedEntry, type QueueProblem, sendable } from './queueRules';

/**
 * Entries typed without a connection, kept in IndexedDB (they survive a closed tab or a restarted phone) and sent
 * with their Idempotency-Key once the server answers again (OfflineQueueSync). A small wrapper instead of a library:
 * one object store, read whole (a guide queues a handful of entries, not thousands).
 */
const DB_NAME = 'lotsennetz-offline';
const STORE = 'queue';

let entries: QueuedEntry[] = [];
let loaded: Promise<void> | null = null;
const listeners = new Set<() => void>();

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function changed(next: QueuedEntry[]) {
  entries = next;
  for (const listener of listeners) listener();
}

/** Reads the queue from IndexedDB once per page. */
export function loadQueue(): Promise<void> {
  loaded ??= withStore('readonly', (s) => s.getAll() as IDBRequest<QueuedEntry[]>).then(
    (all) => changed(all),
    () => undefined,
  );
  return loaded;
}

export const queueSnapshot = () => entries;
export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function enqueue(entry: QueuedEntry) {
  await loadQueue();
  await withStore('readwrite', (s) => s.put(entry));
  changed([...entries.filter((e) => e.key !== entry.key), entry]);
}

export async function discard(key: string) {
  await withStore('readwrite', (s) => s.delete(key));
  changed(entries.filter((e) => e.key !== key));
}

async function replace(entry: QueuedEntry, next: QueuedEntry | null) {
  if (next) await withStore('readwrite', (s) => s.put(next));
  else await withStore('readwrite', (s) => s.delete(entry.key));
  changed(next ? entries.map((e) => (e.key === entry.key ? next : e)) : entries.filter((e) => e.key !== entry.key));
}

/** Another account signed in on this device: the previous user's unsent entries are not theirs to send or see. */
export async function dropOthers(userId: string) {
  await loadQueue();
  for (const e of entries.filter((x) => x.userId !== userId)) await discard(e.key);
}

function problemOf(error: unknown): QueueProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return {
    code: error.code,
    title: error.problem.title,
    errors: error.fieldErrors.map((f) => ({ path: f.path, message: f.message })),
  };
}

let flushing: Promise<number> | null = null;

/**
 * Sends the user's pending entries one after another, oldest first; answers how many were created. First a fresh
 * `/me`: it confirms the session (and that it is still this user) and brings a current CSRF token; the cached copy
 * of `/me` has none.
 */
export function flushQueue(userId: string): Promise<number> {
  flushing ??= (async () => {
    try {
      await loadQueue();
      const due = sendable(entries, userId);
      if (!due.length || connectionState() === 'offline') return 0;
      const session = await request<{ me: { id: string }; csrfToken: string }>('/me', { quiet401: true });
      if (!session.csrfToken || session.me.id !== userId || connectionState() === 'offline') return 0;
      setCsrfToken(session.csrfToken);
      let sent = 0;
      for (const entry of due) {
        try {
          await request(entry.path, { method: 'POST', body: entry.body, idempotencyKey: entry.key });
          await replace(entry, null);
          sent++;
        } catch (error) {
          const status = error instanceof ApiError ? error.status : 0;
          const outcome = outcomeOf(status, error instanceof ApiError ? error.code : undefined);
          await replace(entry, afterAnswer(entry, outcome, problemOf(error)));
          if (outcome === 'retry' || outcome === 'reauth') break;
        }
      }
      return sent;
    } catch {
      return 0;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
