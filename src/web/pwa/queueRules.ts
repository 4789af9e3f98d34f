/**
 * The offline queue's rules, pure so they are unit-tested (queueRules.test.ts); offlineQueue.ts stores the entries
 * in IndexedDB and sends them. An entry is a POST the guide made without a connection: its Idempotency-Key is made
 * when it is typed and stays with it, so however often it is sent, the server creates it once.
 */
export type QueueKind = 'hour-entry' | 'activity';

export type QueueProblem = { code: string; title: string; errors?: { path: string; message: string }[] };

export type QueuedEntry = {
  /** The Idempotency-Key, a UUID. */
  key: string;
  /** Whose entry it is: sent only while this user is signed in. */
  userId: string;
  kind: QueueKind;
  /** The API path, e.g. `/hour-entries` or `/assignments/{id}/activities`. */
  path: string;
  body: Record<string, unknown>;
  /** What the queue list shows: the entry's date and minutes, and a label (category or activity type). */
  summary: { date: string; minutes: number; label: string };
  createdAt: string;
  state: 'pending' | 'conflict';
  /** The server's translated refusal, for a conflict. */
  problem?: QueueProblem;
  attempts: number;
};

export type SendOutcome =
  /** Created (or created before: the server answered the first result again). Remove from the queue. */
  | 'sent'
  /** No answer, or one worth trying again later (a server error, the first request still running). Keep. */
  | 'retry'
  /** The session is gone or its CSRF token is old: stop sending until the user is signed in again. */
  | 'reauth'
  /** The server refused it for a reason that will not go away by itself. Show it; the guide discards it. */
  | 'conflict';

/** What an answer (HTTP status and problem code; status 0 = no answer at all) means for a queued entry. */
export function outcomeOf(status: number, code?: string): SendOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status >= 500 || status === 429) return 'retry';
  if (status === 409 && code === 'idempotency_key_in_progress') return 'retry';
  if (status === 401 || (status === 403 && code === 'csrf_failed')) return 'reauth';
  return 'conflict';
}

/** The entries this user may send now, oldest first: their own, pending. */
export function sendable(entries: readonly QueuedEntry[], userId: string): QueuedEntry[] {
  return entries
    .filter((e) => e.userId === userId && e.state === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** What the list shows for a page: this user's entries on that path (and month, for the time sheet). */
export function visibleEntries(
  entries: readonly QueuedEntry[],
  userId: string,
  filter: { path: string; month?: string },
): QueuedEntry[] {
  return entries
    .filter(
      (e) =>
        e.userId === userId && e.path === filter.path && (!filter.month || e.summary.date.startsWith(filter.month)),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The entry after an answer: gone when sent, unchanged but counted when to be tried again, marked on a conflict. */
export function afterAnswer(entry: QueuedEntry, outcome: SendOutcome, problem?: QueueProblem): QueuedEntry | null {
  switch (outcome) {
    case 'sent':
      return null;
    case 'conflict':
      return { ...entry, state: 'conflict', problem, attempts: entry.attempts + 1 };
    default:
      return { ...entry, attempts: entry.attempts + 1 };
  }
}

/** A version-4 UUID from the browser's random numbers; `crypto.randomUUID` needs https, an intranet may not have it. */
export function uuid(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
