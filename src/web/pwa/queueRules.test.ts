import { describe, expect, it } from 'vitest';
import { endsSession, isCachedApiPath, sessionUserOf, withoutCsrfToken } from './cachePolicy';
import { afterAnswer, outcomeOf, type QueuedEntry, sendable, uuid, visibleEntries } from './queueRules';

const entry = (over: Partial<QueuedEntry>): QueuedEntry => ({
  key: uuid(),
  userId: 'u1',
  kind: 'hour-entry',
  path: '/hour-entries',
  body: {},
  summary: { date: '2026-12-03', minutes: 60, label: 'Plenum' },
  createdAt: '2026-12-03T10:00:00.000Z',
  state: 'pending',
  attempts: 0,
  ...over,
});

describe('offline queue rules', () => {
  it('reads an answer: created, try again later, sign in again, or a conflict to show', () => {
    expect(outcomeOf(201)).toBe('sent');
    expect(outcomeOf(200)).toBe('sent');
    expect(outcomeOf(0, 'network_error')).toBe('retry');
    expect(outcomeOf(503, 'internal_error')).toBe('retry');
    expect(outcomeOf(429, 'rate_limited')).toBe('retry');
    expect(outcomeOf(409, 'idempotency_key_in_progress')).toBe('retry');
    expect(outcomeOf(401, 'unauthenticated')).toBe('reauth');
    expect(outcomeOf(403, 'csrf_failed')).toBe('reauth');
    expect(outcomeOf(403, 'forbidden')).toBe('conflict');
    expect(outcomeOf(409, 'time_sheet_locked')).toBe('conflict');
    expect(outcomeOf(400, 'validation_failed')).toBe('conflict');
    expect(outcomeOf(422, 'idempotency_key_reused')).toBe('conflict');
  });

  it("sends only the signed-in user's pending entries, oldest first", () => {
    const a = entry({ createdAt: '2026-12-03T10:05:00.000Z' });
    const b = entry({ createdAt: '2026-12-03T10:01:00.000Z' });
    const other = entry({ userId: 'u2' });
    const refused = entry({ state: 'conflict' });
    expect(sendable([a, b, other, refused], 'u1').map((e) => e.key)).toEqual([b.key, a.key]);
    expect(sendable([a, b], 'u2')).toEqual([]);
  });

  it("lists a page's entries by path and month", () => {
    const dec = entry({});
    const nov = entry({ summary: { date: '2026-11-30', minutes: 30, label: 'Plenum' } });
    const activity = entry({ kind: 'activity', path: '/assignments/x/activities' });
    expect(visibleEntries([dec, nov, activity], 'u1', { path: '/hour-entries', month: '2026-12' })).toEqual([dec]);
    expect(visibleEntries([dec, nov, activity], 'u1', { path: '/assignments/x/activities' })).toEqual([activity]);
    expect(visibleEntries([dec], 'u2', { path: '/hour-entries' })).toEqual([]);
  });

  it('removes a sent entry, keeps one to retry, and marks a conflict with the reason', () => {
    const e = entry({});
    expect(afterAnswer(e, 'sent')).toBeNull();
    expect(afterAnswer(e, 'retry')).toMatchObject({ state: 'pending', attempts: 1, key: e.key });
    const problem = { code: 'time_sheet_locked', title: 'Dieser Monat ist eingereicht.' };
    expect(afterAnswer(e, 'conflict', problem)).toMatchObject({ state: 'conflict', problem, attempts: 1, key: e.key });
  });

  it('makes version-4 UUIDs that the server accepts', () => {
    const seen = new Set(Array.from({ length: 50 }, () => uuid()));
    expect(seen.size).toBe(50);
    for (const id of seen) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('what the service worker keeps offline', () => {
  it("keeps the guide's own reads and nothing else", () => {
    for (const path of [
      '/api/v1/me',
      '/api/v1/me/offers',
      '/api/v1/assignments',
      '/api/v1/assignments/6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      '/api/v1/assignments/6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6/activities',
      '/api/v1/assignments/6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6/agreement/versions',
      '/api/v1/me/time-sheets/2026-12',
      '/api/v1/hour-categories',
    ])
      expect(isCachedApiPath(path), path).toBe(true);
    for (const path of [
      '/api/v1/guides',
      '/api/v1/requests',
      '/api/v1/audit-events',
      '/api/v1/assignments/6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6/agreement.pdf',
      '/api/v1/health',
      '/api/v1/me/time-sheets/2026-12/submit',
    ])
      expect(isCachedApiPath(path), path).toBe(false);
  });

  it('forgets everything on sign-in and sign-out, and keeps no CSRF token', () => {
    expect(endsSession('POST', '/api/v1/auth/logout')).toBe(true);
    expect(endsSession('POST', '/api/v1/auth/login')).toBe(true);
    expect(endsSession('GET', '/api/v1/me')).toBe(false);
    expect(sessionUserOf({ me: { id: 'u1', role: 'guide' }, csrfToken: 'x' })).toEqual({ id: 'u1', role: 'guide' });
    expect(sessionUserOf({ error: 1 })).toBeNull();
    expect(withoutCsrfToken({ me: { id: 'u1' }, csrfToken: 'secret' })).toEqual({ me: { id: 'u1' }, csrfToken: '' });
  });
});
